import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { getLaneKind, holdsNotes, LANE_KINDS } from '../laneKinds/registry'
import { rawRecord } from '../testing/rawRecord'
import { getNotes } from '../topLevel'
import { readFields } from './field'
import { addLane, removeLane } from './lane'
import {
  createNote,
  deleteNotes,
  getNoteText,
  NOTE_FIELDS,
  type Note,
  notesInCell,
  parseNote,
  readNote,
  readNotePlacements,
  readNotes,
  updateNote,
  updateNotes,
} from './note'
import { addStage } from './stage'

function board() {
  const doc = new Y.Doc()
  const stageId = addStage(doc, 'Awareness')
  const laneId = addLane(doc, 'Pain points', 'pain-points')
  return { doc, stageId, laneId }
}

describe('readNote', () => {
  it('reads a note as createNote wrote it', () => {
    const { doc, stageId, laneId } = board()
    vi.useFakeTimers({ now: 1_800_000_000_000 })
    const id = createNote(doc, { stageId, laneId, text: 'Hidden fees' })
    vi.useRealTimers()
    expect(readNote(id, getNotes(doc).get(id))).toEqual({
      id,
      stageId,
      laneId,
      order: expect.any(String),
      color: 'orange',
      w: 160,
      h: 110,
      text: 'Hidden fees',
      createdAt: 1_800_000_000_000,
      updatedAt: 1_800_000_000_000,
      kind: 'plain',
      tags: [],
    })
  })

  it('skips an entry it cannot place: bad id, not a map, missing or malformed stage, lane or order', () => {
    const { doc, stageId, laneId } = board()
    const ok = { stageId, laneId, order: 'V' }
    expect(readNote('note:x', rawRecord(getNotes(doc), 'note:x', ok))).not.toBeNull()
    expect(readNote('stage:x', rawRecord(getNotes(doc), 'stage:x', ok))).toBeNull()
    expect(readNote('note:', rawRecord(getNotes(doc), 'note:', ok))).toBeNull()
    expect(readNote('note:x', { ...ok })).toBeNull()
    expect(readNote('note:a', rawRecord(getNotes(doc), 'note:a', { laneId, order: 'V' }))).toBeNull()
    expect(readNote('note:b', rawRecord(getNotes(doc), 'note:b', { ...ok, laneId: stageId }))).toBeNull()
    expect(readNote('note:c', rawRecord(getNotes(doc), 'note:c', { ...ok, order: 'V0' }))).toBeNull()
    expect(readNote('note:d', rawRecord(getNotes(doc), 'note:d', { ...ok, order: 31 }))).toBeNull()
  })

  it('repairs what it can: size, color, text, creation time', () => {
    const { doc, stageId, laneId } = board()
    const map = rawRecord(getNotes(doc), 'note:odd', {
      stageId,
      laneId,
      order: 'V',
      w: 1e9,
      h: '110px',
      color: 'chartreuse',
      text: 'a string, not a Y.Text',
      createdAt: 'yesterday',
    })
    expect(readNote('note:odd', map)).toEqual({
      id: 'note:odd',
      stageId,
      laneId,
      order: 'V',
      color: 'yellow',
      w: 480,
      h: 110,
      text: '',
      createdAt: undefined,
      kind: 'plain',
      tags: [],
    })
  })

  it('ignores fields it does not know, and leaves them in the document', () => {
    const { doc, stageId, laneId } = board()
    const map = rawRecord(getNotes(doc), 'note:new', {
      stageId,
      laneId,
      order: 'V',
      votes: 3,
      reactions: ['👍'],
    })
    expect(readNote('note:new', map)).not.toHaveProperty('votes')
    updateNote(doc, 'note:new', { color: 'blue', w: 200 })
    expect(map.toJSON()).toMatchObject({ votes: 3, reactions: ['👍'], color: 'blue', w: 200 })
  })

  it('reads exactly what a loop over NOTE_FIELDS reads, whatever the map holds', () => {
    const doc = new Y.Doc()
    const value = (valid: fc.Arbitrary<unknown>) => fc.oneof(valid, valid, fc.anything())
    const fields = fc.record(
      {
        stageId: value(fc.constantFrom('stage:a', 'stage:b_2')),
        laneId: value(fc.constantFrom('lane:a', 'lane:zz')),
        order: value(fc.constantFrom('V', 'a1', 'zzz')),
        color: value(fc.constantFrom('blue', 'gray')),
        w: value(fc.double({ min: 0, max: 1000 })),
        h: value(fc.integer({ min: 0, max: 1000 })),
        text: value(fc.string().map((s) => new Y.Text(s))),
        createdAt: value(fc.nat()),
        kind: value(fc.constantFrom('pain', 'quote', 'plain')),
        severity: value(fc.integer({ min: 0, max: 4 })),
        source: value(fc.string({ maxLength: 130 })),
        updatedAt: value(fc.nat()),
        createdBy: value(fc.string({ maxLength: 70 })),
        parkX: value(fc.double({ min: -10, max: 1e6 })),
        parkY: value(fc.integer({ min: -10, max: 100 })),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fields, fc.boolean(), (stored, withText) => {
        const map = rawRecord(getNotes(doc), 'note:p', stored)
        const looped = readFields<Omit<Note, 'id'>, { id: 'note:p' }>(map, NOTE_FIELDS, { id: 'note:p' })
        const withoutText = {
          text: '',
          createdAt: undefined,
          severity: undefined,
          source: undefined,
          tags: [],
          updatedAt: undefined,
          createdBy: undefined,
        }
        const expected = looped && (withText ? looped : { ...looped, ...withoutText })
        expect(readNote('note:p', map, withText)).toStrictEqual(expected)
      }),
      { numRuns: 500 },
    )
  })
})

describe('readNotes and readNotePlacements', () => {
  it('read every placeable note in reading order, placements without texts', () => {
    const { doc, stageId, laneId } = board()
    const b = createNote(doc, { stageId, laneId, order: 'k', text: 'second' })
    const a = createNote(doc, { stageId, laneId, order: 'a', text: 'first' })
    rawRecord(getNotes(doc), 'note:broken', { stageId: 42 })
    expect(readNotes(doc).map((n) => [n.id, n.text])).toEqual([
      [a, 'first'],
      [b, 'second'],
    ])
    expect(readNotePlacements(doc).map((n) => [n.id, n.text, n.createdAt])).toEqual([
      [a, '', undefined],
      [b, '', undefined],
    ])
  })
})

describe('parseNote (strict, for imports)', () => {
  const valid = {
    id: 'note:n1',
    stageId: 'stage:s1',
    laneId: 'lane:l1',
    order: 'V',
    color: 'blue',
    w: 160,
    h: 110,
    text: 'Hidden fees',
    createdAt: 1_800_000_000_000,
    kind: 'pain',
    severity: 2,
    tags: ['tag:support'],
  }
  const refs = { stageIds: new Set(['stage:s1']), laneIds: new Set(['lane:l1']) }

  it('accepts a well-formed note and keeps fields it does not know', () => {
    expect(parseNote({ ...valid, votes: 2 }, 'notes[0]', refs)).toEqual({
      ok: true,
      value: { ...valid, votes: 2 },
    })
    const { createdAt: _, ...old } = valid
    expect(parseNote(old, 'notes[0]', refs).ok).toBe(true)
  })

  it('names the note, the field and the problem', () => {
    expect(parseNote({ ...valid, stageId: 'stage:gone' }, 'notes[12]', refs)).toEqual({
      ok: false,
      errors: ['notes[12].stageId: unknown stage'],
    })
    expect(parseNote({ ...valid, laneId: 'lane:gone' }, 'notes[3]', refs)).toEqual({
      ok: false,
      errors: ['notes[3].laneId: unknown lane'],
    })
    expect(parseNote({ ...valid, color: 'chartreuse', w: 1e9 }, 'notes[12]')).toEqual({
      ok: false,
      errors: [
        'notes[12].color: expected one of "yellow", "orange", "pink", "purple", "blue", "teal", "green", "gray", got "chartreuse"',
        'notes[12].w: expected a number from 80 to 480, got 1000000000',
      ],
    })
    const { order: _, ...noOrder } = valid
    expect(parseNote(noOrder, 'notes[1]')).toEqual({
      ok: false,
      errors: ['notes[1].order: missing (expected an order key (base-62 digits, not ending in 0))'],
    })
    expect(parseNote({ ...valid, text: 'x'.repeat(5_001) }).ok).toBe(false)
    expect(parseNote({ ...valid, createdAt: -1 }, 'notes[2]')).toMatchObject({
      errors: ['notes[2].createdAt: expected a time in epoch milliseconds (a whole number ≥ 0), got -1'],
    })
  })
})

describe('note mutations', () => {
  it('createNote gives a new note its lane kind’s color, appends it to its cell and stamps it', () => {
    const doc = new Y.Doc()
    const stageId = addStage(doc, 'Awareness')
    for (const kind of LANE_KINDS.filter(holdsNotes)) {
      const laneId = addLane(doc, kind, kind)
      const first = createNote(doc, { stageId, laneId })
      const second = createNote(doc, { stageId, laneId, color: 'gray' })
      const cell = notesInCell(doc, stageId, laneId)
      expect(cell.map((n) => n.id)).toEqual([first, second])
      expect(cell.map((n) => n.color)).toEqual([getLaneKind(kind).colors.newNote, 'gray'])
      expect(cell[0]!.createdAt).toBeGreaterThan(0)
    }
  })

  it('createNote in a lane that is gone (removed meanwhile) makes a yellow note', () => {
    const { doc, stageId, laneId } = board()
    removeLane(doc, laneId)
    const id = createNote(doc, { stageId, laneId })
    expect(readNote(id, getNotes(doc).get(id))?.color).toBe('yellow')
  })

  it('updateNotes patches many notes in one transaction, writes only what changed, skips missing notes', () => {
    const { doc, stageId, laneId } = board()
    const a = createNote(doc, { stageId, laneId })
    const b = createNote(doc, { stageId, laneId })
    const transactions = vi.fn()
    doc.on('afterTransaction', transactions)
    updateNotes(
      doc,
      new Map([
        [a, { color: 'blue' as const }],
        [b, { w: 300 }],
        ['note:missing', { w: 300 }],
      ]),
    )
    expect(transactions).toHaveBeenCalledTimes(1)
    expect(readNotes(doc).map((n) => [n.color, n.w])).toEqual([
      ['blue', 160],
      ['orange', 300],
    ])
    const updates = vi.fn()
    doc.on('update', updates)
    updateNote(doc, a, { color: 'blue', w: 160 })
    expect(updates).not.toHaveBeenCalled()
  })

  it('deleteNotes removes notes, and getNoteText gives the live text of the others', () => {
    const { doc, stageId, laneId } = board()
    const a = createNote(doc, { stageId, laneId, text: 'a' })
    const b = createNote(doc, { stageId, laneId, text: 'b' })
    deleteNotes(doc, [a, 'note:missing'])
    expect(readNotes(doc).map((n) => n.id)).toEqual([b])
    expect(getNoteText(doc, a)).toBeNull()
    getNoteText(doc, b)!.insert(1, 'ee')
    expect(readNotes(doc)[0]?.text).toBe('bee')
  })
})
