import { closeCodes } from '../closeCodes'
import type { ServerConfig } from '../config'
import { AwarenessThrottle } from '../limits/awarenessThrottle'
import { TokenBucket } from '../limits/tokenBucket'
import type { Logger } from '../log'
import { type Metrics, reject } from '../metrics'
import type { Access } from '../permissions/access'
import { type DocumentPolicies, grantWrite } from '../permissions/documentPolicies'
import type { BoardDocument } from '../permissions/documents'
import type { AwarenessEntry } from './awarenessPolicy'
import { type Connection, closeConnection } from './connection'
import type { LinkSockets } from './linkSockets'
import { pongReceived } from './livenessProbe'
import type { PeerSocket, SocketEvents } from './peerSocket'
import { handleMessage } from './protocol'
import type { Room } from './room'
import type { Rooms } from './rooms'

// Wires one authenticated socket to its document's room. The room may still be loading (or unloading)
// when the socket opens, and a client sends sync step 1 at once, so frames that arrive before the room
// is ready are kept in order and handled right after the join, in the same turn, before any later frame.
// The buffer is capped: past `maxLoadingBufferBytes` the socket closes with 1013 (try again later). What
// the connection may write is decided here, once (documentPolicies.ts).

export interface JoinDeps {
  rooms: Rooms
  log: Logger
  metrics: Metrics
  config: ServerConfig
  policies: DocumentPolicies
  /** Open sockets by the token they joined with, for link rotation. */
  linkSockets: LinkSockets
}

export interface JoinRequest {
  boardId: string
  document: BoardDocument
  access: Access
  /** Given at the upgrade, so the upgrade's log lines and the connection's share it. */
  connId: string
  /** SHA-256 of the token it joined with (authenticate.ts): rotating that link closes the socket. */
  tokenHash: Uint8Array
}

/** The connection of an authenticated socket, with its rights on the document and its limits. */
export function openConnection(
  deps: Omit<JoinDeps, 'rooms'>,
  socket: PeerSocket,
  request: JoinRequest,
): Connection {
  const { config } = deps
  const { boardId, document, access, connId } = request
  return {
    id: connId,
    socket,
    access,
    write: grantWrite(deps.policies, access, document, boardId),
    log: deps.log.child({ connId, boardId, document: document.name }),
    awarenessIds: new Set(),
    updateBucket: new TokenBucket(config.maxUpdatesPerSecond, config.updateBurst),
    awarenessThrottle: new AwarenessThrottle<AwarenessEntry[]>(config.maxAwarenessPerSecond),
    maxBufferedBytes: config.maxBufferedBytes,
    metrics: deps.metrics,
    isAlive: true,
    closing: false,
  }
}

/** Returns what the transport must tell it about the socket (wsPeerSocket.ts forwards ws's events). */
export function join(deps: JoinDeps, socket: PeerSocket, request: JoinRequest): SocketEvents {
  const { config } = deps
  const { boardId, document, access } = request
  const conn = openConnection(deps, socket, request)
  let room: Room | undefined
  const early: Uint8Array[] = []
  let earlyBytes = 0

  const heartbeat = setInterval(() => {
    if (!conn.isAlive) {
      conn.log.warn('no pong since the last ping; terminating socket')
      return socket.terminate()
    }
    conn.isAlive = false
    socket.ping()
  }, config.pingIntervalMs)

  const unregister = deps.linkSockets.add(boardId, request.tokenHash, () =>
    closeConnection(conn, closeCodes.linkRotated, 'this link was rotated: it no longer opens the board'),
  )
  const events: SocketEvents = {
    error(error) {
      if (error.frameTooBig) reject(deps.metrics, 'frame-too-big')
      conn.log.warn({ errorCode: error.code, reason: error.message }, 'socket error')
    },
    textMessage(byteLength) {
      if (conn.closing) return
      deps.metrics.bytesReceived.inc(byteLength)
      reject(deps.metrics, 'text-frame')
      closeConnection(conn, closeCodes.unsupportedData, 'text frames are not supported')
    },
    binaryMessage(data) {
      if (conn.closing) return
      deps.metrics.bytesReceived.inc(data.byteLength)
      if (room) {
        if (room.isOpen) handleMessage(room, conn, data)
        return
      }
      earlyBytes += data.byteLength
      if (earlyBytes > config.maxLoadingBufferBytes) {
        early.length = 0
        const reason = `sent more than ${config.maxLoadingBufferBytes} bytes while the board was loading`
        reject(deps.metrics, 'loading-buffer-full')
        return closeConnection(conn, closeCodes.tryAgainLater, reason)
      }
      early.push(data.slice()) // a copy: the transport may reuse the receive buffer
    },
    pong() {
      pongReceived(conn)
    },
    close(code) {
      clearInterval(heartbeat)
      unregister()
      clearTimeout(conn.livenessProbe)
      conn.closing = true
      conn.awarenessThrottle.dispose()
      conn.log.info({ closeCode: code }, 'connection closed')
      room?.removeConnection(conn)
    },
  }
  conn.log.info({ role: access.role, participant: access.participant?.id }, 'connection opened')

  deps.rooms
    .open(boardId, document)
    .then((opened) => {
      if (!opened.ok) return closeConnection(conn, opened.code, opened.reason)
      // Left while the board loaded: nothing to join (the room's idle timer unloads it if nobody else came).
      if (conn.closing) return
      const joined = opened.room
      room = joined
      joined.addConnection(conn)
      for (const message of early.splice(0)) {
        if (conn.closing || !joined.isOpen) break
        handleMessage(joined, conn, message)
      }
    })
    .catch((error: unknown) => {
      // A bug while joining one socket must not become an unhandled rejection or touch other sockets.
      conn.log.error({ err: error }, 'joining the room failed')
      closeConnection(conn, closeCodes.internalError, 'internal error')
    })
  return events
}
