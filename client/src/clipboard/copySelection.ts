/*
 * What a copy puts on the clipboard: the selected notes in reading order, with the titles of their
 * stage and lane so that a paste on another board can find the same cell (noteClipboard.ts has the
 * formats). Reads only; cut, paste and duplicate write through commands/clipboardCommands.ts.
 */
import { getNotes, type Note, readNote } from '../../../shared/src/board/schema'
import type { CommandContext } from '../commands/registry'
import { useUi } from '../state/ui'
import { type ClipNote, writeClipboard } from './noteClipboard'

/** The selected notes in reading order (the layout's order). */
export function selectedNotesInOrder(ctx: CommandContext): Note[] {
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

/** The clipboard data for the selection, by MIME type; null when no note is selected. */
export function copySelection(ctx: CommandContext): Record<string, string> | null {
  const notes = selectedNotesInOrder(ctx)
  return notes.length > 0 ? writeClipboard(toClipNotes(ctx, notes)) : null
}
