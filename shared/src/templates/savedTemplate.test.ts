import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { migrateBoard } from '../board/migrations'
import {
  addPersona,
  addTag,
  readBoard,
  removeTag,
  SCHEMA_VERSION,
  setLaneHeight,
  setStageDescription,
  updatePersona,
} from '../board/schema'
import { exportBoardJson, importBoardJson } from '../exchange/json'
import { richBoard } from '../scene/testing/richBoard'
import {
  applySavedTemplate,
  parseSavedTemplateBody,
  type SavedTemplateBody,
  templateBodyFromBoard,
} from './savedTemplate'

/** A rich board with a stage description, a lane height, a third persona with texts, and a custom tag. */
function sourceBoard() {
  const rich = richBoard()
  setStageDescription(rich.doc, rich.stages[0]!, 'Customer hears of us')
  setLaneHeight(rich.doc, rich.lanes.actions, 300)
  const cara = addPersona(rich.doc, { name: 'Cara', role: 'Accountant', initials: 'CA', color: 'teal' })
  updatePersona(rich.doc, cara, { pinned: true, pinX: 10, pinY: -20 })
  addTag(rich.doc, 'Legal', 'red')
  removeTag(rich.doc, 'tag:sales')
  return rich
}

const roundTrip = (body: SavedTemplateBody): unknown => JSON.parse(JSON.stringify(body))

describe('saved templates', () => {
  it("keeps the board's structure and none of its content", () => {
    const rich = sourceBoard()
    const source = readBoard(rich.doc)
    const body = templateBodyFromBoard(source)
    const parsed = parseSavedTemplateBody(roundTrip(body))
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))

    const doc = new Y.Doc()
    applySavedTemplate(doc, parsed.value, { title: 'From a template', templateId: 'saved-abc' })
    const board = readBoard(doc)
    expect(board.title).toBe('From a template')
    expect(board.schemaVersion).toBe(SCHEMA_VERSION)
    expect(doc.getMap('meta').get('template')).toBe('saved-abc')

    const shape = (b: typeof board) => ({
      stages: b.stages.map(({ id: _id, ...rest }) => rest),
      lanes: b.lanes.map(({ id: _id, ...rest }) => rest),
      personas: b.personas.map(({ id, ...rest }) => ({ ...rest, isDefault: id === 'persona:default' })),
      tags: b.tags.map(({ id: _id, ...rest }) => rest),
    })
    expect(shape(board)).toEqual(shape(source))
    expect(board.stages[0]!.description).toBe('Customer hears of us')
    expect(board.lanes[0]!.height).toBe(300)
    expect(board.lanes.find((l) => l.kind === 'metrics')).toMatchObject({
      metricName: 'Conversion',
      metricUnit: '%',
    })
    expect(board.tags.map((t) => t.name)).toContain('Legal')
    expect(board.tags.map((t) => t.name)).not.toContain('Sales')
    expect(board.personas.find((p) => p.name === 'Cara')).toMatchObject({ pinned: true, pinX: 10, pinY: -20 })

    // The source had notes, chips, scores, values and connectors; the template brings none of them.
    expect(source.notes.length).toBeGreaterThan(0)
    expect(source.scores.length).toBeGreaterThan(0)
    expect(board.notes).toEqual([])
    expect(board.connectors).toEqual([])
    expect(board.chips).toEqual([])
    expect(board.scores).toEqual([])
    expect(board.metricValues).toEqual([])
    // A text lane still has its (empty) block in every stage, as a new text lane does.
    const textLane = board.lanes.find((l) => l.kind === 'text')!
    const blocks = board.laneTexts.filter((b) => b.laneId === textLane.id)
    expect(blocks).toHaveLength(board.stages.length)
    expect(blocks.every((b) => b.text === '')).toBe(true)

    // Fresh ids, and a board readers and the strict import accept as current.
    expect(board.stages.map((s) => s.id)).not.toEqual(source.stages.map((s) => s.id))
    expect(migrateBoard(doc)).toEqual({ ok: true, from: SCHEMA_VERSION, to: SCHEMA_VERSION })
    const imported = importBoardJson(JSON.parse(JSON.stringify(exportBoardJson(doc))))
    if (!imported.ok) throw new Error(imported.errors.join('\n'))
  })

  it('keeps a persona photo and texts', () => {
    const rich = sourceBoard()
    const photo = 'data:image/png;base64,iVBORw0KGgo='
    updatePersona(rich.doc, rich.personas[0], { photo })
    const body = templateBodyFromBoard(readBoard(rich.doc))
    const ana = body.personas.find((p) => p.id === rich.personas[0])!
    ana.goals = 'Pay suppliers on time'
    const parsed = parseSavedTemplateBody(roundTrip(body))
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    const doc = new Y.Doc()
    applySavedTemplate(doc, parsed.value, { title: 't', templateId: 'saved-x' })
    expect(readBoard(doc).personas.find((p) => p.name === 'Ana')).toMatchObject({
      photo,
      goals: 'Pay suppliers on time',
      role: 'Small-business owner',
    })
  })

  it('always gives the new board the default persona', () => {
    const body = templateBodyFromBoard(readBoard(sourceBoard().doc))
    body.personas = body.personas.filter((p) => p.id !== 'persona:default')
    const doc = new Y.Doc()
    applySavedTemplate(doc, body, { title: 't', templateId: 'saved-x' })
    expect(doc.getMap('personas').has('persona:default')).toBe(true)
  })

  it.each([
    ['not an object', [], /expected a saved template object/],
    ['another format', { format: 'journeyboard', version: 1 }, /^format: expected "journeyboard-template"/],
    ['an unknown version', { format: 'journeyboard-template', version: 9 }, /^version: expected 1, got 9/],
  ])('rejects %s', (_what, value, message) => {
    const result = parseSavedTemplateBody(value)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]).toMatch(message)
  })

  it('names every bad record and field', () => {
    const body = roundTrip(templateBodyFromBoard(readBoard(sourceBoard().doc))) as Record<string, unknown[]>
    if (!body.stages || !body.lanes || !body.tags) throw new Error('a body has every list')
    ;(body.stages[1] as Record<string, unknown>).title = ''
    ;(body.lanes[2] as Record<string, unknown>).kind = 'unknown'
    ;(body.tags[0] as Record<string, unknown>).color = 'plaid'
    body.personas = 'nobody' as unknown as unknown[]
    const result = parseSavedTemplateBody(body)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.join('\n')).toMatch(/^stages\[1\]\.title: /m)
    expect(result.errors.join('\n')).toMatch(/^lanes\[2\]\.kind: "unknown" cannot be created/m)
    expect(result.errors.join('\n')).toMatch(/^tags\[0\]\.color: /m)
    expect(result.errors.join('\n')).toMatch(/^personas: expected an array, got "nobody"/m)
  })

  it('refuses a list longer than the limit', () => {
    const body = roundTrip(templateBodyFromBoard(readBoard(sourceBoard().doc))) as Record<string, unknown[]>
    const first = body.stages?.[0]
    body.stages = Array.from({ length: 201 }, () => first)
    const result = parseSavedTemplateBody(body)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors).toEqual(['stages: at most 200 records, got 201'])
  })

  it('leaves out a lane of a kind this build cannot create (a newer client’s)', () => {
    const rich = sourceBoard()
    rich.doc.getMap('lanes').forEach((lane, id) => {
      if (id === rich.lanes.goals) (lane as Y.Map<unknown>).set('kind', 'kanban-from-the-future')
    })
    const body = templateBodyFromBoard(readBoard(rich.doc))
    expect(body.lanes.map((l) => l.title)).not.toContain('Goals')
    expect(parseSavedTemplateBody(roundTrip(body)).ok).toBe(true)
  })
})
