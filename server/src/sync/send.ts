import { reject } from '../metrics'
import type { Connection } from './connection'
import { SharedMessage } from './peerSocket'

// The one way bytes leave the server, to one socket or to many. A socket that cannot take them is
// dropped: one that stops reading (its kernel buffer full, the transport queueing in memory) is
// terminated once more than maxBufferedBytes wait for it, so it cannot grow server memory without
// bound; its client reconnects and resyncs.

/**
 * `onSent` runs once the message has been handed to the kernel (never, if the socket fails or closes
 * first): a sender that waits for it queues at most one message per socket.
 */
export function send(conn: Connection, message: Uint8Array, onSent?: () => void): void {
  const { socket } = conn
  if (conn.closing || !socket.isOpen) return
  if (socket.bufferedBytes + message.byteLength > conn.maxBufferedBytes) {
    dropSlowConsumer(conn)
    return
  }
  conn.metrics.bytesSent.inc(message.byteLength)
  try {
    socket.send(message, (error) => (error ? sendFailed(conn, error) : onSent?.()))
  } catch (error) {
    sendFailed(conn, error)
  }
}

/**
 * `send` for one message to many sockets (relays, awareness), the hot path under load: the message is
 * prepared once (a WebSocket frames it once, wsPeerSocket.ts) and the same bytes go to every socket,
 * without a callback or a closure per socket (a write that fails errors the socket and it closes), and
 * the sent bytes are counted once.
 */
export function sendToAll(
  conns: Iterable<Connection>,
  message: Uint8Array,
  except?: Connection | ReadonlySet<Connection>,
): void {
  const skip = except instanceof Set ? except : undefined
  let shared: SharedMessage | undefined
  let sent = 0
  let metrics: Connection['metrics'] | undefined
  for (const conn of conns) {
    const { socket } = conn
    if (conn === except || skip?.has(conn) || conn.closing || !socket.isOpen) continue
    if (socket.bufferedBytes + message.byteLength > conn.maxBufferedBytes) {
      dropSlowConsumer(conn)
      continue
    }
    shared ??= new SharedMessage(message)
    try {
      if (!socket.sendShared(shared)) continue // closed under the transport; its close event is on the way
    } catch (error) {
      sendFailed(conn, error)
      continue
    }
    sent++
    metrics = conn.metrics
  }
  if (metrics) metrics.bytesSent.inc(sent * message.byteLength)
}

function dropSlowConsumer(conn: Connection): void {
  conn.log.warn(
    { bufferedBytes: conn.socket.bufferedBytes, maxBufferedBytes: conn.maxBufferedBytes },
    'socket is not reading; terminating',
  )
  reject(conn.metrics, 'slow-consumer')
  conn.closing = true
  conn.socket.terminate()
}

function sendFailed(conn: Connection, error: unknown): void {
  conn.log.warn({ err: error }, 'send failed; terminating socket')
  conn.closing = true
  conn.socket.terminate()
}
