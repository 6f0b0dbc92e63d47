/*
 * The facilitator's controls of a private phase: open a private brainstorm or a private emotion rating
 * (on one emotion lane), then reveal it; after an emotion rating's reveal, adopt the medians as a
 * persona's curve (the content document's scores, through the emotion.set command).
 */
import { useId, useState } from 'react'
import type { Lane, Persona } from '../../../../shared/src/board/schema'
import type { Phase } from '../../../../shared/src/facilitation/privatePhase'
import { useBoardSession } from '../../board/session'
import { runCommand } from '../../commands/registry'
import { useFacilitation } from '../useFacilitationDoc'
import { openPhase, revealOpenPhase } from './privateCommands'

export function PrivatePhaseControls(props: {
  phase: Phase | undefined
  lanes: readonly Lane[]
  personas: readonly Persona[]
}) {
  const { phase, lanes, personas } = props
  const session = useFacilitation()
  const { commands } = useBoardSession()
  const id = useId()
  const emotionLanes = lanes.filter((l) => l.kind === 'emotion-curve')
  const [laneId, setLaneId] = useState(emotionLanes[0]?.id ?? '')
  const [personaId, setPersonaId] = useState(personas[0]?.id ?? '')
  const persona = personas.find((p) => p.id === personaId)
  if (phase?.state === 'open') {
    return (
      <div className="vote-controls">
        <p>{phase.kind === 'notes' ? 'Private brainstorm open.' : 'Private emotion rating open.'}</p>
        <button type="button" className="button button--primary" onClick={() => revealOpenPhase(session)}>
          Reveal
        </button>
      </div>
    )
  }
  const adopt = () => {
    if (!phase?.results || !phase.laneId || !persona) return
    for (const r of phase.results) {
      runCommand('emotion.set', commands, {
        cell: { stageId: r.stageId as `stage:${string}`, laneId: phase.laneId as `lane:${string}` },
        // Half rounds up (−0.5 → 0); `|| 0` keeps −0 out of the document.
        content: { persona: persona.id, value: Math.round(r.median) || 0 },
      })
    }
  }
  return (
    <div className="vote-controls">
      <button type="button" className="button" onClick={() => openPhase(session, 'notes')}>
        Start private brainstorm
      </button>
      {emotionLanes.length > 0 && (
        <>
          <label htmlFor={`${id}-lane`}>Emotion lane</label>
          <select id={`${id}-lane`} value={laneId} onChange={(e) => setLaneId(e.target.value)}>
            {emotionLanes.map((lane) => (
              <option key={lane.id} value={lane.id}>
                {lane.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={!laneId}
            onClick={() => openPhase(session, 'emotions', laneId)}
          >
            Start private emotion rating
          </button>
        </>
      )}
      {phase?.kind === 'emotions' && phase.results && phase.results.length > 0 && personas.length > 0 && (
        <>
          <label htmlFor={`${id}-persona`}>Persona</label>
          <select id={`${id}-persona`} value={personaId} onChange={(e) => setPersonaId(e.target.value)}>
            {personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="button" className="button button--primary" onClick={adopt}>
            Adopt as {persona?.name ?? 'persona'}’s curve
          </button>
        </>
      )}
    </div>
  )
}
