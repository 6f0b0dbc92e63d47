/*
 * One board's live document: a Y.Doc synced over the stock y-websocket provider and kept in this
 * browser's IndexedDB (offlineCopy.ts), plus a connection status the top bar can show.
 *
 * Flaky networks: the provider reconnects on its own with backoff (at most 2.5 s between tries) after a
 * server restart or a dropped socket. The browser's `offline` event closes the socket at once (a dead
 * network can leave it half-open for the provider's 30 s message timeout) and stops retrying; `online`
 * (also after a laptop wakes) reconnects without waiting out the backoff. Edits made meanwhile stay in
 * the document and in IndexedDB, and the next sync sends them.
 */
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getStages } from '../../../shared/src/board/schema'
import type { ExternalStore } from './docStores'
import { keepOfflineCopy } from './offlineCopy'
import { forwardOwnAwarenessOnly } from './ownAwarenessOnly'
import { countUnsyncedChanges } from './unsyncedChanges'

/**
 * 'connecting': the first connection is being made. 'reconnecting': the connection dropped (or never
 * came up) and the provider is retrying. 'offline': the browser reports no network; we wait for it.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline'

export interface BoardConnection {
  doc: Y.Doc
  provider: WebsocketProvider
  status: ExternalStore<ConnectionStatus>
  /** True once the board can be shown: the first sync with the server, or a stored copy loaded. */
  synced: ExternalStore<boolean>
  /** Local changes made since the last sync with the server (an approximation: see unsyncedChanges.ts). */
  unsynced: ExternalStore<number>
  /**
   * Set when the server closed the connection for good (a 44xx close code the provider does not retry,
   * e.g. 4401: the link was rotated), so the page can say why instead of "Reconnecting…" forever.
   */
  ended: ExternalStore<{ code: number; reason: string } | null>
  destroy: () => void
}

function valueStore<T>(initial: T): ExternalStore<T> & { set: (value: T) => void } {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => value,
    set: (next) => {
      if (next === value) return
      value = next
      for (const listener of [...listeners]) listener()
    },
  }
}

export function wsUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`
}

const browserOnline = (): boolean => typeof navigator === 'undefined' || navigator.onLine !== false

export function connectBoard(boardId: string, token: string): BoardConnection {
  const doc = new Y.Doc()
  const offlineCopy = keepOfflineCopy(boardId, doc)
  // disableBc: another tab may hold a view token; every tab talks to the server, which enforces roles.
  const provider = new WebsocketProvider(wsUrl(), boardId, doc, {
    params: { token },
    disableBc: true,
    connect: browserOnline(),
  })
  forwardOwnAwarenessOnly(provider)
  const status = valueStore<ConnectionStatus>(browserOnline() ? 'connecting' : 'offline')
  const synced = valueStore(false)
  const unsynced = countUnsyncedChanges(
    doc,
    provider,
    (origin) => origin === provider || origin === offlineCopy.origin,
  )
  let everConnected = false
  const update = () => {
    if (provider.wsconnected) {
      everConnected = true
      status.set('connected')
    } else if (!browserOnline()) status.set('offline')
    else if (everConnected || provider.wsUnsuccessfulReconnects > 0) status.set('reconnecting')
    else status.set('connecting')
  }
  const ended = valueStore<{ code: number; reason: string } | null>(null)
  provider.on('closed', (event) => ended.set({ code: event.code, reason: event.reason }))
  provider.on('status', update)
  provider.on('connection-close', update)
  provider.on('connection-error', update)
  provider.on('sync', (isSynced) => {
    if (isSynced) synced.set(true)
  })
  // A stored copy with a grid can be shown before (or without) the server. Only the copy's own content
  // counts: the server's first pieces of a large board may land before IndexedDB has opened, and
  // showing (and fitting) a half-arrived board would look like a board with notes missing.
  let copyHadContent = false
  const onCopyUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== null && origin === offlineCopy.origin) copyHadContent = true
  }
  doc.on('update', onCopyUpdate)
  offlineCopy.loaded.then(() => {
    doc.off('update', onCopyUpdate)
    if (copyHadContent && getStages(doc).size > 0) synced.set(true)
  })
  const onOnline = () => {
    // Back from sleep or a network switch: try at once instead of waiting out the backoff.
    if (!provider.wsconnected) {
      provider.disconnect()
      provider.connect()
    }
    update()
  }
  const onOffline = () => {
    provider.disconnect()
    update()
  }
  window.addEventListener('online', onOnline)
  window.addEventListener('offline', onOffline)
  return {
    doc,
    provider,
    status,
    synced,
    unsynced,
    ended,
    destroy: () => {
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
      unsynced.destroy()
      provider.destroy()
      void offlineCopy.destroy()
      doc.destroy()
    },
  }
}
