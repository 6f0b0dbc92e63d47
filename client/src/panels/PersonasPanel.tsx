/*
 * The personas side panel (a complementary landmark beside the canvas, opened from the top bar's
 * "Personas" button): every persona in order, each editable in its card, an "Add persona" button,
 * and the board's tags. Escape closes it and gives focus back to the button that opened it.
 */
import { useEffect, useRef } from 'react'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { useBoardAnatomy } from '../doc/hooks'
import { setPersonasOpen, useUi } from '../state/ui'
import { PersonaCard } from './PersonaCard'
import { TagManager } from './TagManager'

export const PERSONAS_PANEL_ID = 'personas-panel'

export function PersonasPanel() {
  const open = useUi((s) => s.personasOpen)
  if (!open) return null
  return <OpenPanel />
}

function OpenPanel() {
  const { commands, readOnly } = useBoardSession()
  const { personas } = useBoardAnatomy()
  const ref = useRef<HTMLElement>(null)
  const added = useRef(false)
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true })
  }, [])
  // A persona just added (it goes last) is named next: its name field takes the focus.
  const count = personas.length
  useEffect(() => {
    if (!added.current || count === 0) return
    added.current = false
    const names = ref.current?.querySelectorAll<HTMLInputElement>('.persona-list input[id$="-name"]')
    const field = names?.[names.length - 1]
    field?.focus()
    field?.select()
  }, [count])
  const close = () => {
    setPersonasOpen(false)
    document.querySelector<HTMLElement>(`[aria-controls="${PERSONAS_PANEL_ID}"]`)?.focus()
  }
  return (
    <aside
      ref={ref}
      id={PERSONAS_PANEL_ID}
      className="side-panel"
      aria-label="Personas"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          close()
        }
      }}
    >
      <div className="side-panel__head">
        <h2 className="side-panel__title" tabIndex={-1}>
          Personas
        </h2>
        <button type="button" className="icon-button" aria-label="Close personas panel" onClick={close}>
          ×
        </button>
      </div>
      <ol className="persona-list">
        {personas.map((persona, index) => (
          <PersonaCard key={persona.id} persona={persona} index={index} count={personas.length} />
        ))}
      </ol>
      {!readOnly && (
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            added.current = runCommand('persona.add', commands)
          }}
        >
          Add persona
        </button>
      )}
      <TagManager />
    </aside>
  )
}
