import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getVote } from './schema'
import {
  checkDots,
  dotsUsed,
  type NoteScopeInfo,
  readDots,
  readVote,
  setDots,
  setVoteState,
  startVote,
  tally,
  type Vote,
  validateRules,
} from './vote'

const rules = { dotsPerPerson: 3, maxPerNote: 2, anonymous: false }
const openVote = (over: Partial<Vote['rules']> = {}): Vote => {
  const doc = new Y.Doc()
  startVote(doc, 'v1', { ...rules, ...over }, 'test')
  return readVote(doc)!
}
const notes: Record<string, NoteScopeInfo> = {
  'note:a': { laneId: 'lane:1', kind: 'plain' },
  'note:b': { laneId: 'lane:2', kind: 'pain' },
}
const noteOf = (id: string) => notes[id]

describe('vote rules', () => {
  it('starts, closes and reveals a vote, reading back its rules', () => {
    const doc = new Y.Doc()
    startVote(doc, 'v1', { ...rules, laneIds: ['lane:1'], endsAt: 5 }, 'test')
    expect(readVote(doc)).toEqual({
      id: 'v1',
      state: 'open',
      rules: { ...rules, laneIds: ['lane:1'], endsAt: 5 },
      voters: 0,
      results: undefined,
    })
    setVoteState(doc, 'revealed', 'test')
    expect(readVote(doc)?.state).toBe('revealed')
  })

  it('refuses rules that cannot run', () => {
    expect(validateRules({ ...rules, dotsPerPerson: 0 })).toMatch(/dots per person/)
    expect(validateRules({ ...rules, maxPerNote: 4 })).toMatch(/dots per note/)
    expect(() => startVote(new Y.Doc(), 'v', { ...rules, dotsPerPerson: 1.5 }, 'x')).toThrow()
  })

  it('reads garbage as no vote', () => {
    const doc = new Y.Doc()
    getVote(doc).set('id', 7)
    expect(readVote(doc)).toBeUndefined()
    expect(() => setVoteState(doc, 'closed', 'x')).toThrow(/no vote/)
  })
})

describe('checkDots', () => {
  it('accepts dots within the budget, the per-note max and the scope', () => {
    expect(
      checkDots(
        [
          ['v1/note:a', 2],
          ['v1/note:b', 1],
        ],
        openVote(),
        0,
        noteOf,
      ),
    ).toBeUndefined()
  })
  it('refuses a dot over the budget', () => {
    const vote = openVote({ dotsPerPerson: 2 })
    expect(
      checkDots(
        [
          ['v1/note:a', 2],
          ['v1/note:b', 1],
        ],
        vote,
        0,
        noteOf,
      ),
    ).toMatch(/per person/)
  })
  it('refuses more than the per-note max, and garbage counts', () => {
    expect(checkDots([['v1/note:a', 3]], openVote({ maxPerNote: 2 }), 0, noteOf)).toMatch(/per note/)
    expect(checkDots([['v1/note:a', 'x']], openVote(), 0, noteOf)).toMatch(/per note/)
    expect(checkDots([['v1/note:a', 0.5]], openVote(), 0, noteOf)).toMatch(/per note/)
  })
  it('refuses notes out of scope (lane, kind) or not on the board', () => {
    expect(checkDots([['v1/note:b', 1]], openVote({ laneIds: ['lane:1'] }), 0, noteOf)).toMatch(/outside/)
    expect(checkDots([['v1/note:a', 1]], openVote({ noteKinds: ['pain'] }), 0, noteOf)).toMatch(/outside/)
    expect(checkDots([['v1/note:zz', 1]], openVote(), 0, noteOf)).toMatch(/does not have/)
  })
  it('refuses any dot when no vote is open, after close or past its end, or of another vote', () => {
    expect(checkDots([['v1/note:a', 1]], undefined, 0, noteOf)).toMatch(/no vote/)
    expect(checkDots([['v1/note:a', 1]], { ...openVote(), state: 'closed' }, 0, noteOf)).toMatch(/closed/)
    expect(checkDots([['v1/note:a', 1]], openVote({ endsAt: 10 }), 10, noteOf)).toMatch(/ended/)
    expect(checkDots([['v0/note:a', 1]], openVote(), 0, noteOf)).toMatch(/another vote/)
  })
})

describe('dots and tally', () => {
  it('reads and writes one person’s dots by vote', () => {
    const doc = new Y.Doc()
    setDots(doc, 'v1', 'note:a', 2, 'x')
    setDots(doc, 'v0', 'note:b', 1, 'x')
    expect([...readDots(doc, 'v1')]).toEqual([['note:a', 2]])
    setDots(doc, 'v1', 'note:a', 0, 'x')
    expect(dotsUsed(readDots(doc, 'v1'))).toBe(0)
  })

  it('tallies deterministically, most dots first, naming voters unless anonymous', () => {
    const ballots = [
      {
        participantId: 'p2',
        dots: new Map([
          ['note:b', 1],
          ['note:a', 1],
        ]),
      },
      { participantId: 'p1', dots: new Map([['note:b', 2]]) },
      { participantId: 'p3', dots: new Map<string, number>() },
    ]
    expect(tally(ballots, false)).toEqual({
      voters: 2,
      results: [
        { noteId: 'note:b', count: 3, voters: ['p1', 'p2'] },
        { noteId: 'note:a', count: 1, voters: ['p2'] },
      ],
    })
    expect(tally([...ballots].reverse(), true).results).toEqual([
      { noteId: 'note:b', count: 3 },
      { noteId: 'note:a', count: 1 },
    ])
  })
})
