import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isLaneKind } from '../board/laneKinds/registry'
import { migrateBoard } from '../board/migrations'
import { readBoard, SCHEMA_VERSION } from '../board/schema'
import { exportBoardJson, importBoardJson } from '../exchange/json'
import { applyTemplate, TEMPLATES, templateSummaries } from './applyTemplate'
import { TEMPLATE_IDS } from './template'

describe('templates', () => {
  it('lists every template id once, with a title and a description', () => {
    expect(Object.keys(TEMPLATES)).toEqual([...TEMPLATE_IDS])
    expect(templateSummaries().map((t) => t.id)).toEqual([...TEMPLATE_IDS])
    for (const t of templateSummaries()) {
      expect(t.title.trim(), t.id).not.toBe('')
      expect(t.description.trim(), t.id).not.toBe('')
    }
  })

  for (const id of TEMPLATE_IDS) {
    it(`${id}: validates and builds a current board the strict import accepts`, () => {
      const template = TEMPLATES[id]
      expect(template.id).toBe(id)
      expect(template.stages.length).toBeGreaterThan(0)
      for (const lane of template.lanes) expect(isLaneKind(lane.kind), `${id}: ${lane.kind}`).toBe(true)
      for (const note of template.notes) {
        expect(template.stages[note.stage], id).toBeDefined()
        expect(template.lanes[note.lane], id).toBeDefined()
      }
      const doc = new Y.Doc()
      applyTemplate(doc, id, { title: 'New board' })
      const board = readBoard(doc)
      expect(board.schemaVersion).toBe(SCHEMA_VERSION)
      expect(board.stages.map((s) => s.title)).toEqual(template.stages)
      expect(board.lanes.map((l) => [l.title, l.kind])).toEqual(template.lanes.map((l) => [l.title, l.kind]))
      expect(board.tags).toHaveLength(5)
      expect(doc.getMap('personas').has('persona:default')).toBe(true)
      // Nothing for a migration to do, and the document passes the strict parse of an import.
      expect(migrateBoard(doc)).toEqual({ ok: true, from: SCHEMA_VERSION, to: SCHEMA_VERSION })
      const imported = importBoardJson(JSON.parse(JSON.stringify(exportBoardJson(doc))))
      if (!imported.ok) throw new Error(imported.errors.join('\n'))
    })
  }

  it('customer-lifecycle has a thoughts lane and a real emotion lane, Awareness … Advocacy', () => {
    const t = TEMPLATES['customer-lifecycle']
    expect(t.lanes.map((l) => l.kind)).toEqual([
      'actions',
      'channels',
      'thoughts',
      'emotion-curve',
      'pain-points',
      'opportunities',
    ])
    expect([t.stages[0], t.stages.at(-1)]).toEqual(['Awareness', 'Advocacy'])
  })

  it('service-blueprint has the five blueprint rows in order', () => {
    expect(TEMPLATES['service-blueprint'].lanes.map((l) => l.kind)).toEqual([
      'actions',
      'frontstage',
      'visibility',
      'backstage',
      'support',
    ])
  })

  it('a text lane in a template has its blocks from the start; a metrics lane its metric', () => {
    const doc = new Y.Doc()
    applyTemplate(doc, 'saas-onboarding', { title: 't' })
    const board = readBoard(doc)
    const text = board.lanes.find((l) => l.kind === 'text')!
    expect(board.laneTexts.filter((b) => b.laneId === text.id)).toHaveLength(board.stages.length)
    expect(board.lanes.find((l) => l.kind === 'metrics')).toMatchObject({
      metricName: 'Drop-off',
      metricUnit: '%',
    })
  })

  it('two tabs applying a template make the same default persona and tags, not two of each', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    applyTemplate(a, 'blank', { title: 'a' })
    applyTemplate(b, 'blank', { title: 'b' })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(readBoard(a).tags).toHaveLength(5)
    expect(readBoard(a).personas).toHaveLength(1)
  })
})
