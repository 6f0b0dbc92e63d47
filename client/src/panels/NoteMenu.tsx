/* A note's menu, hung beside the note; closes itself when a colleague deletes the note. */
import { useEffect } from 'react'
import type { NoteId } from '../../../shared/src/board/ids'
import { noteMenuItems } from '../commands/noteMenu'
import { useBoardLayout, useNote } from '../doc/hooks'
import { closeGridEdit, selectedNoteIds, useUi } from '../state/ui'
import { noteLabel } from '../view/noteLabel'
import { rectToScreen } from '../view/viewport'
import { CommandMenu } from './CommandMenu'

export function NoteMenu({ note }: { note: NoteId }) {
  const layout = useBoardLayout()
  const viewport = useUi((s) => s.viewport)
  const selected = useUi((s) => selectedNoteIds(s.selection).length)
  const record = useNote(note)
  const box = layout.notes.get(note)

  useEffect(() => {
    if (!record || !box) closeGridEdit()
  }, [record, box])

  if (!record || !box) return null
  const name = noteLabel(record.text)
  return (
    <CommandMenu
      label={`Note options: ${name}`}
      title={name}
      items={noteMenuItems(note, Math.max(1, selected))}
      anchor={rectToScreen(viewport, box)}
      side="right"
      keep=".note-menu-opener"
      onClose={closeGridEdit}
    />
  )
}
