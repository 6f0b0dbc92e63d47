/*
 * "What should we call you?" — asked once per browser, before the first board, so colleagues see a name
 * on your cursor. Skipping picks a friendly generated name; either way it is remembered (identity.ts),
 * and clicking your own avatar in the top bar brings this back to change it.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { PRESENCE_LIMITS } from '../presence/awarenessState'
import { generatedName, initials } from '../presence/identity'
import { useIdentity, usePresence } from '../presence/usePresence'

interface Props {
  /** 'welcome' on first visit (Skip keeps a generated name); 'rename' from the avatar (Cancel). */
  mode: 'welcome' | 'rename'
  onClose: () => void
}

export function NameDialog({ mode, onClose }: Props) {
  const presence = usePresence()
  const me = useIdentity()
  const suggestion = useMemo(() => generatedName(), [])
  const [draft, setDraft] = useState(mode === 'rename' ? (me.name ?? '') : '')
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  const finish = (name: string) => {
    presence.rename(name.trim() === '' ? suggestion : name)
    onClose()
  }
  const dismiss = () => (mode === 'welcome' ? finish(suggestion) : onClose())
  const preview = draft.trim() || suggestion

  return (
    <dialog
      ref={ref}
      className="name-dialog"
      aria-labelledby="name-dialog-title"
      onCancel={(e) => {
        e.preventDefault()
        dismiss()
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          finish(draft)
        }}
      >
        <div className="name-dialog__avatar" style={{ background: me.color }} aria-hidden="true">
          {initials(preview)}
        </div>
        <h2 id="name-dialog-title">{mode === 'welcome' ? 'What should we call you?' : 'Change your name'}</h2>
        <p className="name-dialog__hint">
          Your name shows next to your cursor and on the notes you edit, so everyone knows who is who.
        </p>
        <label className="field">
          Your name
          <input
            autoFocus
            value={draft}
            placeholder={suggestion}
            maxLength={PRESENCE_LIMITS.maxNameChars}
            autoComplete="nickname"
            onChange={(e) => setDraft(e.target.value)}
          />
        </label>
        <div className="name-dialog__actions">
          <button type="button" className="button button--ghost" onClick={dismiss}>
            {mode === 'welcome' ? 'Skip' : 'Cancel'}
          </button>
          <button type="submit" className="button button--primary">
            {mode === 'welcome' ? 'Join board' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  )
}
