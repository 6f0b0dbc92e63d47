/**
 * The board as an accessible grid, for screen readers and keyboard users: rows are lanes, columns are
 * stages, and each cell lists its notes as buttons named by their text. It is visually hidden (not
 * display:none, so it stays in the accessibility tree and can take focus). Focusing a note selects it
 * and pans the canvas to it; Enter edits it. End-to-end tests pick notes through it as a user would.
 */
import { memo } from 'react'
import type { NoteId } from '../../../shared/src/board/ids'
import { cellKey } from '../../../shared/src/layout/grid'
import { useBoardSession } from '../board/session'
import { useBoardLayout, useBoardTitle, useNote } from '../doc/hooks'
import { useNoteEditorsLabel } from '../presence/usePresence'
import { noteLabel } from '../scene/noteStyle'
import { panIntoView } from '../scene/viewport'
import { selectOnly, setViewport, startEditing, useUi } from '../state/ui'

const OutlineNote = memo(function OutlineNote({ id, readOnly }: { id: NoteId; readOnly: boolean }) {
  const note = useNote(id)
  const layout = useBoardLayout()
  const editors = useNoteEditorsLabel(id)
  if (!note) return null
  const label = noteLabel(note.text)
  return (
    <button
      type="button"
      data-note-id={id}
      aria-label={label}
      aria-description={editors || undefined}
      onFocus={() => {
        selectOnly([id])
        const box = layout.notes.get(id)
        const { viewport, canvasSize } = useUi.getState()
        if (box) setViewport(panIntoView(viewport, canvasSize, box))
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !readOnly) {
          // Not a click: Enter edits the note, a click (or focus) only selects it.
          e.preventDefault()
          e.stopPropagation()
          startEditing(id)
        }
      }}
      onClick={() => selectOnly([id])}
    >
      {label}
    </button>
  )
})

export function AccessibleOutline() {
  const { readOnly } = useBoardSession()
  const layout = useBoardLayout()
  const title = useBoardTitle()
  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an interactive grid of focusable notes, by design
    <table className="sr-only" role="grid" aria-label={title} aria-readonly={readOnly}>
      <thead>
        <tr>
          <th scope="col">Lane</th>
          {layout.stages.map((stage) => (
            <th scope="col" key={stage.id} data-stage-id={stage.id}>
              {stage.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {layout.lanes.map((lane) => (
          <tr key={lane.id} data-lane-id={lane.id}>
            <th scope="row">{lane.title}</th>
            {layout.stages.map((stage) => (
              <td key={stage.id} data-stage-id={stage.id} data-lane-id={lane.id}>
                {(layout.cells.get(cellKey(stage.id, lane.id)) ?? []).map((id) => (
                  <OutlineNote key={id} id={id} readOnly={readOnly} />
                ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
