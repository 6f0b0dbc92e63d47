/*
 * The dot-voting side panel, opened from its own "Dot voting" button (a stand-in until the Facilitate
 * panel hosts VoteControls). While a vote runs each person sees their budget ("2 of 3 dots left") and
 * the notes in scope, each with "Add dot to …" and "Remove dot from …"; notes out of scope are not
 * offered. After the reveal everyone sees the ranked results the server wrote.
 */
import { useState } from 'react'
import { readLanes, readNotes } from '../../../../shared/src/board/schema'
import { acceptsDots, dotsUsed, noteInScope, type Vote } from '../../../../shared/src/facilitation/vote'
import { useBoardSession } from '../../board/session'
import { useBoardAnatomy, useBoardLayout } from '../../doc/hooks'
import { useFacilitation } from '../useFacilitationDoc'
import { useOwnDots, useVote } from './useVote'
import { VoteControls } from './VoteControls'
import { changeDot } from './voteCommands'

export const VOTE_PANEL_ID = 'vote-panel'

const label = (text: string) => (text.trim() === '' ? 'Empty note' : text.trim().slice(0, 60))

export function VotePanel() {
  const [open, setOpen] = useState(false)
  const vote = useVote()
  return (
    <>
      <button
        type="button"
        className={`button vote-toggle${vote?.state === 'open' ? ' vote-toggle--live' : ''}`}
        aria-expanded={open}
        aria-controls={VOTE_PANEL_ID}
        onClick={() => setOpen(!open)}
      >
        Dot voting{vote?.state === 'open' ? ' (open)' : ''}
      </button>
      {open && <OpenVotePanel vote={vote} onClose={() => setOpen(false)} />}
    </>
  )
}

function OpenVotePanel({ vote, onClose }: { vote: Vote | undefined; onClose: () => void }) {
  const session = useFacilitation()
  const { doc } = useBoardSession()
  // Read again whenever the notes or lanes change (the layout and anatomy stores say when).
  useBoardLayout()
  useBoardAnatomy()
  const notes = readNotes(doc)
  const lanes = readLanes(doc)
  const dots = useOwnDots(vote?.id)
  const open = acceptsDots(vote, Date.now())
  const used = dotsUsed(dots)
  const text = new Map(notes.map((n) => [n.id as string, n.text]))
  return (
    <aside
      id={VOTE_PANEL_ID}
      className="side-panel vote-panel"
      aria-label="Dot voting"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
    >
      <div className="side-panel__head">
        <h2 className="side-panel__title">Dot voting</h2>
        <button type="button" className="icon-button" aria-label="Close dot voting panel" onClick={onClose}>
          ×
        </button>
      </div>
      {session.isFacilitator && <VoteControls vote={vote} lanes={lanes} />}
      {!vote && !session.isFacilitator && <p>No vote yet.</p>}
      {vote && open && (
        <section aria-label="Your dots">
          <p className="vote-budget" aria-live="polite">
            {vote.rules.dotsPerPerson - used} of {vote.rules.dotsPerPerson} dots left
          </p>
          <ul className="vote-notes">
            {notes
              .filter((n) => noteInScope(vote.rules, n))
              .map((n) => {
                const mine = dots.get(n.id) ?? 0
                return (
                  <li key={n.id} className="vote-note" data-note-id={n.id}>
                    <span className="vote-note__text">{label(n.text)}</span>
                    <span className="vote-note__dots">
                      <span aria-hidden="true">{'●'.repeat(mine)}</span>
                      <span className="sr-only">{mine} of your dots</span>
                    </span>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Remove dot from ${label(n.text)}`}
                      disabled={mine === 0}
                      onClick={() => changeDot(session, vote, dots, n.id, -1)}
                    >
                      −
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Add dot to ${label(n.text)}`}
                      disabled={mine >= vote.rules.maxPerNote || used >= vote.rules.dotsPerPerson}
                      onClick={() => changeDot(session, vote, dots, n.id, 1)}
                    >
                      +
                    </button>
                  </li>
                )
              })}
          </ul>
        </section>
      )}
      {vote && !open && vote.state !== 'revealed' && <p>The vote is closed; results come with the reveal.</p>}
      {vote?.state === 'revealed' && (
        <section aria-label="Vote results">
          <h3>Results</h3>
          {vote.results === undefined ? (
            <p>Counting…</p>
          ) : vote.results.length === 0 ? (
            <p>No dots were placed.</p>
          ) : (
            <ol className="vote-results">
              {vote.results.map((r) => (
                <li key={r.noteId} data-note-id={r.noteId}>
                  <span className="vote-note__text">{label(text.get(r.noteId) ?? 'A removed note')}</span>{' '}
                  <strong>
                    {r.count} {r.count === 1 ? 'dot' : 'dots'}
                  </strong>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </aside>
  )
}
