import * as decoding from 'lib0/decoding'
import type { Awareness } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { closeCodes } from '../closeCodes'
import { type RejectReason, reject } from '../metrics'
import { type AwarenessEntry, decodeAwarenessEntries } from './awarenessPolicy'
import { type Connection, closeConnection } from './connection'
import {
  encodeAwarenessMessage,
  encodePermissionDenied,
  messageAwareness,
  messageQueryAwareness,
  messageSync,
} from './messages'
import { send } from './send'

// The y-websocket wire protocol, as the server reads it: one switch over the message type. Unlike the
// stock server, every message is parsed strictly (truncated, trailing or unknown → 4400), updates are
// decoded before they touch the doc (undecodable → 4422), a write from a connection that may not write
// is dropped with a permission-denied message (documentPolicies.ts), and replies carrying document
// state wait for the persist queue. The protocol knows a room only as a MessageTarget, so it imports no
// room and the room none of it.

/** What the room did with a client's update. */
export type ApplyResult =
  | 'applied'
  | 'undecodable'
  | 'doc-too-large'
  | 'pending-overflow'
  | 'room-closed'
  /** The document's write policy refused it; `refused` is what the client is told. */
  | { refused: string }

/** The part of a room the protocol talks to. */
export interface MessageTarget {
  readonly awareness: Awareness
  applyClientUpdate(update: Uint8Array, conn: Connection): ApplyResult
  applyClientAwareness(entries: AwarenessEntry[], conn: Connection): void
  replyToSyncStep1(conn: Connection, stateVector: Uint8Array): void
}

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
export function handleMessage(room: MessageTarget, conn: Connection, data: Uint8Array): void {
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

function dispatch(room: MessageTarget, conn: Connection, decoder: decoding.Decoder): void {
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

function handleSync(room: MessageTarget, conn: Connection, decoder: decoding.Decoder): void {
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
  if (!conn.write.allowed) {
    conn.log.debug('dropped a write from a read-only connection')
    reject(conn.metrics, 'read-only')
    send(conn, encodePermissionDenied(conn.write.reason))
    return
  }
  const result = room.applyClientUpdate(payload, conn)
  if (typeof result === 'object') {
    conn.log.info({ reason: result.refused }, 'the write policy refused an update')
    reject(conn.metrics, 'write-refused')
    send(conn, encodePermissionDenied(result.refused))
    return
  }
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
