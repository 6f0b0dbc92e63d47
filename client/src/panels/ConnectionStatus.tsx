import { useSyncExternalStore } from 'react'
import type { ConnectionStatus as Status } from '../doc/connectBoard'
import type { ExternalStore } from '../doc/docStores'

const LABEL: Record<Status, string> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
}

const NO_COUNT: ExternalStore<number> = { subscribe: () => () => {}, getSnapshot: () => 0 }

const changes = (n: number): string => (n === 1 ? '1 change' : `${n} changes`)

/** Connected, reconnecting or offline, and how many of our changes the server may not have yet. */
export function ConnectionStatus({
  status,
  unsynced = NO_COUNT,
}: {
  status: ExternalStore<Status>
  unsynced?: ExternalStore<number>
}) {
  const value = useSyncExternalStore(status.subscribe, status.getSnapshot)
  const pending = useSyncExternalStore(unsynced.subscribe, unsynced.getSnapshot)
  const label =
    value !== 'connected' && pending > 0 ? `${LABEL[value]} · ${changes(pending)} not synced` : LABEL[value]
  const title =
    value === 'connected'
      ? 'Connected: edits are shared live'
      : `${label}. Edits are kept in this browser and sent when the connection returns.`
  return (
    <output
      className={`connection connection--${value}`}
      data-status={value}
      data-unsynced={pending}
      aria-live="polite"
      title={title}
    >
      <span className="connection__dot" aria-hidden="true" />
      {label}
    </output>
  )
}
