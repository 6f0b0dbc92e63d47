/* The landing page: start a new journey map, or reopen one this browser knows. */
import { type FormEvent, useEffect, useState } from 'react'
import {
  type CreatedBoard,
  checkKnownBoards,
  createBoard,
  importBoard,
  type KnownBoardsStatus,
  toMs,
} from '../api/boardsApi'
import {
  bestToken,
  boardPath,
  forgetBoard,
  heldLinks,
  type KnownBoard,
  readKnownBoards,
  rememberBoard,
} from '../api/knownBoards'
import { errorText, listTemplates } from '../api/templatesApi'
import { relativeTime } from './relativeTime'
import { TemplatePicker, type TemplatesState } from './TemplatePicker'

/** What a new board starts from until the visitor picks another (and when the list cannot be had). */
const DEFAULT_TEMPLATE = 'customer-lifecycle'

const LIST_REFRESH_MS = 3_000

export function HomePage({ navigate }: { navigate: (path: string) => void }) {
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState<string>(DEFAULT_TEMPLATE)
  const [templates, setTemplates] = useState<TemplatesState>({ kind: 'loading' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [known, setKnown] = useState<Record<string, KnownBoard>>(() => readKnownBoards())
  /** What the server said about the links held here; null until it answered (or when it cannot be reached). */
  const [status, setStatus] = useState<KnownBoardsStatus | null>(null)
  const [checked, setChecked] = useState(false)

  useEffect(() => {
    let live = true
    listTemplates().then((result) => {
      if (!live) return
      setTemplates(
        result.ok ? { kind: 'loaded', templates: result.value } : { kind: 'failed', message: result.message },
      )
    })
    return () => {
      live = false
    }
  }, [])

  useEffect(() => {
    document.title = 'Journeyboard'
    // Titles and note counts change while the page is open (and a board left a moment ago is still
    // being summarised), so the list refreshes while the page is visible. The server is told only the
    // links this browser holds, and answers only about those boards.
    const refresh = () => {
      if (document.visibilityState !== 'visible') return
      const links = heldLinks(readKnownBoards())
      if (links.length === 0) {
        setStatus({ boards: [], unavailable: [] })
        setChecked(true)
        return
      }
      checkKnownBoards(links).then((result) => {
        if (result.ok) setStatus(result.value)
        setChecked(true)
      })
    }
    refresh()
    const timer = setInterval(refresh, LIST_REFRESH_MS)
    document.addEventListener('visibilitychange', refresh)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', refresh)
    }
  }, [])

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const result = await createBoard(title, template)
    setBusy(false)
    if (!result.ok) {
      setError(`Could not create the board (${errorText(result.message)}).`)
      return
    }
    openCreated(result.value)
  }

  /** The one who made (or imported) a board is its facilitator: it opens with the facilitator link. */
  const openCreated = (board: CreatedBoard) => {
    rememberBoard({
      id: board.id,
      title: board.title,
      facilitatorToken: board.facilitatorToken,
      editToken: board.editToken,
      viewToken: board.viewToken,
    })
    navigate(board.facilitatorUrl ?? board.editUrl)
  }

  const [importError, setImportError] = useState<string | null>(null)
  const onImportFile = async (file: File | undefined) => {
    if (!file) return
    setImportError(null)
    setBusy(true)
    const result = await importBoard(await file.text())
    setBusy(false)
    if (!result.ok) {
      setImportError(`Could not import ${file.name}: ${errorText(result.message)}`)
      return
    }
    openCreated(result.value)
  }

  const forget = (id: string) => {
    forgetBoard(id)
    setKnown(readKnownBoards())
  }

  const listed = (status?.boards ?? []).filter((b) => known[b.id])
  const gone = (status?.unavailable ?? []).filter((id) => known[id] && !listed.some((b) => b.id === id))
  const answered = new Set([...listed.map((b) => b.id), ...gone])
  // Known here but not answered about: the server is unreachable (the board still opens offline), or
  // the board was opened after the last check.
  const unchecked = Object.values(known)
    .filter((k) => !answered.has(k.id))
    .sort((a, b) => b.lastOpenedAt - a.lastOpenedAt)
  const count = listed.length + gone.length + unchecked.length

  return (
    <div className="home">
      <header className="home__header">
        <span className="brand-mark" aria-hidden="true" />
        <span className="home__brand">Journeyboard</span>
      </header>
      <main className="home__main">
        <section className="hero">
          <h1>Map your customer’s journey, together.</h1>
          <p>
            A live whiteboard for workshops: stages across, lanes down, sticky notes everywhere. Share a link
            and everyone edits at once.
          </p>
        </section>
        <form className="card new-board" onSubmit={onSubmit} aria-label="New journey map">
          <h2>New journey map</h2>
          <label className="field">
            <span>Title</span>
            <input
              name="title"
              value={title}
              placeholder="e.g. Checkout journey — Q3 workshop"
              onChange={(e) => setTitle(e.target.value)}
              maxLength={200}
            />
          </label>
          <TemplatePicker state={templates} chosen={template} onChoose={setTemplate} />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button className="button button--primary" type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create journey map'}
          </button>
          <div className="import-board">
            <label className="button button--ghost import-board__pick">
              Import a board (JSON)…
              <input
                type="file"
                accept="application/json,.json"
                className="sr-only"
                disabled={busy}
                onChange={(e) => {
                  void onImportFile(e.target.files?.[0])
                  e.target.value = ''
                }}
              />
            </label>
            {importError && (
              <p className="form-error" role="alert">
                {importError}
              </p>
            )}
          </div>
        </form>

        <section className="board-list" aria-labelledby="your-boards">
          <h2 id="your-boards">Your boards</h2>
          {!checked && count > 0 ? (
            <p className="muted">Loading…</p>
          ) : count === 0 ? (
            <p className="muted">Boards you create or open here will be listed. Only you see this list.</p>
          ) : (
            <ul>
              {listed.map((b) => {
                const k = known[b.id]!
                const token = (b.role === 'view' ? (k.viewToken ?? bestToken(k)) : bestToken(k))!
                return (
                  <li key={b.id} className="board-row">
                    <div>
                      <div className="board-row__title">{b.title}</div>
                      <div className="board-row__meta">
                        Edited {relativeTime(toMs(b.updatedAt))} · {b.noteCount}{' '}
                        {b.noteCount === 1 ? 'note' : 'notes'}
                        {b.role === 'view' && ' · view only'}
                      </div>
                    </div>
                    <OpenLink id={b.id} title={b.title} token={token} navigate={navigate} />
                  </li>
                )
              })}
              {unchecked.map((k) => (
                <li key={k.id} className="board-row">
                  <div>
                    <div className="board-row__title">{k.title ?? 'Untitled board'}</div>
                    <div className="board-row__meta">Opened {relativeTime(k.lastOpenedAt)}</div>
                  </div>
                  <OpenLink
                    id={k.id}
                    title={k.title ?? 'Untitled board'}
                    token={bestToken(k) as string}
                    navigate={navigate}
                  />
                </li>
              ))}
              {gone.map((id) => {
                const title = known[id]?.title ?? 'Untitled board'
                return (
                  <li key={id} className="board-row board-row--gone">
                    <div>
                      <div className="board-row__title">{title}</div>
                      <div className="board-row__meta">This link no longer works</div>
                    </div>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Forget ${title}`}
                      onClick={() => forget(id)}
                    >
                      Forget
                    </button>
                  </li>
                )
              })}
            </ul>
          )}
        </section>
      </main>
    </div>
  )
}

function OpenLink({
  id,
  title,
  token,
  navigate,
}: {
  id: string
  title: string
  token: string
  navigate: (path: string) => void
}) {
  return (
    <a
      className="button"
      href={boardPath(id, token)}
      aria-label={`Open ${title}`}
      onClick={(e) => {
        e.preventDefault()
        navigate(boardPath(id, token))
      }}
    >
      Open
    </a>
  )
}
