import type { Duplex } from 'node:stream'
import type { RawData, WebSocket } from 'ws'
import type { Role } from '../auth'
import { closeCodes } from '../closeCodes'
import type { ServerConfig } from '../config'
import { AwarenessThrottle } from '../limits/awarenessThrottle'
import { TokenBucket } from '../limits/tokenBucket'
import type { Logger } from '../log'
import { type Metrics, reject } from '../metrics'
import type { AwarenessEntry } from './awarenessPolicy'
import { type Connection, closeConnection } from './connection'
import { handleMessage } from './protocol'
import type { Room } from './room'
import type { Rooms } from './rooms'

/**
 * Wires one upgraded socket to its board's room. The room may still be loading (or unloading) when the
 * socket opens, and a client sends sync step 1 at once, so frames that arrive before the room is ready
 * are kept in order and handled right after the join, in the same turn, before any later frame. The
 * buffer is capped: past `maxLoadingBufferBytes` the socket closes with 1013 (try again later).
 */
export interface JoinDeps {
  rooms: Rooms
  log: Logger
  metrics: Metrics
  config: ServerConfig
}

/** `id` was given at the upgrade, so the upgrade's log lines and the connection's share it. */
export function join(
  deps: JoinDeps,
  ws: WebSocket,
  socket: Duplex,
  boardId: string,
  role: Role,
  id: string,
): void {
  const { config } = deps
  const conn: Connection = {
    id,
    ws,
    socket,
    role,
    log: deps.log.child({ connId: id, boardId }),
    awarenessIds: new Set(),
    updateBucket: new TokenBucket(config.maxUpdatesPerSecond, config.updateBurst),
    awarenessThrottle: new AwarenessThrottle<AwarenessEntry[]>(config.maxAwarenessPerSecond),
    maxBufferedBytes: config.maxBufferedBytes,
    metrics: deps.metrics,
    isAlive: true,
    closing: false,
  }
  let room: Room | undefined
  const early: Uint8Array[] = []
  let earlyBytes = 0

  ws.on('error', (error: Error & { code?: string }) => {
    // ws reports protocol violations here (e.g. a frame over maxPayload) and closes the socket itself.
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') reject(deps.metrics, 'frame-too-big')
    conn.log.warn({ errorCode: error.code, reason: error.message }, 'socket error')
  })
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (conn.closing) return
    deps.metrics.bytesReceived.inc(byteLength(data))
    if (!isBinary) {
      reject(deps.metrics, 'text-frame')
      return closeConnection(conn, closeCodes.unsupportedData, 'text frames are not supported')
    }
    if (room) {
      if (room.isOpen) handleMessage(room, conn, toBytes(data))
      return
    }
    earlyBytes += byteLength(data)
    if (earlyBytes > config.maxLoadingBufferBytes) {
      early.length = 0
      const reason = `sent more than ${config.maxLoadingBufferBytes} bytes while the board was loading`
      reject(deps.metrics, 'loading-buffer-full')
      return closeConnection(conn, closeCodes.tryAgainLater, reason)
    }
    early.push(toBytes(data).slice()) // a copy: ws may reuse the receive buffer
  })
  const heartbeat = setInterval(() => {
    if (!conn.isAlive) {
      conn.log.warn('no pong since the last ping; terminating socket')
      return ws.terminate()
    }
    conn.isAlive = false
    ws.ping()
  }, config.pingIntervalMs)
  ws.on('pong', () => {
    conn.isAlive = true
  })
  ws.on('close', (code: number) => {
    clearInterval(heartbeat)
    conn.closing = true
    conn.awarenessThrottle.dispose()
    conn.log.info({ closeCode: code }, 'connection closed')
    room?.removeConnection(conn)
  })
  conn.log.info({ role }, 'connection opened')

  deps.rooms
    .open(boardId)
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
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

const byteLength = (data: RawData) =>
  Array.isArray(data) ? data.reduce((sum, b) => sum + b.byteLength, 0) : data.byteLength
