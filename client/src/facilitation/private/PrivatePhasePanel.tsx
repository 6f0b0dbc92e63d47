/*
 * The private-phase side panel, opened from its own "Private phase" button (a stand-in until the
 * Facilitate panel hosts PrivatePhaseControls). In a private brainstorm each person adds notes only
 * they see ("Only you", dashed) until the reveal puts everyone's on the board at once; in a private
 * emotion rating each person scores each stage, and the reveal shows each stage's median and spread.
 */
import { useId, useState } from 'react'
import { readLanes, readPersonas, readStages } from '../../../../shared/src/board/schema'
import { useBoardSession } from '../../board/session'
import { useBoardAnatomy, useBoardLayout } from '../../doc/hooks'
import { useFacilitation } from '../useFacilitationDoc'
import { PrivatePhaseControls } from './PrivatePhaseControls'
import { addPrivateNote, scoreStage } from './privateCommands'
import { useOwnPrivateNotes, useOwnScores, usePhase } from './usePrivatePhase'

export const PRIVATE_PANEL_ID = 'private-phase-panel'
const SCORES = [-2, -1, 0, 1, 2]

export function PrivatePhasePanel() {
  const [open, setOpen] = useState(false)
  const phase = usePhase()
  const live = phase?.state === 'open'
  return (
    <>
      <button
        type="button"
        className={`button private-toggle${live ? ' vote-toggle--live' : ''}`}
        aria-expanded={open}
        aria-controls={PRIVATE_PANEL_ID}
        onClick={() => setOpen(!open)}
      >
        Private phase{live ? ' (open)' : ''}
      </button>
      {open && <OpenPanel onClose={() => setOpen(false)} />}
    </>
  )
}

function OpenPanel({ onClose }: { onClose: () => void }) {
  const session = useFacilitation()
  const { doc } = useBoardSession()
  useBoardLayout()
  useBoardAnatomy()
  const stages = readStages(doc)
  const lanes = readLanes(doc)
  const personas = readPersonas(doc)
  const phase = usePhase()
  const notes = useOwnPrivateNotes()
  const scores = useOwnScores(phase)
  const id = useId()
  const [stageId, setStageId] = useState(stages[0]?.id ?? '')
  const [laneId, setLaneId] = useState(lanes[0]?.id ?? '')
  const [text, setText] = useState('')
  const stageTitle = new Map(stages.map((s) => [s.id as string, s.title]))
  const stageOrder = new Map(stages.map((s, i) => [s.id as string, i]))
  const byBoardOrder = (id: string) => stageOrder.get(id) ?? stages.length
  return (
    <aside
      id={PRIVATE_PANEL_ID}
      className="side-panel private-panel"
      aria-label="Private phase"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
    >
      <div className="side-panel__head">
        <h2 className="side-panel__title">Private phase</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close private phase panel"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {session.isFacilitator && <PrivatePhaseControls phase={phase} lanes={lanes} personas={personas} />}
      {!phase && !session.isFacilitator && <p>No private phase yet.</p>}
      {phase?.kind === 'notes' && phase.state === 'open' && (
        <section aria-label="Your private notes">
          <form
            className="vote-controls"
            onSubmit={(e) => {
              e.preventDefault()
              if (!text.trim() || !stageId || !laneId) return
              addPrivateNote(session, {
                stageId: stageId as `stage:${string}`,
                laneId: laneId as `lane:${string}`,
                text: text.trim(),
              })
              setText('')
            }}
          >
            <label htmlFor={`${id}-text`}>Private note</label>
            <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} rows={2} />
            <label htmlFor={`${id}-stage`}>Stage</label>
            <select id={`${id}-stage`} value={stageId} onChange={(e) => setStageId(e.target.value)}>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-lane`}>Lane</label>
            <select id={`${id}-lane`} value={laneId} onChange={(e) => setLaneId(e.target.value)}>
              {lanes.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.title}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--primary">
              Add private note
            </button>
          </form>
          <ul className="private-notes">
            {notes.map((n) => (
              <li key={n.id} className="private-note">
                <span className="private-note__mark">Only you</span> {n.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {phase?.kind === 'emotions' && phase.state === 'open' && phase.laneId && (
        <section aria-label="Your emotion scores" className="vote-controls">
          {stages.map((s) => (
            <label key={s.id} className="private-score">
              <span>Your score for {s.title}</span>
              <select
                value={scores.get(s.id) ?? ''}
                onChange={(e) =>
                  e.target.value !== '' &&
                  scoreStage(
                    session,
                    { phaseId: phase.id, laneId: phase.laneId!, stageId: s.id },
                    Number(e.target.value),
                  )
                }
              >
                <option value="">—</option>
                {SCORES.map((v) => (
                  <option key={v} value={v}>
                    {v > 0 ? `+${v}` : v}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </section>
      )}
      {phase?.kind === 'notes' && phase.state === 'revealed' && (
        <p>Revealed: everyone’s notes are on the board.</p>
      )}
      {phase?.kind === 'emotions' && phase.state === 'revealed' && (
        <section aria-label="Emotion rating results">
          <h3>Median and spread</h3>
          {!phase.results ? (
            <p>Counting…</p>
          ) : (
            <ul className="vote-results">
              {[...phase.results]
                .sort((a, b) => byBoardOrder(a.stageId) - byBoardOrder(b.stageId))
                .map((r) => (
                  <li key={r.stageId}>
                    {stageTitle.get(r.stageId) ?? 'A removed stage'}: median {r.median} (from {r.min} to{' '}
                    {r.max}, {r.count} {r.count === 1 ? 'person' : 'people'})
                  </li>
                ))}
            </ul>
          )}
        </section>
      )}
    </aside>
  )
}
