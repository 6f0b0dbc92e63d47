import { describe, expect, it } from 'vitest'
import type { Lane, Stage } from '../../../shared/src/board/schema'
import { planPaste } from './planPaste'

const stages: Stage[] = [
  { id: 'stage:a', title: 'Awareness', order: 'a' },
  { id: 'stage:b', title: 'Purchase', order: 'b' },
]
const lanes: Lane[] = [
  { id: 'lane:p', title: 'Pain points', order: 'a', kind: 'pain-points', collapsed: false },
]
const target = { stageId: 'stage:b', laneId: 'lane:p' } as const

describe('planPaste', () => {
  it('returns notes to a cell with the same stage and lane titles, else to the target cell', () => {
    const plan = planPaste(
      [
        { text: 'same titles', color: 'pink', w: 200, h: 100, stage: ' awareness', lane: 'PAIN POINTS' },
        { text: 'unknown lane', stage: 'Awareness', lane: 'Feelings' },
        { text: 'plain', stage: null, lane: null },
      ],
      stages,
      lanes,
      target,
    )
    expect(plan).toEqual([
      { stageId: 'stage:a', laneId: 'lane:p', text: 'same titles', color: 'pink', w: 200, h: 100 },
      { ...target, text: 'unknown lane' },
      { ...target, text: 'plain' },
    ])
  })
})
