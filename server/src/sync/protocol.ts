import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { closeCodes } from '../closeCodes'
import { type RejectReason, reject } from '../metrics'
import { decodeAwarenessEntries } from './awarenessPolicy'
import { type Connection, closeConnection } from './connection'
import type { Room } from './room'
import { binaryFrame } from './wsFrame'

/**
 * The y-websocket wire protocol: one switch over the message type, and one `send`. Unlike the stock
 * server, every message is parsed strictly (truncated, trailing or unknown → 4400), updates are decoded
 * before they touch the doc (undecodable → 4422), a viewer's writes are dropped with an auth message,
 * and replies carrying document state wait for the persist queue.
 */
export const messageSync = 0
export const messageAwareness = 1
export const messageAuth = 2
export const messageQueryAwareness = 3

export const viewOnlyReason = 'read-only: this is a view link'

/**
 * The one way bytes leave the server; a socket that cannot take them is dropped. A socket that stops
 * reading (its kernel buffer full, ws queueing in memory) is terminated once more than
 * maxBufferedBytes wait for it, so it cannot grow server memory without bound; its client reconnects
 * and resyncs. `onSent` runs once the message has been handed to the kernel (never, if the socket
 * fails or closes first): a sender that waits for it queues at most one message per socket.
 */
export function send(conn: Connection, message: Uint8Array, onSent?: () => void): void {
  if (conn.closing || conn.ws.readyState !== conn.ws.OPEN) return
  const bufferedBytes = conn.ws.bufferedAmount
  if (bufferedBytes + message.byteLength > conn.maxBufferedBytes) {
    conn.log.warn(
      { bufferedBytes, maxBufferedBytes: conn.maxBufferedBytes },
      'socket is not reading; terminating',
    )
    reject(conn.metrics, 'slow-consumer')
    conn.closing = true
    conn.ws.terminate()
    return
  }
  conn.metrics.bytesSent.inc(message.byteLength)
  const onError = (error: unknown) => {
    conn.log.warn({ err: error }, 'send failed; terminating socket')
    conn.closing = true
    conn.ws.terminate()
  }
  try {
    conn.ws.send(message, (error) => (error ? onError(error) : onSent?.()))
  } catch (error) {
    onError(error)
  }
}

/**
 * `send` for one message to many sockets (relays, awareness), the hot path under load: the message is
 * framed once (wsFrame.ts) and the same buffer is written to every socket, without a callback or a
 * closure per socket (a write that fails errors the socket and ws closes it), and the sent bytes are
 * counted once.
 */
export function sendToAll(
  conns: Iterable<Connection>,
  message: Uint8Array,
  except?: Connection | ReadonlySet<Connection>,
): void {
  const skip = except instanceof Set ? except : undefined
  let frame: Buffer | undefined
  let sent = 0
  let metrics: Connection['metrics'] | undefined
  for (const conn of conns) {
    if (conn === except || skip?.has(conn) || conn.closing || conn.ws.readyState !== conn.ws.OPEN) continue
    if (conn.ws.bufferedAmount + message.byteLength > conn.maxBufferedBytes) {
      send(conn, message) // terminates it as a slow consumer, logged and counted
      continue
    }
    if (!conn.socket.writable) continue // closed under ws; its close event is on the way
    frame ??= binaryFrame(message)
    try {
      conn.socket.write(frame)
    } catch (error) {
      conn.log.warn({ err: error }, 'send failed; terminating socket')
      conn.closing = true
      conn.ws.terminate()
      continue
    }
    sent++
    metrics = conn.metrics
  }
  if (metrics) metrics.bytesSent.inc(sent * message.byteLength)
}

const encodeMessage = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (doc: Y.Doc) =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, messageSync)
    syncProtocol.writeSyncStep1(e, doc)
  })

/** Sync step 2 carrying `update`; the stock client counts itself synced when the first one arrives. */
export const encodeSyncStep2 = (update: Uint8Array) =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, messageSync)
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(e, update)
  })

export const encodeUpdateMessage = (update: Uint8Array) =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, messageSync)
    syncProtocol.writeUpdate(e, update)
  })

export const encodeAwarenessMessage = (awareness: awarenessProtocol.Awareness, clients: number[]) =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, messageAwareness)
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  })

const encodePermissionDenied = (reason: string) =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, messageAuth)
    authProtocol.writePermissionDenied(e, reason)
  })

type RefusalCode =
  | typeof closeCodes.malformedMessage
  | typeof closeCodes.invalidUpdate
  | typeof closeCodes.docTooLarge
  | typeof closeCodes.pendingOverflow
  | typeof closeCodes.rateLimited

/** A message that is refused; the socket is closed with `code`, counted under `reason`. */
class BadMessage extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly reason: RejectReason = code === closeCodes.invalidUpdate ? 'invalid-update' : 'malformed',
  ) {
    super(message)
  }
}

function readToEnd<T>(decoder: decoding.Decoder, read: (d: decoding.Decoder) => T, what: string): T {
  let value: T
  try {
    value = read(decoder)
  } catch {
    throw new BadMessage(closeCodes.malformedMessage, `truncated ${what}`)
  }
  if (decoding.hasContent(decoder))
    throw new BadMessage(closeCodes.malformedMessage, `trailing bytes after ${what}`)
  return value
}

function readType(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder)
  } catch {
    throw new BadMessage(closeCodes.malformedMessage, `missing ${what}`)
  }
}

/** Handles one binary frame from `conn`. Never throws: bad input closes that socket only. */
export function handleMessage(room: Room, conn: Connection, data: Uint8Array): void {
  try {
    dispatch(room, conn, decoding.createDecoder(data))
  } catch (error) {
    if (error instanceof BadMessage) {
      reject(conn.metrics, error.reason)
      closeConnection(conn, error.code, error.message)
    } else {
      conn.log.error({ err: error }, 'unexpected error while handling a message')
      closeConnection(conn, closeCodes.internalError, 'internal error')
    }
  }
}

function dispatch(room: Room, conn: Connection, decoder: decoding.Decoder): void {
  const messageType = readType(decoder, 'message type')
  // Awareness has its own, coalescing throttle; everything else costs a token (a sync step 1 makes the
  // server encode the whole doc, so it is not free either).
  if (messageType !== messageAwareness && !conn.updateBucket.take()) {
    const reason = 'more messages per second than allowed; reconnect to resync'
    throw new BadMessage(closeCodes.rateLimited, reason, 'rate-limited')
  }
  switch (messageType) {
    case messageSync:
      handleSync(room, conn, decoder)
      return
    case messageAwareness: {
      const update = readToEnd(decoder, decoding.readVarUint8Array, 'awareness message')
      let entries: ReturnType<typeof decodeAwarenessEntries>
      try {
        entries = decodeAwarenessEntries(update)
      } catch {
        throw new BadMessage(closeCodes.malformedMessage, 'malformed awareness update')
      }
      const coalesced = conn.awarenessThrottle.offer(entries, (latest) =>
        room.applyClientAwareness(latest, conn),
      )
      if (coalesced > 0) reject(conn.metrics, 'awareness-throttled', coalesced)
      return
    }
    case messageQueryAwareness: {
      readToEnd(decoder, () => undefined, 'query-awareness message')
      send(conn, encodeAwarenessMessage(room.awareness, [...room.awareness.getStates().keys()]))
      return
    }
    default:
      throw new BadMessage(closeCodes.malformedMessage, `unknown message type ${messageType}`)
  }
}

function handleSync(room: Room, conn: Connection, decoder: decoding.Decoder): void {
  const syncType = readType(decoder, 'sync message type')
  if (syncType > syncProtocol.messageYjsUpdate) {
    throw new BadMessage(closeCodes.malformedMessage, `unknown sync message type ${syncType}`)
  }
  const payload = readToEnd(decoder, decoding.readVarUint8Array, 'sync message')
  if (syncType === syncProtocol.messageYjsSyncStep1) {
    try {
      Y.decodeStateVector(payload)
    } catch {
      throw new BadMessage(closeCodes.malformedMessage, 'malformed state vector')
    }
    room.replyToSyncStep1(conn, payload)
    return
  }
  // Sync step 2 and update both carry a Yjs update.
  if (conn.role !== 'edit') {
    conn.log.debug('dropped a write from a view-only connection')
    send(conn, encodePermissionDenied(viewOnlyReason))
    return
  }
  const result = room.applyClientUpdate(payload, conn)
  switch (result) {
    case 'applied':
      conn.metrics.updatesReceived.inc()
      return
    case 'room-closed':
      return // the room closed every socket itself
    case 'undecodable':
      throw new BadMessage(closeCodes.invalidUpdate, 'invalid Yjs update')
    case 'doc-too-large':
      throw new BadMessage(closeCodes.docTooLarge, 'the board is at its size limit', 'doc-too-large')
    case 'pending-overflow':
      throw new BadMessage(
        closeCodes.pendingOverflow,
        'too many updates with missing dependencies',
        'pending-overflow',
      )
  }
}
