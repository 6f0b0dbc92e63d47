/*
 * The share dialog: the links this person may hand out, each with a copy button, and, for the links
 * they may rotate, a rotate button behind a confirmation (rotating cuts off everyone using the old
 * link at once). What is offered comes from the server (GET /api/boards/<id>: `links`, `canRotate`;
 * server/src/permissions/links.ts), so an editor sees the view link on any browser, not only the one
 * that made the board. A modal <dialog>: focus moves in and stays, Escape closes it.
 */
import { useEffect, useRef, useState } from 'react'
import { type BoardLink, getBoard, type Role, rotateLink } from '../api/boardsApi'
import { boardLink } from '../api/knownBoards'
import { copyText } from './copyText'

const LINK_LABEL: Record<Role, string> = {
  facilitate: 'Facilitator link',
  edit: 'Edit link',
  view: 'View link',
}

const LINK_HINT: Record<Role, string> = {
  facilitate: 'Runs the workshop: shares and rotates every link.',
  edit: 'Adds, moves and edits notes.',
  view: 'Sees the board live, exports it, cannot change it.',
}

const ORDER: readonly Role[] = ['view', 'edit', 'facilitate']

export interface ShareDialogProps {
  boardId: string
  /** The token this page opened with. */
  token: string
  role: Role
  open: boolean
  onClose: () => void
  /** This page's own link was rotated: the page must reopen with the new token. */
  onOwnLinkRotated: (token: string) => void
}

function CopyLink({ role, url }: { role: Role; url: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  return (
    <button
      type="button"
      className="button button--ghost"
      aria-label={`Copy ${LINK_LABEL[role].toLowerCase()}`}
      onClick={async () => {
        const copied = await copyText(url)
        setState(copied ? 'copied' : 'failed')
        setTimeout(() => setState('idle'), copied ? 1600 : 6000)
      }}
    >
      {state === 'copied' ? 'Copied ✓' : state === 'failed' ? 'Copy blocked: select the link' : 'Copy'}
    </button>
  )
}

export function ShareDialog({ boardId, token, role, open, onClose, onOwnLinkRotated }: ShareDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const [links, setLinks] = useState<Partial<Record<Role, BoardLink>>>({})
  const [canRotate, setCanRotate] = useState<Role[]>([])
  const [confirming, setConfirming] = useState<Role | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
    if (!open) return
    setConfirming(null)
    setMessage(null)
    let cancelled = false
    getBoard(boardId, token).then((result) => {
      if (cancelled) return
      if (!result.ok) return setMessage(`Could not load the links (${result.message}).`)
      setLinks(result.value.links ?? {})
      setCanRotate(result.value.canRotate ?? [])
    })
    return () => {
      cancelled = true
    }
  }, [open, boardId, token])

  const rotate = async (target: Role) => {
    setBusy(true)
    const result = await rotateLink(boardId, token, target)
    setBusy(false)
    setConfirming(null)
    if (!result.ok)
      return setMessage(`Could not rotate the ${LINK_LABEL[target].toLowerCase()} (${result.message}).`)
    setLinks((current) => ({ ...current, [target]: result.value }))
    setMessage(`${LINK_LABEL[target]} rotated: the old one no longer opens the board.`)
    if (target === role) onOwnLinkRotated(result.value.token)
  }

  const shown = ORDER.filter((r) => links[r] || canRotate.includes(r))

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click closes on the backdrop; keyboards close with Escape, natively
    <dialog
      ref={ref}
      className="share-dialog"
      aria-labelledby="share-title"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose()
      }}
    >
      <div className="share-dialog__header">
        <h2 id="share-title">Share this board</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {shown.length === 0 && !message && <p className="muted">Loading links…</p>}
      <ul className="share-dialog__links">
        {shown.map((linkRole) => {
          const link = links[linkRole]
          const url = link ? boardLink(boardId, link.token) : ''
          const fieldId = `share-${linkRole}`
          return (
            <li key={linkRole} className="share-link">
              <label className="share-link__label" htmlFor={fieldId}>
                {LINK_LABEL[linkRole]}
              </label>
              <span className="share-link__hint" id={`${fieldId}-hint`}>
                {LINK_HINT[linkRole]}
              </span>
              <div className="share-link__row">
                <input
                  id={fieldId}
                  className="share-link__url"
                  readOnly
                  value={url || 'Rotate it to get a link you can share'}
                  aria-describedby={`${fieldId}-hint`}
                  onFocus={(e) => e.currentTarget.select()}
                />
                {link && <CopyLink role={linkRole} url={url} />}
                {canRotate.includes(linkRole) && (
                  <button
                    type="button"
                    className="button button--ghost"
                    aria-label={`Rotate ${LINK_LABEL[linkRole].toLowerCase()}`}
                    disabled={busy}
                    onClick={() => setConfirming(linkRole)}
                  >
                    Rotate…
                  </button>
                )}
              </div>
              {confirming === linkRole && (
                <fieldset className="share-link__confirm" aria-label="Confirm rotation">
                  <p>
                    Everyone using the current {LINK_LABEL[linkRole].toLowerCase()} loses access at once
                    {linkRole === role ? ', including this page, which reopens with the new link' : ''}.
                  </p>
                  <div className="confirm-dialog__actions">
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() => setConfirming(null)}
                    >
                      Cancel
                    </button>
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={busy}
                      onClick={() => void rotate(linkRole)}
                    >
                      Rotate {LINK_LABEL[linkRole].toLowerCase()}
                    </button>
                  </div>
                </fieldset>
              )}
            </li>
          )
        })}
      </ul>
      {message && (
        <p className="share-dialog__message" role="status">
          {message}
        </p>
      )}
    </dialog>
  )
}
