import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { RawData, WebSocket, WebSocketServer } from 'ws'
import { isBoardId, roleForToken } from './auth'
import { closeCodes } from './closeCodes'
import { type Connection, closeConnection } from './connection'
import { type Logger, newConnectionId } from './log'
import { handleMessage } from './protocol'
import type { Room } from './room'
import type { Rooms } from './rooms'
import type { BoardStore } from './storage/BoardStore'

/**
 * `ws://host/ws/<boardId>?token=…` → a Connection in a Room. Board and token are checked on the raw
 * HTTP upgrade, so a wrong token never gets a WebSocket at all: it gets `401` (unknown board: `404`).
 */
export interface UpgradeDeps {
  wss: WebSocketServer
  rooms: Rooms
  store: BoardStore
  log: Logger
  pingIntervalMs: number
  /** True once shutdown began: late upgrades are refused instead of reopening rooms. */
  isClosing: () => boolean
}

const statusText: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

function reject(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`
  socket.end(
    `HTTP/1.1 ${status} ${statusText[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
  socket.destroy()
}

export function createUpgradeHandler(deps: UpgradeDeps) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => {}) // a peer resetting mid-handshake is not our error to crash on
    // Parsed here and never logged whole: the query string holds the token.
    const url = new URL(req.url ?? '/', 'http://localhost')
    const boardId = /^\/ws\/([^/]+)$/.exec(url.pathname)?.[1] ?? ''
    if (deps.isClosing()) {
      reject(socket, 503, 'server shutting down')
      return
    }
    try {
      const board = isBoardId(boardId) ? deps.store.getBoard(boardId) : undefined
      if (!board) {
        reject(socket, 404, 'unknown board')
        return
      }
      const role = roleForToken(board, url.searchParams.get('token'))
      if (!role) {
        deps.log.info({ boardId }, 'upgrade refused: missing or wrong token')
        reject(socket, 401, 'missing or wrong token')
        return
      }
      deps.wss.handleUpgrade(req, socket, head, (ws) => {
        try {
          join(deps, ws, boardId, role)
        } catch (error) {
          // A bug while wiring one socket must not escape into ws and take the process down.
          deps.log.error({ err: error, boardId }, 'joining the room failed')
          ws.terminate()
        }
      })
    } catch (error) {
      deps.log.error({ err: error, boardId }, 'upgrade failed')
      reject(socket, 500, 'internal error')
    }
  }
}

/** Loads the room synchronously and wires the socket before any of its frames can be read. */
function join(deps: UpgradeDeps, ws: WebSocket, boardId: string, role: Connection['role']): void {
  const id = newConnectionId()
  const conn: Connection = {
    id,
    ws,
    role,
    log: deps.log.child({ connId: id, boardId }),
    awarenessIds: new Set(),
    isAlive: true,
    closing: false,
  }
  ws.on('error', (error: Error & { code?: string }) => {
    // ws reports protocol violations here (e.g. a frame over maxPayload) and closes the socket itself.
    conn.log.warn({ errorCode: error.code, reason: error.message }, 'socket error')
  })
  const opened = deps.rooms.open(boardId)
  if (!opened.ok) {
    closeConnection(conn, closeCodes.internalError, opened.reason)
    return
  }
  const room: Room = opened.room
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (conn.closing || room.isClosed) return
    if (!isBinary) return closeConnection(conn, closeCodes.unsupportedData, 'text frames are not supported')
    handleMessage(room, conn, toBytes(data))
  })
  const heartbeat = setInterval(() => {
    if (!conn.isAlive) {
      conn.log.warn('no pong since the last ping; terminating socket')
      return ws.terminate()
    }
    conn.isAlive = false
    ws.ping()
  }, deps.pingIntervalMs)
  ws.on('pong', () => {
    conn.isAlive = true
  })
  ws.on('close', (code: number) => {
    clearInterval(heartbeat)
    conn.closing = true
    conn.log.info({ closeCode: code }, 'connection closed')
    room.removeConnection(conn)
  })
  conn.log.info({ role }, 'connection opened')
  room.addConnection(conn)
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
