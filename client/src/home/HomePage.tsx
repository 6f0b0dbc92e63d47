/** The landing page: start a new journey map, or reopen one this browser knows. */
import { type FormEvent, useEffect, useState } from 'react'
import type { TemplateId } from '../../../shared/src/templates/template'
import { type BoardListing, createBoard, listBoards, toMs } from '../api/boardsApi'
import { boardPath, type KnownBoard, readKnownBoards, rememberBoard } from '../api/knownBoards'
import { relativeTime } from './relativeTime'

const TEMPLATE_CHOICES: { id: TemplateId; name: string; description: string }[] = [
  {
    id: 'customer-lifecycle',
    name: 'Customer lifecycle',
    description: 'Awareness → Advocacy, with actions, touchpoints, emotions, pain points and opportunities.',
  },
  { id: 'blank', name: 'Blank', description: 'One stage and one lane. Grow your own grid.' },
]

const LIST_REFRESH_MS = 3_000

export function HomePage({ navigate }: { navigate: (path: string) => void }) {
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState<TemplateId>('customer-lifecycle')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [boards, setBoards] = useState<BoardListing[] | null>(null)
  const [known] = useState<Record<string, KnownBoard>>(() => readKnownBoards())

  useEffect(() => {
    document.title = 'Journeyboard'
    // Titles and note counts change while the page is open (and a board left a moment ago is still
    // being summarised), so the list refreshes while the page is visible.
    const refresh = () => {
      if (document.visibilityState === 'visible') {
        listBoards().then((result) => setBoards((prev) => (result.ok ? result.value.boards : (prev ?? []))))
      }
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
      setError(`Could not create the board (${result.message}).`)
      return
    }
    const board = result.value
    rememberBoard({
      id: board.id,
      title: board.title,
      editToken: board.editToken,
      viewToken: board.viewToken,
    })
    navigate(board.editUrl)
  }

  const listed = boards ?? []
  const listedIds = new Set(listed.map((b) => b.id))
  const mine = listed.filter((b) => known[b.id]?.editToken || known[b.id]?.viewToken)
  const others = listed.filter((b) => !mine.includes(b))
  // Boards known here that the server did not list (yet): still offer them.
  const knownOnly = Object.values(known).filter((k) => !listedIds.has(k.id) && boards !== null)

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
          <fieldset className="templates">
            <legend>Template</legend>
            {TEMPLATE_CHOICES.map((choice) => (
              <label
                key={choice.id}
                className={`template${template === choice.id ? ' template--active' : ''}`}
              >
                <input
                  type="radio"
                  name="template"
                  value={choice.id}
                  checked={template === choice.id}
                  onChange={() => setTemplate(choice.id)}
                />
                <span className="template__name">{choice.name}</span>
                <span className="template__description">{choice.description}</span>
              </label>
            ))}
          </fieldset>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button className="button button--primary" type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create journey map'}
          </button>
        </form>

        <section className="board-list" aria-labelledby="your-boards">
          <h2 id="your-boards">Your boards</h2>
          {boards === null ? (
            <p className="muted">Loading…</p>
          ) : mine.length + knownOnly.length === 0 ? (
            <p className="muted">Boards you create or open here will be listed.</p>
          ) : (
            <ul>
              {mine.map((b) => {
                const k = known[b.id]!
                const token = (k.editToken ?? k.viewToken)!
                return (
                  <li key={b.id} className="board-row">
                    <div>
                      <div className="board-row__title">{b.title}</div>
                      <div className="board-row__meta">
                        Edited {relativeTime(toMs(b.updatedAt))} · {b.noteCount}{' '}
                        {b.noteCount === 1 ? 'note' : 'notes'}
                        {!k.editToken && ' · view only'}
                      </div>
                    </div>
                    <a
                      className="button"
                      href={boardPath(b.id, token)}
                      aria-label={`Open ${b.title}`}
                      onClick={(e) => {
                        e.preventDefault()
                        navigate(boardPath(b.id, token))
                      }}
                    >
                      Open
                    </a>
                  </li>
                )
              })}
              {knownOnly.map((k) => (
                <li key={k.id} className="board-row">
                  <div>
                    <div className="board-row__title">{k.title ?? k.id}</div>
                    <div className="board-row__meta">Opened {relativeTime(k.lastOpenedAt)}</div>
                  </div>
                  <a className="button" href={boardPath(k.id, (k.editToken ?? k.viewToken) as string)}>
                    Open
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>

        {others.length > 0 && (
          <section className="board-list board-list--quiet" aria-labelledby="other-boards">
            <h2 id="other-boards">Other boards on this server</h2>
            <p className="muted">You need a link from their owner to open these.</p>
            <ul>
              {others.map((b) => (
                <li key={b.id} className="board-row board-row--quiet">
                  <div className="board-row__title">{b.title}</div>
                  <div className="board-row__meta">
                    Edited {relativeTime(toMs(b.updatedAt))} · {b.noteCount}{' '}
                    {b.noteCount === 1 ? 'note' : 'notes'} · link needed
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  )
}
