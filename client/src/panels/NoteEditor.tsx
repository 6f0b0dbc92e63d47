/*
 * Editing a note's text in place: a real DOM textarea laid exactly over the note (same box, same font,
 * scaled with the zoom through a CSS transform), so IME, spellcheck, selection and accessibility all
 * work. Each input is written to the note's Y.Text as a minimal splice (the `note.setText` command); a colleague's typing arrives as
 * a delta and moves our caret accordingly, so both can type in the same note.
 *
 * Undo inside the editor goes through the board's undo history (our own changes only), never the
 * textarea's native undo: that one knows nothing of Yjs and would fight remote edits.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import type * as Y from 'yjs'
import type { NoteId } from '../../../shared/src/board/ids'
import { getNoteText } from '../../../shared/src/board/schema'
import { NOTE_INK } from '../../../shared/src/scene/palette'
import { NOTE_TEXT } from '../../../shared/src/scene/textStyle'
import { useBoardSession } from '../board/session'
import { commandForKey, runCommand } from '../commands/registry'
import { useBoardLayout, useNote } from '../doc/hooks'
import { LOCAL_ORIGIN } from '../doc/localHistory'
import { transformIndex } from '../doc/textDiff'
import { stopEditing, useUi } from '../state/ui'

/** The origin of this editor's own writes (note.setText's), so its observer can skip them. */
const EDITOR_ORIGIN = LOCAL_ORIGIN

export function NoteEditor({ id }: { id: NoteId }) {
  const { doc, commands } = useBoardSession()
  const note = useNote(id)
  const box = useBoardLayout().notes.get(id)
  const viewport = useUi((s) => s.viewport)
  const ref = useRef<HTMLTextAreaElement>(null)
  const composing = useRef(false)

  useLayoutEffect(() => {
    const el = ref.current
    const text = getNoteText(doc, id)
    if (!el || !text) return
    el.value = text.toString()
    el.focus()
    el.setSelectionRange(el.value.length, el.value.length)
    const onRemote = (event: Y.YTextEvent, tx: Y.Transaction) => {
      if (tx.local && tx.origin === EDITOR_ORIGIN) return
      // While an IME is composing, the textarea holds tentative text; it is reconciled at compositionend.
      if (composing.current) return
      const delta = event.delta as { retain?: number; insert?: unknown; delete?: number }[]
      const start = transformIndex(el.selectionStart, delta)
      const end = transformIndex(el.selectionEnd, delta)
      el.value = text.toString()
      el.setSelectionRange(start, end)
    }
    text.observe(onRemote)
    return () => text.unobserve(onRemote)
  }, [doc, id])

  // Closing the editor ends its text step in the undo history.
  useEffect(() => () => commands.history?.endTextSession(id), [commands, id])

  // The browser's Edit menu and context menu undo through `beforeinput`; route them to our history.
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const onBeforeInput = (e: InputEvent) => {
      if (e.inputType !== 'historyUndo' && e.inputType !== 'historyRedo') return
      e.preventDefault()
      runCommand(e.inputType === 'historyUndo' ? 'history.undo' : 'history.redo', commands)
    }
    el.addEventListener('beforeinput', onBeforeInput)
    return () => el.removeEventListener('beforeinput', onBeforeInput)
  }, [commands])

  // The note was deleted under us (by a colleague): leave the editor.
  useEffect(() => {
    if (note === null) stopEditing()
  }, [note])

  if (!note || !box) return null
  const ink = NOTE_INK[note.color]
  const commit = () => {
    if (ref.current) runCommand('note.setText', commands, { note: id, text: ref.current.value })
  }
  return (
    <textarea
      ref={ref}
      className="note-editor"
      aria-label="Note text"
      spellCheck
      style={{
        left: box.x * viewport.scale + viewport.x,
        top: box.y * viewport.scale + viewport.y,
        width: box.w,
        height: box.h,
        transform: `scale(${viewport.scale})`,
        padding: NOTE_TEXT.paddingPx,
        fontFamily: NOTE_TEXT.fontFamily,
        fontSize: NOTE_TEXT.fontSizePx,
        lineHeight: NOTE_TEXT.lineHeight,
        borderRadius: NOTE_TEXT.cornerRadiusPx,
        background: ink.fill,
        color: ink.text,
        borderColor: ink.border,
      }}
      onInput={() => {
        if (!composing.current) commit()
      }}
      onCompositionStart={() => {
        composing.current = true
      }}
      onCompositionEnd={() => {
        composing.current = false
        commit()
      }}
      onKeyDown={(e) => {
        e.stopPropagation()
        // Enter adds a line (notes are multi-line); Escape or Ctrl/Cmd+Enter leaves. Never mid-composition.
        if (e.nativeEvent.isComposing || composing.current) return
        const command = commandForKey(e.nativeEvent)
        if (command?.id === 'history.undo' || command?.id === 'history.redo') {
          e.preventDefault()
          commit()
          runCommand(command.id, commands)
          return
        }
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.metaKey || e.ctrlKey))) {
          e.preventDefault()
          commit()
          stopEditing()
        }
      }}
      onBlur={() => {
        commit()
        stopEditing()
      }}
    />
  )
}
