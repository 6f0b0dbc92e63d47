/*
 * The items of a note's menu, as data (right-click or long-press on a note). They act on the selection,
 * which the opening press made hold the note, so "Delete" in the menu and the Delete key agree.
 */
import type { NoteId } from '../../../shared/src/board/ids'
import type { CommandMenuItem } from '../panels/CommandMenu'

/** `selected`: how many notes are selected (the menu's note among them). */
export function noteMenuItems(note: NoteId, selected: number): CommandMenuItem[] {
  const what = selected > 1 ? `${selected} notes` : 'note'
  return [
    ...(selected > 1 ? [] : [{ commandId: 'note.edit', label: 'Edit text', args: { note } }]),
    { commandId: 'edit.duplicate', label: `Duplicate ${what}`, args: {} },
    { commandId: 'edit.copy', label: `Copy ${what}`, args: {} },
    { commandId: 'note.delete', label: `Delete ${what}`, args: {}, danger: true, groupStart: true },
  ]
}
