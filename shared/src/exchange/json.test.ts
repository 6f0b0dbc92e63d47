import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clampedNumber, idField, labelField } from '../board/records/field'
import { createNote, getLanes, getMeta, getNotes, readBoard, SCHEMA_VERSION } from '../board/schema'
import { applyTemplate } from '../templates/applyTemplate'
import { COLLECTIONS, type Collection } from './collections'
import { type BoardJson, exportBoardJson, importBoardJson } from './json'

function sampleBoard(): Y.Doc {
  const doc = new Y.Doc()
  applyTemplate(doc, 'customer-lifecycle', { title: 'Café onboarding' })
  const board = readBoard(doc)
  const [s0, s1] = board.stages
  const [l0, l1] = board.lanes
  createNote(doc, {
    stageId: s0!.id,
    laneId: l0!.id,
    text: 'Señora «Ñandú», "quoted", commas, and\nnewlines',
  })
  createNote(doc, { stageId: s1!.id, laneId: l1!.id, text: 'Ελληνικά и кириллица', color: 'green', w: 200 })
  createNote(doc, { stageId: s1!.id, laneId: l1!.id, text: '' })
  return doc
}

const clone = (json: BoardJson) => JSON.parse(JSON.stringify(json)) as Record<string, unknown> & BoardJson

describe('board JSON', () => {
  it('exports every record with every field, and export → import → export is the same JSON, ids kept', () => {
    const doc = sampleBoard()
    const json = exportBoardJson(doc)
    expect(json).toMatchObject({
      format: 'journeyboard',
      schemaVersion: SCHEMA_VERSION,
      title: 'Café onboarding',
    })
    expect(json.template).toBe('customer-lifecycle')
    const notes = json.notes as Record<string, unknown>[]
    expect(notes).toHaveLength(3)
    expect(Object.keys(notes[0]!).sort()).toEqual(
      [
        'id',
        'stageId',
        'laneId',
        'order',
        'color',
        'w',
        'h',
        'text',
        'createdAt',
        'updatedAt',
        'kind',
        'tags',
      ].sort(),
    )
    expect((json.lanes as { kind: string }[]).map((l) => l.kind)).toContain('pain-points')

    const imported = importBoardJson(JSON.parse(JSON.stringify(json)))
    if (!imported.ok) throw new Error(imported.errors.join('\n'))
    expect(exportBoardJson(imported.doc)).toEqual(json)
    expect(readBoard(imported.doc)).toEqual(readBoard(doc))
  })

  it('leaves out records no reader can place, and exports repaired values as readers see them', () => {
    const doc = sampleBoard()
    const broken = new Y.Map<unknown>()
    broken.set('stageId', 42)
    getNotes(doc).set('note:broken', broken)
    getNotes(doc).set('not-an-id', new Y.Map())
    const first = [...getNotes(doc).values()][0]!
    first.set('w', 10_000)
    const json = exportBoardJson(doc)
    expect((json.notes as { id: string }[]).map((n) => n.id)).not.toContain('note:broken')
    expect((json.notes as { w: number }[]).some((n) => n.w === 480)).toBe(true)
    expect(importBoardJson(json).ok).toBe(true)
  })

  it.each<[string, (json: Record<string, unknown>) => void, RegExp]>([
    [
      'an unknown stage',
      (j) => ((j.notes as Record<string, unknown>[])[1]!.stageId = 'stage:nope'),
      /^notes\[1\]\.stageId: unknown stage$/,
    ],
    [
      'an unknown lane',
      (j) => ((j.notes as Record<string, unknown>[])[0]!.laneId = 'lane:gone'),
      /^notes\[0\]\.laneId: unknown lane$/,
    ],
    [
      'a size out of range',
      (j) => ((j.notes as Record<string, unknown>[])[2]!.w = 1e9),
      /^notes\[2\]\.w: expected a number from 80 to 480, got 1000000000$/,
    ],
    [
      'a missing stage title',
      (j) => delete (j.stages as Record<string, unknown>[])[0]!.title,
      /^stages\[0\]\.title: missing/,
    ],
    [
      'a lane kind that does not exist',
      (j) => ((j.lanes as Record<string, unknown>[])[1]!.kind = 'moods'),
      /^lanes\[1\]\.kind: expected one of/,
    ],
    [
      'a duplicate id',
      (j) => ((j.notes as Record<string, unknown>[])[1]!.id = (j.notes as { id: string }[])[0]!.id),
      /^notes\[1\]\.id: .* is listed twice$/,
    ],
    [
      'a record that is not an object',
      (j) => ((j.stages as unknown[])[0] = 'Awareness'),
      /^stages\[0\]: expected an object/,
    ],
    ['notes that are not an array', (j) => (j.notes = {}), /^notes: expected an array/],
    ['another format', (j) => (j.format = 'miro'), /^format: expected "journeyboard"/],
    ['a newer schema', (j) => (j.schemaVersion = SCHEMA_VERSION + 1), /this server knows up to/],
    ['a blank title', (j) => (j.title = '  '), /^title: expected a non-blank string/],
  ])('refuses %s, naming where', (_what, breakIt, message) => {
    const json = clone(exportBoardJson(sampleBoard()))
    breakIt(json)
    const result = importBoardJson(json)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(
        result.errors.some((e) => message.test(e)),
        result.errors.join('\n'),
      ).toBe(true)
  })

  it('reports every problem of a file at once, up to a bound', () => {
    const json = clone(exportBoardJson(sampleBoard()))
    for (const note of json.notes as Record<string, unknown>[]) note.stageId = 'stage:x'
    const result = importBoardJson(json)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors).toHaveLength(3)
    const many = clone(json)
    many.notes = Array.from({ length: 500 }, () => ({ id: 'nope' }))
    const bounded = importBoardJson(many)
    expect(!bounded.ok && bounded.errors.length).toBe(20)
  })

  it('imports a file of an older schema: fields added since get their defaults, then the migrations run', () => {
    const json = clone(exportBoardJson(sampleBoard()))
    json.schemaVersion = 0
    delete json.createdAt
    for (const lane of json.lanes as Record<string, unknown>[]) delete lane.kind
    for (const note of json.notes as Record<string, unknown>[]) delete note.color
    const result = importBoardJson(json)
    if (!result.ok) throw new Error(result.errors.join('\n'))
    expect(result.from).toBe(0)
    const board = readBoard(result.doc)
    expect(board.schemaVersion).toBe(SCHEMA_VERSION)
    expect(board.lanes.every((l) => l.kind === 'unknown')).toBe(true)
    expect(board.notes.every((n) => n.color === 'yellow')).toBe(true)
    // The StampSchemaVersion step gave the board the createdAt it lacked.
    expect(typeof getMeta(result.doc).get('createdAt')).toBe('number')
    // A field a reader cannot do without is still required in an old file.
    delete (json.notes as Record<string, unknown>[])[0]!.stageId
    const missing = importBoardJson(json)
    expect(!missing.ok && missing.errors[0]).toMatch(/^notes\[0\]\.stageId: missing/)
  })

  it('builds text as collaborative Y.Text, so the imported board edits like any other', () => {
    const imported = importBoardJson(exportBoardJson(sampleBoard()))
    if (!imported.ok) throw new Error('import failed')
    const note = [...getNotes(imported.doc).values()].find((m) =>
      m.get('text')?.toString().startsWith('Señora'),
    )
    expect(note?.get('text')).toBeInstanceOf(Y.Text)
    expect(getLanes(imported.doc).size).toBeGreaterThan(0)
  })
})

describe('a new collection is one entry', () => {
  it('exports, imports, checks and round-trips a collection the exchange code has never heard of', () => {
    const scores: Collection = {
      key: 'ratings',
      // Keyed per stage rather than by an id of its own, as a per-cell value would be.
      isKey: (key) => key.startsWith('score/'),
      fields: {
        stageId: idField('stage'),
        value: clampedNumber(-2, 2, 0, true),
        label: labelField(40),
      } as unknown as Collection['fields'],
      map: (doc) => doc.getMap('ratings'),
    }
    const collections = [...COLLECTIONS, scores]
    const doc = sampleBoard()
    const stageId = readBoard(doc).stages[0]!.id
    const score = new Y.Map<unknown>()
    score.set('stageId', stageId)
    score.set('value', -1)
    doc.getMap('ratings').set('score/1', score)
    const json = exportBoardJson(doc, collections)
    expect(json.ratings).toEqual([{ id: 'score/1', stageId, value: -1 }])
    const imported = importBoardJson(clone(json), collections)
    if (!imported.ok) throw new Error(imported.errors.join('\n'))
    expect(exportBoardJson(imported.doc, collections)).toEqual(json)

    const broken = clone(json)
    broken.ratings = [{ id: 'nope', stageId: 'stage:gone', value: 9 }]
    const refused = importBoardJson(broken, collections)
    expect(!refused.ok && refused.errors).toEqual([
      'ratings[0].value: expected a whole number from -2 to 2, got 9',
    ])
    broken.ratings = [{ id: 'nope', stageId: 'stage:gone', value: 1 }]
    const unknown = importBoardJson(broken, collections)
    expect(!unknown.ok && unknown.errors).toEqual(['ratings[0].stageId: unknown stage'])
    broken.ratings = [{ id: 'nope', stageId, value: 1 }]
    const badKey = importBoardJson(broken, collections)
    expect(!badKey.ok && badKey.errors).toEqual(['ratings[0].id: expected a key of ratings, got "nope"'])
  })
})
