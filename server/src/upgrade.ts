import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocketServer } from 'ws'
import { isBoardId, roleForToken } from './auth'
import { isOriginAllowed } from './http/originCheck'
import { securityHeaders } from './http/securityHeaders'
import { clientIp } from './limits/clientIp'
import type { ConnectionCaps } from './limits/connectionCaps'
import { newConnectionId } from './log'
import type { UpgradeRefusal } from './metrics'
import type { BoardStore } from './storage/BoardStore'
import { type JoinDeps, join } from './sync/join'

/**
 * `ws://host/ws/<boardId>?token=…` → a Connection in a Room. Everything that can be decided from the
 * HTTP request is decided before the WebSocket exists, with a status: 503 shutting down, 403 a browser
 * Origin not allowed, 404 unknown board, 401 wrong token, 503 board full or every loaded board in use,
 * 429 too many sockets from one IP. The board row comes from the (async) store; the room itself is
 * opened by `join`, after the upgrade. Every line logged here carries the connection id the socket
 * will have.
 */
export interface UpgradeDeps extends JoinDeps {
  wss: WebSocketServer
  store: BoardStore
  caps: ConnectionCaps
  /** True once shutdown began: late upgrades are refused instead of reopening rooms. */
  isClosing: () => boolean
}

const statusText: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

const extraHeaders = Object.entries(securityHeaders)
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('')

function reject(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`
  socket.end(
    `HTTP/1.1 ${status} ${statusText[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `${extraHeaders}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
  socket.destroy()
}

export function createUpgradeHandler(deps: UpgradeDeps) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => {}) // a peer resetting mid-handshake is not our error to crash on
    // Parsed here and never logged whole: the query string holds the token.
    const url = new URL(req.url ?? '/', 'http://localhost')
    const boardId = /^\/ws\/([^/]+)$/.exec(url.pathname)?.[1] ?? ''
    const connId = newConnectionId()
    const log = deps.log.child({ connId, boardId })
    const refuse = (status: number, reason: UpgradeRefusal, message: string) => {
      deps.metrics.upgradesRefused.inc({ reason })
      if (status !== 401 && status !== 404) log.warn({ status, reason: message }, 'upgrade refused')
      reject(socket, status, message)
    }
    if (deps.isClosing()) {
      refuse(503, 'shutting-down', 'server shutting down')
      return
    }
    if (!isOriginAllowed(req, deps.config.allowedOrigins)) {
      refuse(403, 'origin', `origin ${JSON.stringify(req.headers.origin)} is not allowed`)
      return
    }
    upgrade(deps, req, socket, head, url, boardId, connId, refuse).catch((error: unknown) => {
      log.error({ err: error }, 'upgrade failed')
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
  connId: string,
  refuse: (status: number, reason: UpgradeRefusal, message: string) => void,
): Promise<void> {
  const board = isBoardId(boardId) ? await deps.store.getBoard(boardId) : undefined
  if (socket.destroyed) return // the peer gave up while the store answered
  if (deps.isClosing()) return refuse(503, 'shutting-down', 'server shutting down')
  if (!board) return refuse(404, 'unknown-board', 'unknown board')
  const role = roleForToken(board, url.searchParams.get('token'))
  if (!role) {
    deps.log.info({ connId, boardId }, 'upgrade refused: missing or wrong token')
    return refuse(401, 'token', 'missing or wrong token')
  }
  if (!deps.rooms.canOpen(boardId)) {
    return refuse(503, 'boards-limit', 'too many boards open on this server; try again later')
  }
  const slot = deps.caps.tryAcquire(boardId, clientIp(req, deps.config.trustProxyHops))
  if (!slot.ok) return refuse(slot.status, slot.reason, slot.message)
  // The TCP socket outlives both an aborted handshake and the WebSocket, so its close frees the slot.
  socket.once('close', slot.release)
  deps.wss.handleUpgrade(req, socket, head, (ws) => {
    try {
      join(deps, ws, socket, boardId, role, connId)
    } catch (error) {
      // A bug while wiring one socket must not escape into ws and take the process down.
      deps.log.error({ err: error, connId, boardId }, 'joining the room failed')
      ws.terminate()
    }
  })
}
