import type * as Y from 'yjs'
import { serverOrigin } from '../../../shared/src/facilitation/schema'
import type { Room } from '../sync/room'

// The server writing into a room as itself (issue 16: vote tallies, reveals). A transaction with
// `serverOrigin` is neither 'load' nor 'relay', so the room treats it as any client's edit: stored
// before it is relayed to every socket (room.ts onDocUpdate), to other instances too. Callers write
// values that depend only on what is stored (same keys, same values), so two instances that both write
// converge, and they skip a write that would change nothing, so a repeat costs no row.

/** Runs `write` in one server transaction on the room's doc; false (nothing written) when the room is closed. */
export function writeAsServer(room: Room, write: (doc: Y.Doc) => void): boolean {
  if (!room.isOpen) return false
  room.doc.transact(() => write(room.doc), serverOrigin)
  return true
}

/** Whether two plain (JSON-like) values are equal, so an unchanged value is not written again. */
export function samePlain(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
