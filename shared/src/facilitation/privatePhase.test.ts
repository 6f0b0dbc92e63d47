import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  readPhase,
  readPrivateNotes,
  readPrivateScores,
  revealedNoteId,
  revealPhase,
  setPrivateNote,
  setPrivateScore,
  spreadByStage,
  startPhase,
} from './privatePhase'
import { getPhase } from './schema'

describe('private phases', () => {
  it('opens and reveals a phase; an emotions phase needs its lane; garbage reads as none', () => {
    const doc = new Y.Doc()
    expect(() => startPhase(doc, { id: 'p', kind: 'emotions' }, 'x')).toThrow(/lane/)
    startPhase(doc, { id: 'p1', kind: 'emotions', laneId: 'lane:e', endsAt: 9 }, 'x')
    expect(readPhase(doc)).toEqual({ id: 'p1', kind: 'emotions', state: 'open', laneId: 'lane:e', endsAt: 9 })
    revealPhase(doc, 'x')
    expect(readPhase(doc)?.state).toBe('revealed')
    getPhase(doc).set('kind', 'gossip')
    expect(readPhase(doc)).toBeUndefined()
  })

  it('keeps private notes with the content note’s fields, and derives a stable board id per author', () => {
    const doc = new Y.Doc()
    setPrivateNote(doc, { id: 'note:b', stageId: 'stage:s', laneId: 'lane:l', text: 'idea' }, 'x')
    setPrivateNote(doc, { id: 'note:a', stageId: 'stage:s', laneId: 'lane:l', text: 'other' }, 'x')
    expect(readPrivateNotes(doc).map((n) => n.text)).toEqual(['other', 'idea'])
    const id = revealedNoteId('participant-one-abcdefg', 'note:b')
    expect(id).toBe(revealedNoteId('participant-one-abcdefg', 'note:b'))
    expect(id).not.toBe(revealedNoteId('participant-two-abcdefg', 'note:b'))
    expect(id).toMatch(/^note:[A-Za-z0-9_-]{1,64}$/)
  })

  it('reads scores per phase and lane, refusing values off the −2…2 scale', () => {
    const doc = new Y.Doc()
    setPrivateScore(doc, { phaseId: 'p1', laneId: 'lane:e', stageId: 'stage:a' }, 2, 'x')
    setPrivateScore(doc, { phaseId: 'p0', laneId: 'lane:e', stageId: 'stage:a' }, -1, 'x')
    expect([...readPrivateScores(doc, 'p1', 'lane:e')]).toEqual([['stage:a', 2]])
    expect(() =>
      setPrivateScore(doc, { phaseId: 'p1', laneId: 'lane:e', stageId: 'stage:a' }, 3, 'x'),
    ).toThrow()
  })

  it('computes each stage’s median and spread (the mean of the middle two for an even count)', () => {
    const ballots = [
      new Map([
        ['stage:a', -2],
        ['stage:b', 1],
      ]),
      new Map([['stage:a', 1]]),
      new Map([['stage:a', 2]]),
      new Map([['stage:b', 2]]),
    ]
    expect(spreadByStage(ballots)).toEqual([
      { stageId: 'stage:a', median: 1, min: -2, max: 2, count: 3 },
      { stageId: 'stage:b', median: 1.5, min: 1, max: 2, count: 2 },
    ])
    expect(spreadByStage([])).toEqual([])
  })
})
