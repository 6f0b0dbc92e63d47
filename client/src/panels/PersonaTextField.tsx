/*
 * One of a persona's goals, needs or frustrations: a textarea bound to the persona's Y.Text like the
 * note editor — each input is written as the smallest splice (persona.setText), and a colleague's
 * typing arrives as a delta that moves our caret rather than replacing what we are typing.
 */
import { useLayoutEffect, useRef } from 'react'
import type * as Y from 'yjs'
import type { PersonaId } from '../../../shared/src/board/ids'
import { MAX_PERSONA_TEXT_CHARS, type PersonaTextKey } from '../../../shared/src/board/records/persona'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { LOCAL_ORIGIN } from '../doc/localHistory'
import { personaTextOf } from '../doc/personaText'
import { transformIndex } from '../doc/textDiff'

const LABELS: Record<PersonaTextKey, string> = {
  goals: 'Goals',
  needs: 'Needs',
  frustrations: 'Frustrations',
}

export function PersonaTextField({ persona, field }: { persona: PersonaId; field: PersonaTextKey }) {
  const { doc, commands, readOnly } = useBoardSession()
  const ref = useRef<HTMLTextAreaElement>(null)
  const composing = useRef(false)
  // Looked up on every render (a map read): the persona's first keystroke may only now have made it.
  const text = personaTextOf(doc, persona, field)
  const id = `persona-${persona}-${field}`

  useLayoutEffect(() => {
    const el = ref.current
    if (!el || !text) return
    if (el.value !== text.toString()) el.value = text.toString()
    const onChange = (event: Y.YTextEvent, tx: Y.Transaction) => {
      if (tx.local && tx.origin === LOCAL_ORIGIN && document.activeElement === el) return
      if (composing.current) return
      const delta = event.delta as { retain?: number; insert?: unknown; delete?: number }[]
      const start = transformIndex(el.selectionStart, delta)
      const end = transformIndex(el.selectionEnd, delta)
      el.value = text.toString()
      if (document.activeElement === el) el.setSelectionRange(start, end)
    }
    text.observe(onChange)
    return () => text.unobserve(onChange)
  }, [text])

  const commit = () => {
    if (ref.current)
      runCommand('persona.setText', commands, { persona, personaText: field, text: ref.current.value })
  }
  return (
    <div className="persona-field">
      <label htmlFor={id} className="panel-label">
        {LABELS[field]}
      </label>
      <textarea
        id={id}
        ref={ref}
        className="panel-input persona-field__text"
        rows={2}
        maxLength={MAX_PERSONA_TEXT_CHARS}
        readOnly={readOnly}
        spellCheck
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
        // The board's shortcuts (Delete, arrows, letters) must not act while typing here.
        onKeyDown={(e) => e.stopPropagation()}
      />
    </div>
  )
}
