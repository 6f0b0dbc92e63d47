/*
 * "Save as template…" (the Data menu): names a new template made from this board's structure — its
 * stages, lanes, personas and tags, never its notes, scores, chips or values — and saves it on the
 * server (POST /api/templates), after which every visitor's home page offers it under "Saved". Needs
 * the edit or facilitator link; the menu shows it only to those.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { saveTemplate } from '../api/templatesApi'

const MAX_TITLE = 80
const MAX_DESCRIPTION = 300

export function SaveTemplateDialog({
  open,
  onClose,
  access,
  boardTitle,
}: {
  open: boolean
  onClose: () => void
  access: { boardId: string; token: string }
  boardTitle: string
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const ids = useId()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
    if (open) {
      setTitle(boardTitle.slice(0, MAX_TITLE))
      setDescription('')
      setError(null)
      setSaved(null)
    }
  }, [open, boardTitle])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const result = await saveTemplate(access, { title: title.trim(), description: description.trim() })
    setBusy(false)
    if (!result.ok) {
      setError(`Could not save the template: ${result.message}`)
      return
    }
    setSaved(result.value.title)
  }

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click closes on the backdrop; keyboards close with Escape, natively
    <dialog
      ref={ref}
      className="share-dialog save-template"
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose()
      }}
    >
      <div className="share-dialog__header">
        <h2 id={`${ids}-title`}>Save as template</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {saved === null ? (
        <form onSubmit={submit} aria-labelledby={`${ids}-title`}>
          <p className="muted">
            New boards can start from this board’s stages, lanes, personas and tags. Notes, connectors,
            emotion scores, channel chips, metric values and text blocks are not copied.
          </p>
          <label className="field">
            <span>Template name</span>
            <input value={title} required maxLength={MAX_TITLE} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            <span>Description (optional)</span>
            <textarea
              rows={3}
              value={description}
              maxLength={MAX_DESCRIPTION}
              onChange={(e) => setDescription(e.target.value)}
            />
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="confirm-dialog__actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy || title.trim() === ''}>
              {busy ? 'Saving…' : 'Save template'}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p role="status">
            Saved “{saved}” as a template. New journey maps can start from it on the home page, under Saved.
          </p>
          <div className="confirm-dialog__actions">
            <button type="button" className="button button--primary" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      )}
    </dialog>
  )
}
