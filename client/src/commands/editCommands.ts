/**
 * Commands for undo, the clipboard, arrow-key nudges and the shortcuts overlay; registry.ts lists them
 * with the others. Copy, cut and paste are `native`: their shortcuts let the browser fire its own
 * clipboard events (handled by clipboard/useClipboard.ts, the only way to write several formats without
 * a permission prompt); running them from a button goes through the same code.
 */
import type { NoteId } from '../../../shared/src/board/ids'
import { getNotes, readNote, updateNotes } from '../../../shared/src/board/schema'
import { cutSelection, duplicateSelection, pasteNotes } from '../clipboard/clipboardActions'
import { readClipboard } from '../clipboard/noteClipboard'
import { LOCAL_ORIGIN } from '../doc/localHistory'
import { setShortcutsOpen, useUi } from '../state/ui'
import { type NudgeDirection, planNudge } from './nudge'
import type { Command, CommandContext } from './registry'

const hasSelection = () => useUi.getState().selection.size > 0

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
  enabled: hasSelection,
  run: (ctx) => nudgeSelection(ctx, direction),
})

/** Paste from a button or menu: the async clipboard API, which may ask for permission. */
async function pasteFromClipboardApi(ctx: CommandContext): Promise<void> {
  try {
    const items = await navigator.clipboard.read()
    const texts = new Map<string, string>()
    for (const item of items)
      for (const type of item.types)
        if (!texts.has(type)) texts.set(type, await (await item.getType(type)).text())
    const pasted = readClipboard((type) => texts.get(type) ?? '')
    if (pasted.kind !== 'none') pasteNotes(ctx, pasted.notes)
  } catch {
    // Permission refused or no clipboard access: the keyboard shortcut still works.
  }
}

export const EDIT_COMMANDS: readonly Command[] = [
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
  {
    id: 'edit.copy',
    label: 'Copy selected notes',
    shortcuts: [{ key: 'c', mod: true }],
    native: true,
    enabled: hasSelection,
    run: () => document.execCommand('copy'),
  },
  {
    id: 'edit.cut',
    label: 'Cut selected notes',
    shortcuts: [{ key: 'x', mod: true }],
    native: true,
    edits: true,
    enabled: hasSelection,
    run: (ctx) => {
      // execCommand('cut') fires no event outside an editable field in some browsers; copy, then cut.
      if (!document.execCommand('copy')) return
      cutSelection(ctx)
    },
  },
  {
    id: 'edit.paste',
    label: 'Paste notes or text (one note per line)',
    shortcuts: [{ key: 'v', mod: true }],
    native: true,
    edits: true,
    run: (ctx) => void pasteFromClipboardApi(ctx),
  },
  {
    id: 'edit.duplicate',
    label: 'Duplicate selected notes',
    shortcuts: [{ key: 'd', mod: true }],
    edits: true,
    enabled: hasSelection,
    run: duplicateSelection,
  },
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
