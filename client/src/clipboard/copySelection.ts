/**
 * Copy, cut, paste and duplicate of the selected notes, on top of the clipboard format and the paste
 * plan. Each paste, cut or duplicate is one transaction with the local origin: one undo step.
 */
import type { NoteId } from '../../../shared/src/board/ids'
import {
  createNote,
  deleteNotes,
  getNotes,
  type Note,
  readLanes,
  readNote,
  readStages,
} from '../../../shared/src/board/schema'
import { nearestCell } from '../../../shared/src/layout/hitTest'
import type { CommandContext } from '../commands/registry'
import { LOCAL_ORIGIN } from '../doc/localHistory'
import { pointerOrCenterOnBoard } from '../state/pointer'
import { clearSelection, selectOnly, stopEditing, useUi } from '../state/ui'
import { type ClipNote, writeClipboard } from './noteClipboard'
import { planPaste } from './planPaste'

/** The selected notes in reading order (the layout's order). */
function selectedNotes(ctx: CommandContext): Note[] {
  const { selection } = useUi.getState()
  const notes = getNotes(ctx.doc)
  const result: Note[] = []
  for (const id of ctx.getLayout().notes.keys()) {
    if (!selection.has(id)) continue
    const note = readNote(id, notes.get(id))
    if (note) result.push(note)
  }
  return result
}

function toClipNotes(ctx: CommandContext, notes: readonly Note[]): ClipNote[] {
  const layout = ctx.getLayout()
  const stageTitle = new Map(layout.stages.map((s) => [s.id, s.title]))
  const laneTitle = new Map(layout.lanes.map((l) => [l.id, l.title]))
  return notes.map((n) => {
    const stage = stageTitle.get(n.stageId)
    const lane = laneTitle.get(n.laneId)
    const inCell = stage !== undefined && lane !== undefined
    return {
      text: n.text,
      color: n.color,
      w: n.w,
      h: n.h,
      stage: inCell ? stage : null,
      lane: inCell ? lane : null,
    }
  })
}

/** The clipboard data for the selection, by MIME type; null when nothing is selected. */
export function copySelection(ctx: CommandContext): Record<string, string> | null {
  const notes = selectedNotes(ctx)
  return notes.length > 0 ? writeClipboard(toClipNotes(ctx, notes)) : null
}

/** Copies the selection, then deletes it (one undo step); null when nothing is selected. */
export function cutSelection(ctx: CommandContext): Record<string, string> | null {
  const data = copySelection(ctx)
  if (!data || ctx.readOnly) return data
  const ids = [...useUi.getState().selection]
  stopEditing()
  clearSelection()
  deleteNotes(ctx.doc, ids, LOCAL_ORIGIN)
  return data
}

/** Creates the pasted notes (new ids) and selects them. */
export function pasteNotes(ctx: CommandContext, notes: readonly ClipNote[]): NoteId[] {
  if (ctx.readOnly || notes.length === 0) return []
  const target = nearestCell(ctx.getLayout(), pointerOrCenterOnBoard())
  if (!target) return []
  const inits = planPaste(notes, readStages(ctx.doc), readLanes(ctx.doc), target)
  const ids: NoteId[] = []
  // createNote's own transactions nest into this one: the whole paste is one update and one undo step.
  ctx.doc.transact(() => {
    for (const init of inits) ids.push(createNote(ctx.doc, init, LOCAL_ORIGIN))
  }, LOCAL_ORIGIN)
  stopEditing()
  selectOnly(ids)
  return ids
}

/** Copies of the selected notes at the end of their own cells, selected instead of the originals. */
export function duplicateSelection(ctx: CommandContext): NoteId[] {
  const notes = selectedNotes(ctx)
  if (ctx.readOnly || notes.length === 0) return []
  const ids: NoteId[] = []
  ctx.doc.transact(() => {
    for (const n of notes) {
      const init = { stageId: n.stageId, laneId: n.laneId, color: n.color, w: n.w, h: n.h, text: n.text }
      ids.push(createNote(ctx.doc, init, LOCAL_ORIGIN))
    }
  }, LOCAL_ORIGIN)
  selectOnly(ids)
  return ids
}
