import * as Y from 'yjs'

/*
 * Yjs keeps updates whose dependencies have not arrived in `doc.store.pendingStructs` / `pendingDs`,
 * in memory, for as long as the doc lives, and `Y.encodeStateAsUpdate` includes them. A client can
 * therefore park data on the server that no one can see (it never integrates) and that compaction
 * would store. Here pending data is capped per board, never part of a compaction or a sync reply, and
 * dropped when over the cap; an honest client resends it on its next sync.
 */

export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0)
}

export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
}

/** `Y.encodeStateAsUpdate` without pending data: only what is integrated (and stored as updates). */
export function encodeIntegratedState(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const { pendingStructs, pendingDs } = doc.store
  if (!pendingStructs && !pendingDs) return Y.encodeStateAsUpdate(doc, stateVector)
  dropPending(doc)
  try {
    return Y.encodeStateAsUpdate(doc, stateVector)
  } finally {
    doc.store.pendingStructs = pendingStructs
    doc.store.pendingDs = pendingDs
  }
}
