/*
 * Commands for undo, arrow-key nudges and the shortcuts overlay; registry.ts lists them with the others.
 */
import type { NoteId } from '../../../shared/src/board/ids'
import { getNotes, readNote, updateNotes } from '../../../shared/src/board/schema'
import { LOCAL_ORIGIN } from '../doc/localHistory'
import { hasSelectedNotes, setShortcutsOpen, useUi } from '../state/ui'
import { type NudgeDirection, planNudge } from './nudge'
import type { Command, CommandContext } from './registry'

function nudgeSelection(ctx: CommandContext, direction: NudgeDirection): void {
  const notes = getNotes(ctx.doc)
  const orderOf = (id: NoteId) => readNote(id, notes.get(id))?.order
  const patches = planNudge(ctx.getLayout(), orderOf, useUi.getState().selection, direction)
  if (patches.size > 0) updateNotes(ctx.doc, patches, LOCAL_ORIGIN)
}

const nudge = (
  id: string,
  label: string,
  key: string,
  shift: boolean,
  direction: NudgeDirection,
): Command => ({
  id: `nudge.${id}`,
  label,
  shortcuts: [{ key, shift }],
  edits: true,
  enabled: hasSelectedNotes,
  run: (ctx) => nudgeSelection(ctx, direction),
})

export const HISTORY_COMMANDS: readonly Command[] = [
  {
    id: 'history.undo',
    label: 'Undo my last change',
    shortcuts: [{ key: 'z', mod: true }],
    edits: true,
    enabled: (ctx) => ctx.history?.state.getSnapshot().canUndo ?? false,
    run: (ctx) => ctx.history?.undo(),
  },
  {
    id: 'history.redo',
    label: 'Redo',
    shortcuts: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    edits: true,
    enabled: (ctx) => ctx.history?.state.getSnapshot().canRedo ?? false,
    run: (ctx) => ctx.history?.redo(),
  },
]

export const EDIT_COMMANDS: readonly Command[] = [
  nudge('earlier', 'Move one place earlier in its cell', 'ArrowLeft', false, 'earlier'),
  nudge('later', 'Move one place later in its cell', 'ArrowRight', false, 'later'),
  nudge('laneUp', 'Move to the lane above (from Unsorted: back onto the grid)', 'ArrowUp', false, 'laneUp'),
  nudge('laneDown', 'Move to the lane below', 'ArrowDown', false, 'laneDown'),
  nudge('stageBefore', 'Move to the previous stage', 'ArrowLeft', true, 'stageBefore'),
  nudge('stageAfter', 'Move to the next stage', 'ArrowRight', true, 'stageAfter'),
  {
    id: 'help.shortcuts',
    label: 'Show keyboard shortcuts',
    shortcuts: [{ key: '?' }],
    run: () => setShortcutsOpen(true),
  },
]
