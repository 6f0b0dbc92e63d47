import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocketServer } from 'ws'
import { isBoardId, roleForToken } from './auth'
import { type JoinDeps, join } from './join'
import type { BoardStore } from './storage/BoardStore'

/**
 * `ws://host/ws/<boardId>?token=…` → a Connection in a Room. Board and token are checked on the raw
 * HTTP upgrade, so a wrong token never gets a WebSocket at all: it gets `401` (unknown board: `404`).
 * The board row comes from the (async) store; the room itself is opened by `join`, after the upgrade.
 */
export interface UpgradeDeps extends JoinDeps {
  wss: WebSocketServer
  store: BoardStore
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
    upgrade(deps, req, socket, head, url, boardId).catch((error: unknown) => {
      deps.log.error({ err: error, boardId }, 'upgrade failed')
      if (!socket.destroyed) reject(socket, 500, 'internal error')
    })
  }
}

async function upgrade(
  deps: UpgradeDeps,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  url: URL,
  boardId: string,
): Promise<void> {
  const board = isBoardId(boardId) ? await deps.store.getBoard(boardId) : undefined
  if (socket.destroyed) return // the peer gave up while the store answered
  if (deps.isClosing()) return reject(socket, 503, 'server shutting down')
  if (!board) return reject(socket, 404, 'unknown board')
  const role = roleForToken(board, url.searchParams.get('token'))
  if (!role) {
    deps.log.info({ boardId }, 'upgrade refused: missing or wrong token')
    return reject(socket, 401, 'missing or wrong token')
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
}
