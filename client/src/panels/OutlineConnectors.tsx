/*
 * The board's connectors in the accessible outline: each named "Connector from X to Y" (with its label),
 * with buttons to make it straight or elbowed and to remove it.
 */
import { isId } from '../../../shared/src/board/ids'
import type { ConnectorEnd } from '../../../shared/src/board/schema'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { useBoardAnatomy, useBoardLayout, useDocStores } from '../doc/hooks'
import { noteLabel } from '../view/noteLabel'

export function OutlineConnectors() {
  const { commands, readOnly } = useBoardSession()
  const { connectors } = useBoardAnatomy()
  const layout = useBoardLayout()
  const stores = useDocStores()
  if (connectors.length === 0) return null
  const name = (end: ConnectorEnd): string | null => {
    const stage = layout.stages.find((s) => s.id === end)
    if (stage) return `stage ${stage.title}`
    if (!isId('note', end)) return null
    const note = stores.note(end).getSnapshot()
    return note ? noteLabel(note.text) : null
  }
  const drawn = connectors.flatMap((c) => {
    const from = name(c.from)
    const to = name(c.to)
    return from && to ? [{ c, label: `Connector from ${from} to ${to}${c.label ? `: ${c.label}` : ''}` }] : []
  })
  if (drawn.length === 0) return null
  return (
    <ul aria-label="Connectors">
      {drawn.map(({ c, label }) => (
        <li key={c.id} data-connector-id={c.id}>
          {label}
          {!readOnly && (
            <>
              <button
                type="button"
                onClick={() =>
                  runCommand('connector.route', commands, {
                    content: { connector: c.id, route: c.route === 'straight' ? 'elbow' : 'straight' },
                  })
                }
              >
                {c.route === 'straight' ? `Make elbowed: ${label}` : `Make straight: ${label}`}
              </button>
              <button
                type="button"
                onClick={() => runCommand('connector.remove', commands, { content: { connector: c.id } })}
              >
                {`Remove ${label}`}
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  )
}
