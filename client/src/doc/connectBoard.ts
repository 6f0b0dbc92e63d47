/**
 * One board's live document: a Y.Doc synced over the stock y-websocket provider, plus a connection
 * status the top bar can show. The provider reconnects on its own (with backoff) after a server restart;
 * `status` only reports what it is doing.
 */
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ExternalStore } from './boardStores'

/** 'offline': the connection dropped (or never came up) and the provider is retrying. */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline'

export interface BoardConnection {
  doc: Y.Doc
  provider: WebsocketProvider
  status: ExternalStore<ConnectionStatus>
  /** True once the first full sync with the server has arrived. */
  synced: ExternalStore<boolean>
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

export function connectBoard(boardId: string, token: string): BoardConnection {
  const doc = new Y.Doc()
  // disableBc: another tab may hold a view token; every tab talks to the server, which enforces roles.
  const provider = new WebsocketProvider(wsUrl(), boardId, doc, { params: { token }, disableBc: true })
  const status = valueStore<ConnectionStatus>('connecting')
  const synced = valueStore(false)
  let everConnected = false
  provider.on('status', ({ status: next }) => {
    if (next === 'connected') {
      everConnected = true
      status.set('connected')
    } else if (next === 'disconnected') status.set('offline')
    else if (!everConnected && provider.wsUnsuccessfulReconnects === 0) status.set('connecting')
  })
  provider.on('connection-close', () => {
    if (!provider.wsconnected)
      status.set(everConnected || provider.wsUnsuccessfulReconnects > 0 ? 'offline' : 'connecting')
  })
  provider.on('sync', (isSynced) => {
    if (isSynced) synced.set(true)
  })
  const onOnline = () => {
    // Back from sleep or a network switch: try at once instead of waiting out the backoff.
    if (!provider.wsconnected) {
      provider.disconnect()
      provider.connect()
    }
  }
  window.addEventListener('online', onOnline)
  return {
    doc,
    provider,
    status,
    synced,
    destroy: () => {
      window.removeEventListener('online', onOnline)
      provider.destroy()
      doc.destroy()
    },
  }
}
