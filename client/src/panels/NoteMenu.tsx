/* A note's menu, hung beside the note; closes itself when a colleague deletes the note. */
import { useEffect, useMemo } from 'react'
import type { NoteId } from '../../../shared/src/board/ids'
import { noteMenuItems, selectionFacts } from '../commands/noteMenu'
import { useBoardAnatomy, useBoardLayout, useNote, useNoteFacets } from '../doc/hooks'
import { closeGridEdit, selectedNoteIds, useUi } from '../state/ui'
import type { NoteFacets } from '../view/noteFilter'
import { noteLabel } from '../view/noteLabel'
import { rectToScreen } from '../view/viewport'
import { CommandMenu } from './CommandMenu'

export function NoteMenu({ note }: { note: NoteId }) {
  const layout = useBoardLayout()
  const viewport = useUi((s) => s.viewport)
  const selection = useUi((s) => s.selection)
  const facets = useNoteFacets()
  const { tags } = useBoardAnatomy()
  const record = useNote(note)
  const box = layout.notes.get(note)

  useEffect(() => {
    if (!record || !box) closeGridEdit()
  }, [record, box])

  const facts = useMemo(() => {
    const ids = selectedNoteIds(selection)
    const notes = (ids.includes(note) ? ids : [note])
      .map((id) => facets.get(id))
      .filter((f): f is NoteFacets => f !== undefined)
    return selectionFacts(notes)
  }, [selection, facets, note])

  if (!record || !box) return null
  const name = noteLabel(record.text)
  return (
    <CommandMenu
      label={`Note options: ${name}`}
      title={name}
      items={noteMenuItems(note, facts, tags)}
      anchor={rectToScreen(viewport, box)}
      side="right"
      keep=".note-menu-opener"
      onClose={closeGridEdit}
    />
  )
}
