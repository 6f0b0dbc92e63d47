/*
 * The emotion-curve lane: one score (−2…2) per stage and persona, drawn as a curve per persona across
 * the stages. Holds the `scores` map's points of the lane; nothing can be dropped in it. Fixed height.
 */
import { scoreKey } from '../keyed'
import { contentLane, fixedRow } from './contentLane'

export const EMOTION_LANE_HEIGHT = 200

export const emotionLane = contentLane({
  id: 'emotion-curve',
  label: 'Emotion curve',
  holds: 'scores',
  rowHeight: fixedRow(EMOTION_LANE_HEIGHT),
  cellTint: '#fff7fa',
  headerAccent: '#d9577f',
  swatch: { fill: '#ffc9de', border: '#d9577f' },
  csv: {
    columns: ['stage', 'lane', 'persona', 'score'],
    rows: (lane, board) => {
      const personas = new Map(board.personas.map((p) => [p.id, p]))
      const byPoint = new Map(
        board.scores
          .filter((s) => s.laneId === lane.id)
          .map((s) => [scoreKey(s.laneId, s.stageId, s.personaId), s]),
      )
      return board.stages.flatMap((stage) =>
        board.personas.flatMap((persona) => {
          const score = byPoint.get(scoreKey(lane.id, stage.id, persona.id))
          const name = personas.get(persona.id)?.name ?? persona.id
          return score ? [[stage.title, lane.title, name, String(score.value)]] : []
        }),
      )
    },
  },
})
