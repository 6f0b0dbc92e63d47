/**
 * How many local changes the server may not have yet. y-websocket has no acknowledgements, so this is
 * an approximation: changes made while the socket is not synced, reset when a sync with the server
 * completes (the provider sends what the server lacks as part of that sync). Changes loaded from the
 * offline copy after a reload are not counted, since they cannot be told from ones already synced.
 */
import type * as Y from 'yjs'
import type { ExternalStore } from './boardStores'

export interface SyncSource {
  readonly synced: boolean
  on(event: 'sync', listener: (synced: boolean) => void): void
  off(event: 'sync', listener: (synced: boolean) => void): void
}

export function countUnsyncedChanges(
  doc: Y.Doc,
  provider: SyncSource,
  isRemoteOrigin: (origin: unknown) => boolean,
): ExternalStore<number> & { destroy: () => void } {
  let count = 0
  const listeners = new Set<() => void>()
  const set = (next: number) => {
    if (next === count) return
    count = next
    for (const listener of [...listeners]) listener()
  }
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (!provider.synced && !isRemoteOrigin(origin)) set(count + 1)
  }
  const onSync = (synced: boolean) => {
    if (synced) set(0)
  }
  doc.on('update', onUpdate)
  provider.on('sync', onSync)
  return {
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => count,
    destroy: () => {
      doc.off('update', onUpdate)
      provider.off('sync', onSync)
    },
  }
}
