import * as Y from 'yjs'
import { closeCodes } from '../closeCodes'
import { encodeIntegratedState } from '../limits/pendingUpdates'
import { type Connection, closeConnection } from './connection'
import { encodeSyncStep2, encodeUpdateMessage } from './messages'
import { send } from './send'

/*
 * The answer to a client's sync step 1: everything the server has stored that the client lacks.
 *
 * A WebSocket message is delivered only once its whole frame has arrived, and the stock y-websocket
 * client (3.1.0) closes and reconnects when it has received no message for 30 s. One sync step 2 with a
 * 20 MB board needs 100 s at 200 KB/s, so that client would start over forever. A large answer therefore
 * goes out as several update messages of at most `syncChunkBytes`, then an empty sync step 2: the client
 * sets `synced` on its first sync step 2, so it is synced only once the whole state has arrived.
 *
 * The pieces are the room's stored rows (compaction writes the state as rows of at most syncChunkBytes,
 * stateChunks.ts; edits since are small rows), grouped with `Y.mergeUpdates` up to syncChunkBytes and,
 * for a client that already has some state, filtered with `Y.diffUpdate`. A single row bigger than
 * syncChunkBytes (written by an older server, or one item that cannot be split) is sent as it is; the
 * next compaction splits what can be split.
 *
 * As every reply, it is captured when the persist queue cuts a batch (the rows are then exactly what is
 * stored once that batch is written, never pending or unstored data) and delivered after the write.
 * Capturing copies only the list of row references: rows are immutable and shared, so N joining clients
 * cost N small arrays, not N copies of the board. Each group is merged only when the previous message
 * has been handed to the kernel, so a client holds at most about one chunk of server memory however slow
 * its link (and stays below maxBufferedBytes). Edits relayed meanwhile may arrive before the chunks they
 * build on; Yjs holds them until then.
 *
 * Small answers (a small board, or a reconnecting client that lacks little) stay one sync step 2,
 * encoded from the doc as before.
 */

export type DeliverReply = (conn: Connection) => void

const emptyUpdate = new Uint8Array([0, 0])

export function captureSyncReply(
  doc: Y.Doc,
  rows: readonly Uint8Array[],
  stateVector: Uint8Array,
  syncChunkBytes: number,
): DeliverReply {
  const storedBytes = rows.reduce((sum, row) => sum + row.byteLength, 0)
  const fresh = Y.decodeStateVector(stateVector).size === 0
  if (storedBytes <= syncChunkBytes || !fresh) {
    // The doc diff is small for a small board; for a client with state it usually is, so try it first.
    const diff = encodeIntegratedState(doc, stateVector)
    if (storedBytes <= syncChunkBytes || diff.byteLength <= syncChunkBytes) {
      const reply = encodeSyncStep2(diff)
      return (conn) => send(conn, reply)
    }
  }
  const groups = groupRows(rows, syncChunkBytes)
  return (conn) => sendChunks(conn, groups, fresh ? undefined : stateVector)
}

/** Consecutive rows, in order, in groups of at most maxBytes (a bigger row is a group of its own). */
function groupRows(rows: readonly Uint8Array[], maxBytes: number): Uint8Array[][] {
  const groups: Uint8Array[][] = []
  let current: Uint8Array[] = []
  let bytes = 0
  for (const row of rows) {
    if (current.length > 0 && bytes + row.byteLength > maxBytes) {
      groups.push(current)
      current = []
      bytes = 0
    }
    current.push(row)
    bytes += row.byteLength
  }
  if (current.length > 0) groups.push(current)
  return groups
}

const isEmptyUpdate = (update: Uint8Array) => update.byteLength === 2 && update[0] === 0 && update[1] === 0

function sendChunks(conn: Connection, groups: Uint8Array[][], stateVector: Uint8Array | undefined): void {
  let next = 0
  const sendNext = (): void => {
    try {
      while (next < groups.length) {
        const group = groups[next++]!
        let update = group.length === 1 ? group[0]! : Y.mergeUpdates(group)
        if (stateVector) update = Y.diffUpdate(update, stateVector)
        if (isEmptyUpdate(update)) continue
        send(conn, encodeUpdateMessage(update), sendNext)
        return
      }
      send(conn, encodeSyncStep2(emptyUpdate))
    } catch (error) {
      // Stored rows always decode; this is a bug, and it must not escape a socket callback.
      conn.log.error({ err: error }, 'sending the board in chunks failed')
      closeConnection(conn, closeCodes.internalError, 'internal error')
    }
  }
  sendNext()
}
