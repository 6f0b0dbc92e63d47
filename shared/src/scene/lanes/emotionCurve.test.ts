import { describe, expect, it } from 'vitest'
import type { LaneId, PersonaId, StageId } from '../../board/ids'
import {
  curveRuns,
  DIVERGENCE_TEXT,
  divergentStages,
  emotionCurveAlt,
  emotionLaneItems,
  emotionPointName,
  type PersonaCurve,
  scoreAtY,
  scoreY,
  smoothPath,
} from './emotionCurve'

const sid = (n: number) => `stage:s${n}` as StageId
const stages = ['Awareness', 'Consideration', 'Purchase', 'Onboarding'].map((title, i) => ({
  id: sid(i),
  title,
  x: 200 + i * 300,
  w: 300,
}))
const lane = { id: 'lane:e' as LaneId, y: 100, h: 220 }
const header = { x: 0, y: 100, w: 200, h: 220 }
const curve = (name: string, scores: (number | undefined)[], color = '#2563eb'): PersonaCurve => ({
  personaId: `persona:${name}` as PersonaId,
  name,
  color,
  scores: new Map(scores.flatMap((s, i) => (s === undefined ? [] : [[sid(i), s] as const]))),
})

describe('scores and heights', () => {
  it('puts +2 at the top and −2 at the bottom, and snaps a y back to the nearest of the 5 steps', () => {
    expect(scoreY(lane, 2)).toBeLessThan(scoreY(lane, 0))
    expect(scoreY(lane, 0)).toBeLessThan(scoreY(lane, -2))
    for (const s of [-2, -1, 0, 1, 2]) expect(scoreAtY(lane, scoreY(lane, s))).toBe(s)
    expect(scoreAtY(lane, lane.y)).toBe(2)
    expect(scoreAtY(lane, lane.y + lane.h + 50)).toBe(-2)
    expect(scoreAtY(lane, scoreY(lane, 1) + 5)).toBe(1)
  })

  it('names a point and writes the alt text with gaps said as such', () => {
    expect(emotionPointName('Onboarding', 'Ana', -1)).toBe('Onboarding, Ana: −1, unhappy')
    expect(emotionPointName('Awareness', 'Ana', 2)).toBe('Awareness, Ana: +2, delighted')
    expect(emotionCurveAlt(curve('Ana', [1, 0, undefined, -2]), stages)).toBe(
      'Emotion curve, Ana: Awareness +1, Consideration 0, Purchase no score, Onboarding −2',
    )
  })
})

describe('the curve', () => {
  it('breaks at a stage without a score instead of drawing a zero', () => {
    const runs = curveRuns(curve('Ana', [1, 0, undefined, -2]), stages, lane)
    expect(runs.map((r) => r.length)).toEqual([2, 1])
    expect(runs[1]?.[0]?.y).toBe(scoreY(lane, -2))
  })

  it('passes through every point and never leaves the band between two neighbours', () => {
    const points = [
      { x: 0, y: 10 },
      { x: 100, y: 90 },
      { x: 200, y: 10 },
    ]
    const path = smoothPath(points)
    expect(path[0]).toEqual(['M', 0, 10])
    expect(path.map((c) => (c[0] === 'C' ? [c[5], c[6]] : null)).filter(Boolean)).toEqual([
      [100, 90],
      [200, 10],
    ])
    for (const c of path)
      if (c[0] === 'C') for (const y of [c[2], c[4]]) expect(y === 10 || y === 90).toBe(true)
  })

  it('flags stages where two personas are 2 or more apart, and only those', () => {
    const curves = [curve('Ana', [2, 0, -1, undefined]), curve('Ben', [0, 1, -1, 2])]
    expect(divergentStages(curves, stages)).toEqual([sid(0)])
    expect(divergentStages([curves[0] as PersonaCurve], stages)).toEqual([])
  })
})

describe('emotionLaneItems', () => {
  it('draws a dashed zero line, one path per run, a face per score, a badge per divergence, a legend for two', () => {
    const items = emotionLaneItems({
      lane,
      stages,
      header,
      curves: [curve('Ana', [2, 0, -1, undefined]), curve('Ben', [0, 1, -1, 2], '#db2777')],
    })
    const paths = items.filter((i) => i.kind === 'path')
    expect(paths[0]?.kind === 'path' && paths[0].stroke?.dash).toBeTruthy()
    expect(paths).toHaveLength(1 + 2)
    expect(items.filter((i) => i.kind === 'icon')).toHaveLength(3 + 4)
    expect(items.filter((i) => i.kind === 'badge' && i.text === DIVERGENCE_TEXT)).toHaveLength(1)
    expect(items.filter((i) => i.kind === 'text').map((i) => i.kind === 'text' && i.text)).toEqual([
      'Ana',
      'Ben',
    ])
    expect(items.every((i) => i.layer === 'content')).toBe(true)
  })

  it('has no legend for one persona and nothing but the zero line without scores', () => {
    const one = emotionLaneItems({ lane, stages, header, curves: [curve('Ana', [1])] })
    expect(one.some((i) => i.kind === 'text')).toBe(false)
    const none = emotionLaneItems({ lane, stages, header, curves: [curve('Ana', [])] })
    expect(none).toHaveLength(1)
  })
})

describe('the curve in a tagged PDF', () => {
  it('gives every line and face of a persona its figure alt text, and a divergence badge its stage', () => {
    const ana = curve('Ana', [2, 0])
    const items = emotionLaneItems({ lane, stages, header, curves: [ana, curve('Ben', [0, 0])] })
    const anaAlt = emotionCurveAlt(ana, stages)
    expect(items.filter((i) => i.figure === anaAlt).map((i) => i.kind)).toEqual([
      'path',
      'rect',
      'icon',
      'rect',
      'icon',
    ])
    expect(items.find((i) => i.kind === 'badge')?.stage).toBe(sid(0))
    expect(items[0]?.figure).toBeUndefined()
  })
})
