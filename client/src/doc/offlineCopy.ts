/*
 * The board's copy in this browser's IndexedDB (y-indexeddb), keyed by board id. Every update, local
 * or remote, is stored as it happens, so a reload while offline shows the board, edits made offline
 * survive reloads, and when the server is back the provider's sync exchanges whatever either side is
 * missing (Yjs merges; nothing is lost or doubled). It is a cache, never the truth: the server keeps
 * the board, and a browser that never opened it has no copy.
 */
import { IndexeddbPersistence } from 'y-indexeddb'
import type * as Y from 'yjs'

/** IndexedDB database name of one board's copy. */
export const offlineCopyName = (boardId: string): string => `journeyboard:board:${boardId}`

export interface OfflineCopy {
  /** The origin of transactions that load the copy into the document (not a local edit). */
  origin: unknown
  /** Resolves once the stored copy is in the document (immediately empty when there is none). */
  loaded: Promise<void>
  destroy: () => Promise<void>
}

export function keepOfflineCopy(boardId: string, doc: Y.Doc): OfflineCopy {
  if (typeof indexedDB === 'undefined') {
    return { origin: null, loaded: Promise.resolve(), destroy: async () => {} }
  }
  const persistence = new IndexeddbPersistence(offlineCopyName(boardId), doc)
  return {
    origin: persistence,
    loaded: persistence.whenSynced.then(() => undefined),
    destroy: () => persistence.destroy(),
  }
}
