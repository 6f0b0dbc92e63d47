import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocketServer } from 'ws'
import { isOriginAllowed } from './http/originCheck'
import { securityHeaders } from './http/securityHeaders'
import { clientIp } from './limits/clientIp'
import type { ConnectionCaps } from './limits/connectionCaps'
import { newConnectionId } from './log'
import type { UpgradeRefusal } from './metrics'
import { type AccessClaim, authenticate, claimFromSocketUrl } from './permissions/authenticate'
import type { BoardStore } from './storage/BoardStore'
import { type JoinDeps, join } from './sync/join'
import { forwardWsEvents, WsPeerSocket } from './sync/wsPeerSocket'

// `ws://host/ws/<boardId>[/<document>]?token=…[&participant=…]` → a Connection in a Room. Everything
// that can be decided from the HTTP request is decided before the WebSocket exists, with a status: 503
// shutting down, 403 a browser Origin not allowed, then authenticate's 404 / 401 / 400 / 403
// (permissions/authenticate.ts), then 503 board full or every loaded board in use, 429 too many sockets
// from one IP. The per-board cap counts the sockets of all the board's documents. The board row comes
// from the (async) store; the room itself is opened by `join`, after the upgrade. Every line logged here
// carries the connection id the socket will have.

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
    // Parsed here and never logged whole: the query string holds the token and the participant secret.
    const url = new URL(req.url ?? '/', 'http://localhost')
    const claim = claimFromSocketUrl(url)
    const connId = newConnectionId()
    const log = deps.log.child({ connId, boardId: claim?.boardId ?? '', document: claim?.document?.name })
    const refuse = (status: number, reason: UpgradeRefusal, message: string) => {
      deps.metrics.upgradesRefused.inc({ reason })
      // A wrong link is the caller's business (info); a refusal the operator may need to act on is a warning.
      const level =
        status === 400 || status === 401 || status === 404 || reason === 'forbidden' ? 'info' : 'warn'
      log[level]({ status, reason: message }, 'upgrade refused')
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
    if (!claim) {
      refuse(404, 'unknown-board', 'not a board path')
      return
    }
    upgrade(deps, req, socket, head, claim, connId, refuse).catch((error: unknown) => {
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
  claim: AccessClaim,
  connId: string,
  refuse: (status: number, reason: UpgradeRefusal, message: string) => void,
): Promise<void> {
  const auth = await authenticate(deps, claim)
  if (socket.destroyed) return // the peer gave up while the store answered
  if (deps.isClosing()) return refuse(503, 'shutting-down', 'server shutting down')
  if (!auth.ok) return refuse(auth.status, auth.reason, auth.message)
  const { boardId, document, access, tokenHash } = auth
  if (!deps.rooms.canOpen(boardId, document)) {
    return refuse(503, 'boards-limit', 'too many boards open on this server; try again later')
  }
  const slot = deps.caps.tryAcquire(boardId, clientIp(req, deps.config.trustProxyHops))
  if (!slot.ok) return refuse(slot.status, slot.reason, slot.message)
  // The TCP socket outlives both an aborted handshake and the WebSocket, so its close frees the slot.
  socket.once('close', slot.release)
  deps.wss.handleUpgrade(req, socket, head, (ws) => {
    try {
      forwardWsEvents(
        ws,
        join(deps, new WsPeerSocket(ws, socket), {
          boardId,
          document,
          access,
          connId,
          tokenHash,
        }),
      )
    } catch (error) {
      // A bug while wiring one socket must not escape into ws and take the process down.
      deps.log.error({ err: error, connId, boardId }, 'joining the room failed')
      ws.terminate()
    }
  })
}
