/*
 * How many things on the board we changed that the server may not have yet: notes, stages, lanes or
 * board fields, each counted once however many keystrokes went into it ("3 notes", not "41 updates").
 * y-websocket has no acknowledgements, so this is an approximation: changes made while the socket is
 * not synced, forgotten when a sync with the server completes (the provider sends what the server
 * lacks as part of that sync). Changes loaded from the offline copy after a reload are not counted,
 * since they cannot be told from ones the server already has.
 */
import type * as Y from 'yjs'
import type { ExternalStore } from './docStores'

export interface SyncSource {
  readonly synced: boolean
  on(event: 'sync', listener: (synced: boolean) => void): void
  off(event: 'sync', listener: (synced: boolean) => void): void
}

/** What the climb below reads of a Yjs type: the item that holds it in its parent. */
interface Nested {
  _item: { parent: unknown; parentSub: string | null } | null
}

/** The top-level entries (a note's id in `notes`, `title` in `meta`…) a transaction changed. */
function changedEntries(tr: Y.Transaction): string[] {
  const keys: string[] = []
  for (const [type, subs] of tr.changed) {
    // A nested type (a note's map, its text): climb to the entry of a top-level type that holds it.
    let node = type as unknown as Nested
    while (node._item && (node._item.parent as Nested)._item) node = node._item.parent as Nested
    if (node._item) keys.push(node._item.parentSub ?? '')
    else for (const key of subs) keys.push(key ?? '')
  }
  return keys
}

export function countUnsyncedChanges(
  doc: Y.Doc,
  provider: SyncSource,
  isRemoteOrigin: (origin: unknown) => boolean,
): ExternalStore<number> & { destroy: () => void } {
  const changed = new Set<string>()
  const listeners = new Set<() => void>()
  const emit = () => {
    for (const listener of [...listeners]) listener()
  }
  const onAfterTransaction = (tr: Y.Transaction) => {
    if (provider.synced || isRemoteOrigin(tr.origin) || tr.changed.size === 0) return
    const before = changed.size
    for (const key of changedEntries(tr)) changed.add(key)
    if (changed.size !== before) emit()
  }
  const onSync = (synced: boolean) => {
    if (!synced || changed.size === 0) return
    changed.clear()
    emit()
  }
  doc.on('afterTransaction', onAfterTransaction)
  provider.on('sync', onSync)
  return {
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => changed.size,
    destroy: () => {
      doc.off('afterTransaction', onAfterTransaction)
      provider.off('sync', onSync)
    },
  }
}
