/*
 * The facilitator's controls of a dot vote: start one (dots per person, most per note, which lane,
 * anonymous, an optional time limit), then close it and reveal it. While it runs the facilitator sees
 * only how many people have voted: the server counts, and nobody's dots leave their private document.
 */
import { useId, useState } from 'react'
import type { Lane } from '../../../../shared/src/board/schema'
import type { Vote } from '../../../../shared/src/facilitation/vote'
import { useFacilitation } from '../useFacilitationDoc'
import { changeVoteState, startNewVote } from './voteCommands'

export function VoteControls({ vote, lanes }: { vote: Vote | undefined; lanes: readonly Lane[] }) {
  const session = useFacilitation()
  const id = useId()
  const [dots, setDotsField] = useState(3)
  const [perNote, setPerNote] = useState(1)
  const [laneId, setLaneId] = useState('')
  const [anonymous, setAnonymous] = useState(true)
  const [minutes, setMinutes] = useState(0)
  const [problem, setProblem] = useState<string | null>(null)
  if (vote?.state === 'open' || vote?.state === 'closed') {
    return (
      <div className="vote-controls">
        <p className="vote-voters" aria-live="polite">
          {vote.voters === 1 ? '1 person voted' : `${vote.voters} people voted`}
          {vote.state === 'closed' ? ' · closed' : ''}
        </p>
        {vote.state === 'open' && (
          <button type="button" className="button" onClick={() => changeVoteState(session, 'closed')}>
            Close vote
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          onClick={() => changeVoteState(session, 'revealed')}
        >
          Reveal results
        </button>
      </div>
    )
  }
  return (
    <form
      className="vote-controls"
      aria-label="Start a dot vote"
      onSubmit={(e) => {
        e.preventDefault()
        try {
          startNewVote(session, {
            dotsPerPerson: dots,
            maxPerNote: perNote,
            anonymous,
            ...(laneId ? { laneIds: [laneId] } : {}),
            ...(minutes > 0 ? { endsAt: Date.now() + minutes * 60_000 } : {}),
          })
          setProblem(null)
        } catch (error) {
          setProblem(error instanceof Error ? error.message : String(error))
        }
      }}
    >
      <label htmlFor={`${id}-dots`}>Dots per person</label>
      <input
        id={`${id}-dots`}
        type="number"
        min={1}
        max={50}
        value={dots}
        onChange={(e) => setDotsField(Number(e.target.value))}
      />
      <label htmlFor={`${id}-per-note`}>Most dots per note</label>
      <input
        id={`${id}-per-note`}
        type="number"
        min={1}
        max={dots}
        value={perNote}
        onChange={(e) => setPerNote(Number(e.target.value))}
      />
      <label htmlFor={`${id}-lane`}>Notes in</label>
      <select id={`${id}-lane`} value={laneId} onChange={(e) => setLaneId(e.target.value)}>
        <option value="">Every lane</option>
        {lanes.map((lane) => (
          <option key={lane.id} value={lane.id}>
            {lane.title}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-minutes`}>Time limit (minutes, 0 for none)</label>
      <input
        id={`${id}-minutes`}
        type="number"
        min={0}
        max={120}
        value={minutes}
        onChange={(e) => setMinutes(Number(e.target.value))}
      />
      <label className="vote-check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />{' '}
        Anonymous
      </label>
      {problem && (
        <p role="alert" className="vote-problem">
          {problem}
        </p>
      )}
      <button type="submit" className="button button--primary">
        {vote ? 'Start a new vote' : 'Start vote'}
      </button>
    </form>
  )
}
