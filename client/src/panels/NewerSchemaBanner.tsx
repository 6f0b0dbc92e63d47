/*
 * Shown when a newer Journeyboard wrote this board (its schemaVersion is above this build's): what this
 * build does not understand is kept, never deleted (docs/board-document.md), but it is not shown, so
 * the person is told to reload for the new version.
 */
import { useCallback, useSyncExternalStore } from 'react'
import { getMeta, readSchemaVersion, SCHEMA_VERSION } from '../../../shared/src/board/schema'
import { useDocStores } from '../doc/hooks'

export function NewerSchemaBanner() {
  const { doc } = useDocStores()
  const subscribe = useCallback(
    (listener: () => void) => {
      const meta = getMeta(doc)
      meta.observe(listener)
      return () => meta.unobserve(listener)
    },
    [doc],
  )
  const newer = useSyncExternalStore(subscribe, () => readSchemaVersion(doc) > SCHEMA_VERSION)
  if (!newer) return null
  return (
    <div className="readonly-banner newer-schema-banner" role="status">
      <strong>This board was made with a newer Journeyboard.</strong> Reload to update; until then, parts of
      it may not show (nothing of it is lost).{' '}
      <button type="button" className="button button--ghost" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  )
}
