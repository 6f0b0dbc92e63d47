import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getScores } from '../topLevel'
import { clearMetricValue, readMetricValues, setMetricValue } from './metricValue'
import { clearScore, readScores, setScore } from './score'

describe('scores', () => {
  it('sets a whole score from −2 to 2 per point, clears it into a gap, and never reads a bad value as 0', () => {
    const doc = new Y.Doc()
    setScore(doc, 'lane:e', 'stage:a', 'persona:default', 1.6)
    setScore(doc, 'lane:e', 'stage:b', 'persona:default', -9)
    setScore(doc, 'lane:e', 'stage:c', 'persona:default', Number.NaN)
    expect(readScores(doc).map((s) => [s.stageId, s.value])).toEqual([
      ['stage:a', 2],
      ['stage:b', -2],
    ])
    expect(getScores(doc).get('lane:e/stage:a/persona:default')).toBe(2)
    clearScore(doc, 'lane:e', 'stage:a', 'persona:default')
    getScores(doc).set('lane:e/stage:d/persona:default', 7)
    getScores(doc).set('lane:e/stage:e/persona:default', '1')
    getScores(doc).set('not/a/key', 1)
    expect(readScores(doc).map((s) => s.stageId)).toEqual(['stage:b'])
  })
})

describe('metric values', () => {
  it('sets any finite number per cell and clears it', () => {
    const doc = new Y.Doc()
    setMetricValue(doc, 'lane:m', 'stage:a', 12.5)
    setMetricValue(doc, 'lane:m', 'stage:b', -3)
    setMetricValue(doc, 'lane:m', 'stage:c', Number.POSITIVE_INFINITY)
    expect(readMetricValues(doc).map((v) => [v.stageId, v.value])).toEqual([
      ['stage:a', 12.5],
      ['stage:b', -3],
    ])
    clearMetricValue(doc, 'lane:m', 'stage:a')
    expect(readMetricValues(doc).map((v) => v.stageId)).toEqual(['stage:b'])
  })
})
