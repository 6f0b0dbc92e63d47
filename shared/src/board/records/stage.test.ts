import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { rawRecord } from '../testing/rawRecord'
import { getStages } from '../topLevel'
import {
  addStage,
  MAX_STAGE_DESCRIPTION_CHARS,
  moveStage,
  parseStage,
  readStage,
  readStages,
  removeStage,
  renameStage,
  STAGE_WIDTH,
  setStageDescription,
  setStageWidth,
} from './stage'

describe('stage reader', () => {
  it('reads valid stages in column order, repairs titles and skips what it cannot place', () => {
    const doc = new Y.Doc()
    const b = addStage(doc, 'Purchase', 'k')
    const a = addStage(doc, 'Awareness', 'a')
    rawRecord(getStages(doc), 'stage:untitled', { title: '   ', order: 'z' })
    rawRecord(getStages(doc), 'stage:typed', { title: 42, order: 'zz' })
    rawRecord(getStages(doc), 'stage:noorder', { title: 'Lost' })
    rawRecord(getStages(doc), 'lane:wrongkind', { title: 'Wrong', order: 'b' })
    getStages(doc).set('stage:notamap', 'x' as unknown as Y.Map<unknown>)
    expect(readStages(doc).map((s) => [s.id, s.title])).toEqual([
      [a, 'Awareness'],
      [b, 'Purchase'],
      ['stage:untitled', 'Untitled stage'],
      ['stage:typed', 'Untitled stage'],
    ])
  })

  it('keeps fields it does not know, through renames and moves', () => {
    const doc = new Y.Doc()
    const map = rawRecord(getStages(doc), 'stage:s', {
      title: 'Onboarding',
      order: 'V',
      goal: 'First value in a day',
    })
    expect(readStage('stage:s', map)).toEqual({ id: 'stage:s', title: 'Onboarding', order: 'V' })
    renameStage(doc, 'stage:s', 'Activation')
    moveStage(doc, 'stage:s', 'a')
    expect(map.toJSON()).toEqual({ title: 'Activation', order: 'a', goal: 'First value in a day' })
  })
})

describe('stage mutations', () => {
  it('addStage appends after the last stage and cuts a long title', () => {
    const doc = new Y.Doc()
    addStage(doc, 'One')
    addStage(doc, 'x'.repeat(300))
    const stages = readStages(doc)
    expect(stages.map((s) => s.title.length)).toEqual([3, 200])
    expect(stages[0]!.order < stages[1]!.order).toBe(true)
  })

  it('renameStage trims and ignores a blank name; moveStage ignores a malformed key', () => {
    const doc = new Y.Doc()
    const id = addStage(doc, 'Awareness', 'V')
    renameStage(doc, id, '  Discovery  ')
    renameStage(doc, id, '   ')
    moveStage(doc, id, 'V0')
    moveStage(doc, id, '')
    expect(readStages(doc)).toEqual([{ id, title: 'Discovery', order: 'V' }])
  })

  it('removeStage removes only the stage', () => {
    const doc = new Y.Doc()
    const id = addStage(doc, 'Awareness')
    removeStage(doc, id)
    expect(readStages(doc)).toEqual([])
  })
})

describe('parseStage (strict)', () => {
  it('accepts a well-formed stage and names what is wrong with a broken one', () => {
    expect(parseStage({ id: 'stage:s', title: 'Awareness', order: 'V' }, 'stages[0]')).toEqual({
      ok: true,
      value: { id: 'stage:s', title: 'Awareness', order: 'V' },
    })
    expect(parseStage({ id: 'note:s', title: '', order: 'V' }, 'stages[1]')).toEqual({
      ok: false,
      errors: [
        'stages[1].id: expected a stage id ("stage:" then 1 to 64 letters, digits, _ or -), got "note:s"',
        'stages[1].title: expected a non-blank string of at most 200 characters, got ""',
      ],
    })
  })
})

describe('stage description and width', () => {
  it('sets a trimmed, cut description and removes it with null or blank', () => {
    const doc = new Y.Doc()
    const id = addStage(doc, 'Purchase')
    setStageDescription(doc, id, '  Decides which plan fits  ')
    expect(readStages(doc)[0]?.description).toBe('Decides which plan fits')
    setStageDescription(doc, id, 'x'.repeat(1_000))
    expect(readStages(doc)[0]?.description).toHaveLength(MAX_STAGE_DESCRIPTION_CHARS)
    setStageDescription(doc, id, ' ')
    expect(getStages(doc).get(id)?.has('description')).toBe(false)
  })

  it('clamps and rounds a width, and null gives it back to the content', () => {
    const doc = new Y.Doc()
    const id = addStage(doc, 'Purchase')
    setStageWidth(doc, id, 5)
    expect(readStages(doc)[0]?.width).toBe(STAGE_WIDTH.min)
    setStageWidth(doc, id, 321.4)
    expect(readStages(doc)[0]?.width).toBe(321)
    setStageWidth(doc, id, Number.NaN)
    expect(readStages(doc)[0]?.width).toBe(321)
    setStageWidth(doc, id, null)
    expect(getStages(doc).get(id)?.has('width')).toBe(false)
  })
})
