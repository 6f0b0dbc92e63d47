/*
 * A text input that writes once, when the person is done (Enter or leaving it), like the board title:
 * a half-typed name never reaches colleagues and each rename is one undo step. Escape puts back the
 * stored value; a colleague's change shows when the field is not being typed in.
 */
import { useEffect, useState } from 'react'

interface Props {
  id: string
  label: string
  value: string
  maxLength: number
  readOnly: boolean
  onCommit: (value: string) => void
  /** The label is for screen readers only (the row around the field shows what it is). */
  hideLabel?: boolean
  placeholder?: string
}

export function CommitInput({
  id,
  label,
  value,
  maxLength,
  readOnly,
  onCommit,
  hideLabel,
  placeholder,
}: Props) {
  const [draft, setDraft] = useState(value)
  const [typing, setTyping] = useState(false)
  useEffect(() => {
    if (!typing) setDraft(value)
  }, [value, typing])
  return (
    <>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'panel-label'}>
        {label}
      </label>
      <input
        id={id}
        className="panel-input"
        value={draft}
        maxLength={maxLength}
        readOnly={readOnly}
        placeholder={placeholder}
        onFocus={() => setTyping(true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          setTyping(false)
          if (draft !== value) onCommit(draft)
        }}
        onKeyDown={(e) => {
          e.stopPropagation()
          if (e.key === 'Enter') e.currentTarget.blur()
          if (e.key === 'Escape') {
            setDraft(value)
            setTyping(false)
          }
        }}
      />
    </>
  )
}
