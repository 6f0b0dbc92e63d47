/*
 * Copy, cut, paste and duplicate of the selected notes. Copy, cut and paste are `native`: their
 * shortcuts let the browser fire its own clipboard events (clipboard/useClipboard.ts handles them, the
 * only way to write several formats without a permission prompt, and runs these commands with what it
 * read); from a button they go through the same code. Each paste, cut or duplicate is one transaction
 * with the local origin: one undo step.
 */
import type { NoteId } from '../../../shared/src/board/ids'
import { createNote, readLanes, readStages } from '../../../shared/src/board/schema'
import { nearestCell } from '../../../shared/src/layout/hitTest'
import { selectedNotesInOrder } from '../clipboard/copySelection'
import { type ClipNote, readClipboard } from '../clipboard/noteClipboard'
import { planPaste } from '../clipboard/planPaste'
import { LOCAL_ORIGIN } from '../doc/localHistory'
import { pointerOrCenterOnBoard } from '../state/pointer'
import { hasSelectedNotes, selectOnly, stopEditing } from '../state/ui'
import { type Command, type CommandContext, runCommand } from './registry'

/** Creates the pasted notes (new ids) in the cell under the pointer, or their own cells, and selects them. */
function pasteNotes(ctx: CommandContext, notes: readonly ClipNote[]): void {
  if (notes.length === 0) return
  const target = nearestCell(ctx.getLayout(), pointerOrCenterOnBoard())
  if (!target) return
  const inits = planPaste(notes, readStages(ctx.doc), readLanes(ctx.doc), target)
  const ids: NoteId[] = []
  // createNote's own transactions nest into this one: the whole paste is one update and one undo step.
  ctx.doc.transact(() => {
    for (const init of inits) ids.push(createNote(ctx.doc, init, LOCAL_ORIGIN))
  }, LOCAL_ORIGIN)
  stopEditing()
  selectOnly(ids)
}

/** Paste from a button or menu: the async clipboard API, which may ask for permission. */
async function pasteFromClipboardApi(ctx: CommandContext): Promise<void> {
  try {
    const items = await navigator.clipboard.read()
    const texts = new Map<string, string>()
    for (const item of items)
      for (const type of item.types)
        if (!texts.has(type)) texts.set(type, await (await item.getType(type)).text())
    const pasted = readClipboard((type) => texts.get(type) ?? '')
    if (pasted.kind !== 'none' && !ctx.readOnly) pasteNotes(ctx, pasted.notes)
  } catch {
    // Permission refused or no clipboard access: the keyboard shortcut still works.
  }
}

/** Copies of the selected notes at the end of their own cells, selected instead of the originals. */
function duplicateSelection(ctx: CommandContext): void {
  const notes = selectedNotesInOrder(ctx)
  if (notes.length === 0) return
  const ids: NoteId[] = []
  ctx.doc.transact(() => {
    for (const n of notes) {
      const init = { stageId: n.stageId, laneId: n.laneId, color: n.color, w: n.w, h: n.h, text: n.text }
      ids.push(createNote(ctx.doc, init, LOCAL_ORIGIN))
    }
  }, LOCAL_ORIGIN)
  selectOnly(ids)
}

export const CLIPBOARD_COMMANDS: readonly Command[] = [
  {
    id: 'edit.copy',
    label: 'Copy selected notes',
    shortcuts: [{ key: 'c', mod: true }],
    native: true,
    enabled: hasSelectedNotes,
    run: () => document.execCommand('copy'),
  },
  {
    id: 'edit.cut',
    label: 'Cut selected notes',
    shortcuts: [{ key: 'x', mod: true }],
    native: true,
    edits: true,
    enabled: hasSelectedNotes,
    run: (ctx) => {
      // execCommand('cut') fires no event outside an editable field in some browsers; copy, then delete.
      if (document.execCommand('copy')) runCommand('note.delete', ctx)
    },
  },
  {
    id: 'edit.paste',
    label: 'Paste notes or text (one note per line)',
    shortcuts: [{ key: 'v', mod: true }],
    native: true,
    edits: true,
    // With `pasted`, what a paste event carried; without, what the async clipboard API gives.
    run: (ctx, args) => (args?.pasted ? pasteNotes(ctx, args.pasted) : void pasteFromClipboardApi(ctx)),
  },
  {
    id: 'edit.duplicate',
    label: 'Duplicate selected notes',
    shortcuts: [{ key: 'd', mod: true }],
    edits: true,
    enabled: hasSelectedNotes,
    run: duplicateSelection,
  },
]
