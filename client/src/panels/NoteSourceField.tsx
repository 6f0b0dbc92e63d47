/*
 * Who said a quote: a small field hung beside the note, opened from the note menu's "Source…". Enter
 * or leaving it writes the source once (one undo step, no half-typed name reaching colleagues);
 * Escape leaves the source as it was.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { NoteId } from '../../../shared/src/board/ids'
import { MAX_NOTE_SOURCE_CHARS } from '../../../shared/src/board/records/note'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { useBoardLayout, useNote } from '../doc/hooks'
import { closeGridEdit, useUi } from '../state/ui'
import { rectToScreen } from '../view/viewport'
import { useOutsidePointerDown } from './useOutsidePointerDown'
import { usePopupPosition } from './usePopupPosition'
import { useReturnFocus } from './useReturnFocus'

export function NoteSourceField({ note }: { note: NoteId }) {
  const { commands } = useBoardSession()
  const record = useNote(note)
  const box = useBoardLayout().notes.get(note)
  const viewport = useUi((s) => s.viewport)
  const ref = useRef<HTMLFormElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const done = useRef(false)
  useReturnFocus(ref)
  const place = usePopupPosition(ref, box ? rectToScreen(viewport, box) : null, 'right')

  useLayoutEffect(() => {
    input.current?.focus({ preventScroll: true })
    input.current?.select()
  }, [])

  // The note was deleted, or stopped being a quote, while the field was open.
  const gone = !record || !box || record.kind !== 'quote'
  useEffect(() => {
    if (gone) closeGridEdit()
  }, [gone])

  const finish = (commit: boolean) => {
    if (done.current) return
    done.current = true
    const value = input.current?.value ?? ''
    if (commit && value.trim() !== (record?.source ?? ''))
      runCommand('note.setSource', commands, { note, source: value })
    closeGridEdit()
  }
  useOutsidePointerDown(ref, '.note-source', () => finish(true))
  if (gone) return null
  return (
    <form
      ref={ref}
      className="note-source"
      style={{ left: place?.x ?? 0, top: place?.y ?? 0, opacity: place ? 1 : 0 }}
      onSubmit={(e) => {
        e.preventDefault()
        finish(true)
      }}
    >
      <label className="note-source__label" htmlFor="note-source-input">
        Quote source
      </label>
      <input
        id="note-source-input"
        className="note-source__input"
        ref={input}
        defaultValue={record.source ?? ''}
        maxLength={MAX_NOTE_SOURCE_CHARS}
        placeholder="e.g. Ana, interview 3"
        onKeyDown={(e) => {
          e.stopPropagation()
          if (e.key === 'Escape') {
            e.preventDefault()
            finish(false)
          }
        }}
        onBlur={() => finish(true)}
      />
    </form>
  )
}
