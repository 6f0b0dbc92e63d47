/*
 * Commands that make, change and remove notes: from the toolbar and keys (they act on the selection or
 * the cell under the pointer) and from the canvas's gestures and the note editor (they name their note,
 * cell or drop point in the args). Each write is one transaction with the local origin, so one step of
 * this person's undo history.
 */
import { type NoteId, PARKING_LANE_ID, PARKING_STAGE_ID } from '../../../shared/src/board/ids'
import { NOTE_SIZE } from '../../../shared/src/board/limits'
import {
  createNote,
  deleteNotes,
  getNotes,
  getNoteText,
  type NotePatch,
  readNote,
  removeConnector,
  updateNote,
  updateNotes,
} from '../../../shared/src/board/schema'
import { NOTE_COLORS, type NoteColor } from '../../../shared/src/board/style'
import { type Point, rectContains } from '../../../shared/src/layout/geometry'
import {
  type BoardLayout,
  GRID,
  inParkingLot,
  PARKING_CELL,
  parkingOrigin,
} from '../../../shared/src/layout/grid'
import { nearestCell } from '../../../shared/src/layout/hitTest'
import { snapNotesToCell } from '../../../shared/src/layout/snap'
import { LOCAL_ORIGIN } from '../doc/localHistory'
import { pointerOrCenterOnBoard } from '../state/pointer'
import {
  clearSelection,
  hasSelectedNotes,
  openGridEdit,
  selectedConnectorIds,
  selectedNoteIds,
  selectOnly,
  startEditing,
  stopEditing,
  useUi,
} from '../state/ui'
import { applyTextChange } from './applyTextChange'
import type { Command, CommandArgs, CommandContext } from './registry'

const noteExists = (ctx: CommandContext, id: NoteId | undefined): id is NoteId =>
  id !== undefined && getNotes(ctx.doc).has(id)

/**
 * Where dropped notes go: the cell at the drop point, in reading order there; null for a drop on the
 * "Unsorted" row (the notes stay where they were) or where there is no cell at all.
 */
export function planDrop(
  layout: BoardLayout,
  orderOf: (id: NoteId) => string | undefined,
  ids: readonly NoteId[],
  at: Point,
): Map<NoteId, NotePatch> | null {
  if (layout.unsorted && rectContains(layout.unsorted, at)) return null
  if (inParkingLot(layout, at)) return parkDrop(layout, ids, at)
  // In reading order of where they were, so a dragged group keeps its order in the new cell.
  const moving = ids
    .filter((id) => layout.notes.has(id))
    .sort((a, b) => {
      const ba = layout.notes.get(a)!
      const bb = layout.notes.get(b)!
      return ba.y - bb.y || ba.x - bb.x
    })
  const target = moving.length > 0 ? snapNotesToCell(layout, orderOf, moving, at) : null
  if (!target) return null
  return new Map(
    moving.map((id, i) => [id, { stageId: target.stageId, laneId: target.laneId, order: target.orders[i] }]),
  )
}

function dropPlan(ctx: CommandContext, args?: CommandArgs): Map<NoteId, NotePatch> | null {
  if (!args?.notes || !args.at) return null
  const notes = getNotes(ctx.doc)
  return planDrop(ctx.getLayout(), (id) => readNote(id, notes.get(id))?.order, args.notes, args.at)
}

/** Notes dropped in the parking lot land where they were let go, a group fanned out a little. */
function parkDrop(layout: BoardLayout, ids: readonly NoteId[], at: Point): Map<NoteId, NotePatch> | null {
  const origin = parkingOrigin(layout.parking, layout.headerH)
  const moving = ids.flatMap((id) => {
    const box = layout.notes.get(id)
    return box ? [{ id, box }] : []
  })
  if (moving.length === 0) return null
  return new Map(
    moving.map(({ id, box }, i) => [
      id,
      {
        stageId: PARKING_STAGE_ID,
        laneId: PARKING_LANE_ID,
        parkX: Math.round(Math.max(0, at.x - origin.x - box.w / 2 + i * 24)),
        parkY: Math.round(Math.max(0, at.y - origin.y - box.h / 2 + i * 24)),
      },
    ]),
  )
}

/** Notes sent to the parking lot by command go under the ones already there, in a row. */
export function parkBelow(layout: BoardLayout, ids: readonly NoteId[]): Map<NoteId, NotePatch> | null {
  const origin = parkingOrigin(layout.parking, layout.headerH)
  let top = 0
  for (const id of layout.cells.get(PARKING_CELL) ?? []) {
    const box = layout.notes.get(id)
    if (box && !ids.includes(id)) top = Math.max(top, box.y + box.h + GRID.noteGapPx - origin.y)
  }
  const moving = [...ids]
  if (moving.length === 0) return null
  let x = 0
  return new Map(
    moving.map((id) => {
      const w = layout.notes.get(id)?.w ?? NOTE_SIZE.defaultW
      const patch = { stageId: PARKING_STAGE_ID, laneId: PARKING_LANE_ID, parkX: x, parkY: top }
      x += w + GRID.noteGapPx
      return [id, patch]
    }),
  )
}

const clamp = (v: number, min: number, max: number) => Math.round(Math.min(max, Math.max(min, v)))

const colorCommand = (color: NoteColor, index: number): Command => ({
  id: `color.${color}`,
  label: `Color: ${color}`,
  shortcuts: [{ key: String(index + 1) }],
  edits: true,
  enabled: hasSelectedNotes,
  run: (ctx) => updateNotes(ctx.doc, new Map(selectedNoteIds().map((id) => [id, { color }])), LOCAL_ORIGIN),
})

export const NOTE_COMMANDS: readonly Command[] = [
  {
    id: 'note.add',
    label: 'Add note',
    shortcuts: [{ key: 'n' }],
    edits: true,
    // In the cell under the pointer, or at the viewport's center when the pointer is off the canvas.
    run: (ctx) => {
      const cell = nearestCell(ctx.getLayout(), pointerOrCenterOnBoard())
      if (cell) startEditing(createNote(ctx.doc, cell, LOCAL_ORIGIN))
    },
  },
  {
    id: 'note.addInCell',
    label: 'Add a note in a cell',
    edits: true,
    enabled: (_ctx, args) => args?.cell !== undefined,
    run: (ctx, args) => {
      if (args?.cell) startEditing(createNote(ctx.doc, args.cell, LOCAL_ORIGIN))
    },
  },
  {
    id: 'note.menu',
    label: 'Note options',
    shortcuts: [{ key: 'F10', shift: true }, { key: 'ContextMenu' }],
    edits: true,
    // The note named, or else the one selected note; it becomes the selection unless already in it.
    enabled: (ctx, args) => (args?.note ? noteExists(ctx, args.note) : selectedNoteIds().length === 1),
    run: (_ctx, args) => {
      const id = args?.note ?? selectedNoteIds()[0]
      if (!id) return
      if (!useUi.getState().selection.has(id)) selectOnly([id])
      openGridEdit({ kind: 'noteMenu', note: id })
    },
  },
  {
    id: 'note.edit',
    label: 'Edit note text',
    shortcuts: [{ key: 'Enter' }],
    edits: true,
    // The note named, or else the one selected note.
    enabled: (ctx, args) => (args?.note ? noteExists(ctx, args.note) : selectedNoteIds().length === 1),
    run: (_ctx, args) => {
      const id = args?.note ?? selectedNoteIds()[0]
      if (id) startEditing(id)
    },
  },
  {
    id: 'note.setText',
    label: 'Type into a note',
    edits: true,
    enabled: (_ctx, args) => args?.note !== undefined && args.text !== undefined,
    run: (ctx, args) => {
      const text = args?.note ? getNoteText(ctx.doc, args.note) : null
      if (text && args?.text !== undefined) applyTextChange(text, args.text, LOCAL_ORIGIN)
    },
  },
  {
    id: 'note.moveTo',
    label: 'Move notes into the cell where they are dropped',
    edits: true,
    enabled: (ctx, args) => dropPlan(ctx, args) !== null,
    run: (ctx, args) => {
      const plan = dropPlan(ctx, args)
      if (plan) updateNotes(ctx.doc, plan, LOCAL_ORIGIN)
    },
  },
  {
    id: 'note.resize',
    label: 'Resize a note',
    edits: true,
    enabled: (ctx, args) => noteExists(ctx, args?.note) && args?.size !== undefined,
    run: (ctx, args) => {
      if (!args?.note || !args.size) return
      const w = clamp(args.size.w, NOTE_SIZE.minW, NOTE_SIZE.maxW)
      const h = clamp(args.size.h, NOTE_SIZE.minH, NOTE_SIZE.maxH)
      updateNote(ctx.doc, args.note, { w, h }, LOCAL_ORIGIN)
    },
  },
  {
    id: 'note.park',
    label: 'Move the selected notes to the parking lot',
    edits: true,
    enabled: hasSelectedNotes,
    run: (ctx) => {
      const layout = ctx.getLayout()
      const plan = parkBelow(layout, selectedNoteIds())
      if (plan) updateNotes(ctx.doc, plan, LOCAL_ORIGIN)
    },
  },
  {
    id: 'note.delete',
    label: 'Delete the selected notes and arrows',
    shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
    edits: true,
    enabled: () => hasSelectedNotes() || selectedConnectorIds().length > 0,
    run: (ctx) => {
      const ids = selectedNoteIds()
      const arrows = selectedConnectorIds()
      stopEditing()
      clearSelection()
      // One undo step for both.
      ctx.doc.transact(() => {
        deleteNotes(ctx.doc, ids, LOCAL_ORIGIN)
        for (const id of arrows) removeConnector(ctx.doc, id, LOCAL_ORIGIN)
      }, LOCAL_ORIGIN)
    },
  },
]

export const COLOR_COMMANDS: readonly Command[] = NOTE_COLORS.map(colorCommand)
