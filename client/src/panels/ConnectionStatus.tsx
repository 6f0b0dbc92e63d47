import { useSyncExternalStore } from 'react'
import type { ExternalStore } from '../doc/boardStores'
import type { ConnectionStatus as Status } from '../doc/connectBoard'

const LABEL: Record<Status, string> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  offline: 'Offline — reconnecting…',
}

export function ConnectionStatus({ status }: { status: ExternalStore<Status> }) {
  const value = useSyncExternalStore(status.subscribe, status.getSnapshot)
  return (
    <output
      className={`connection connection--${value}`}
      data-status={value}
      aria-live="polite"
      title={LABEL[value]}
    >
      <span className="connection__dot" aria-hidden="true" />
      {LABEL[value]}
    </output>
  )
}
