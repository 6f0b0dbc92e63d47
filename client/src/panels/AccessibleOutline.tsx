/*
 * The board as an accessible grid, for screen readers and keyboard users: rows are lanes, columns are
 * stages, and each cell lists its notes as buttons named by their kind, text and tags. It is visually hidden (not
 * display:none, so it stays in the accessibility tree and can take focus). Focusing a note selects it
 * and pans the canvas to it; Enter edits it. End-to-end tests pick notes through it as a user would.
 *
 * For editors, each stage and lane header has an options button that opens the same menu as the
 * canvas's "⋯" (rename, insert, move, delete), and "Add stage" / "Add lane" buttons end the header row
 * and the rows. Notes whose stage or lane was removed are listed in a last row headed "Unsorted".
 */
import { memo } from 'react'
import type { NoteId } from '../../../shared/src/board/ids'
import { getLaneKind } from '../../../shared/src/board/laneKinds/registry'
import { cellKey, type HeaderRef, PARKING_CELL, UNSORTED_CELL } from '../../../shared/src/layout/grid'
import { useBoardSession } from '../board/session'
import { headerOptionsLabel } from '../commands/headerMenu'
import { runCommand } from '../commands/registry'
import { useBoardAnatomy, useBoardLayout, useBoardTitle, useNote } from '../doc/hooks'
import { SpotlightCaption } from '../facilitation/SpotlightCaption'
import { useNoteEditorsLabel } from '../presence/usePresence'
import { selectOnly, setViewport, startEditing, useUi } from '../state/ui'
import { noteName } from '../view/noteLabel'
import { panIntoView } from '../view/viewport'
import { OutlineContentCell } from './OutlineContentCell'

const OutlineNote = memo(function OutlineNote({ id, readOnly }: { id: NoteId; readOnly: boolean }) {
  const note = useNote(id)
  const layout = useBoardLayout()
  const editors = useNoteEditorsLabel(id)
  const { tags } = useBoardAnatomy()
  if (!note) return null
  const label = noteName(note, tags)
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

/** Opens the header's menu (the one drawn over the canvas); focus moves into it and comes back here. */
function HeaderOptions({ header, title }: { header: HeaderRef; title: string }) {
  const { commands } = useBoardSession()
  return (
    <button
      type="button"
      aria-haspopup="menu"
      onClick={() => runCommand('header.menu', commands, { header })}
    >
      {headerOptionsLabel(header.kind, title)}
    </button>
  )
}

export function AccessibleOutline() {
  const { readOnly, commands } = useBoardSession()
  const layout = useBoardLayout()
  const title = useBoardTitle()
  const unsorted = layout.cells.get(UNSORTED_CELL) ?? []
  const parked = layout.cells.get(PARKING_CELL) ?? []
  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an interactive grid of focusable notes, by design
    <table className="sr-only" role="grid" aria-label={title} aria-readonly={readOnly}>
      <SpotlightCaption />
      <thead>
        <tr>
          <th scope="col">Lane</th>
          {layout.stages.map((stage) => (
            <th
              scope="col"
              key={stage.id}
              data-stage-id={stage.id}
              aria-label={stage.title}
              aria-description={stage.description}
            >
              {stage.title}
              {stage.description && <p>{stage.description}</p>}
              {!readOnly && <HeaderOptions header={{ kind: 'stage', id: stage.id }} title={stage.title} />}
            </th>
          ))}
          {!readOnly && (
            <td>
              <button type="button" onClick={() => runCommand('stage.startAdd', commands)}>
                Add stage
              </button>
            </td>
          )}
        </tr>
      </thead>
      <tbody>
        {layout.lanes.map((lane) => (
          <tr key={lane.id} data-lane-id={lane.id}>
            <th scope="row" aria-label={lane.title}>
              {lane.title}
              {!readOnly && <HeaderOptions header={{ kind: 'lane', id: lane.id }} title={lane.title} />}
            </th>
            {layout.stages.map((stage) => (
              <td key={stage.id} data-stage-id={stage.id} data-lane-id={lane.id}>
                {(layout.cells.get(cellKey(stage.id, lane.id)) ?? []).map((id) => (
                  <OutlineNote key={id} id={id} readOnly={readOnly} />
                ))}
                <OutlineContentCell
                  laneId={lane.id}
                  laneTitle={lane.title}
                  stageId={stage.id}
                  stageTitle={stage.title}
                  holds={getLaneKind(lane.kind).layout.holds}
                />
              </td>
            ))}
          </tr>
        ))}
        {unsorted.length > 0 && (
          <tr data-unsorted="true">
            <th scope="row" aria-label="Unsorted">
              Unsorted
            </th>
            <td colSpan={Math.max(1, layout.stages.length)}>
              {unsorted.map((id) => (
                <OutlineNote key={id} id={id} readOnly={readOnly} />
              ))}
            </td>
          </tr>
        )}
        {parked.length > 0 && (
          <tr data-parking="true">
            <th scope="row" aria-label="Parking lot">
              Parking lot
            </th>
            <td colSpan={Math.max(1, layout.stages.length)}>
              {parked.map((id) => (
                <OutlineNote key={id} id={id} readOnly={readOnly} />
              ))}
            </td>
          </tr>
        )}
        {!readOnly && (
          <tr>
            <td>
              <button type="button" onClick={() => runCommand('lane.startAdd', commands)}>
                Add lane
              </button>
            </td>
          </tr>
        )}
      </tbody>
    </table>
  )
}
