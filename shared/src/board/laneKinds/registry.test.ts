import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { GRID } from '../../layout/gridMetrics'
import { NOTE_INK } from '../../scene/palette'
import { addLane, addStage, createNote, getNotes, readBoard, removeStage, updateNote } from '../schema'
import type { LaneKindDef } from './laneKind'
import {
  FALLBACK_LANE_KIND,
  getLaneKind,
  isLaneKind,
  LANE_KIND_LIST,
  LANE_KINDS,
  type LaneKind,
} from './registry'

/** Every facet a kind must have: a kind that lacks one fails here, whatever the type checker let through. */
const FACETS = [
  'id',
  'label',
  'layout.holds',
  'layout.rowHeight',
  'scene.cellTint',
  'scene.headerAccent',
  'scene.cellItems',
  'colors.newNote',
  'colors.swatch',
  'accepts',
  'csv.columns',
  'csv.rows',
] as const

const facet = (def: LaneKindDef, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], def)

describe('lane-kind registry', () => {
  it('gives every kind every facet', () => {
    for (const def of LANE_KIND_LIST) {
      const missing = FACETS.filter((path) => facet(def, path) === undefined)
      expect(missing, def.id).toEqual([])
      expect(typeof def.layout.rowHeight, def.id).toBe('function')
      expect(typeof def.csv.rows, def.id).toBe('function')
      expect(def.label.trim(), def.id).not.toBe('')
      // A kind takes notes exactly when its cells hold them, and only then has a color for new ones.
      expect(def.accepts.includes('note'), def.id).toBe(def.layout.holds === 'notes')
      expect(def.colors.newNote !== null, def.id).toBe(def.layout.holds === 'notes')
      // Notes lanes draw nothing beyond their tint: their notes are drawn from the notes.
      if (def.layout.holds === 'notes') expect(def.scene.cellItems, def.id).toBeNull()
    }
  })

  it('lists each kind once; the fallback, `unknown`, is in no picker', () => {
    expect(new Set(LANE_KINDS).size).toBe(LANE_KIND_LIST.length)
    expect(FALLBACK_LANE_KIND).toBe('unknown')
    expect(LANE_KINDS).not.toContain(FALLBACK_LANE_KIND)
    for (const kind of LANE_KINDS) {
      expect(isLaneKind(kind)).toBe(true)
      expect(getLaneKind(kind).id).toBe(kind)
    }
    for (const bad of ['unknown', 'emotions', '', 'Actions', 42, null, 'toString', '__proto__']) {
      expect(isLaneKind(bad)).toBe(false)
    }
    expect(getLaneKind('toString' as LaneKind).id).toBe(FALLBACK_LANE_KIND)
    expect(getLaneKind(FALLBACK_LANE_KIND).layout.holds).toBe('nothing')
  })

  it('has the notes kinds and the content kinds of the journey map', () => {
    const notes = LANE_KIND_LIST.filter((d) => d.layout.holds === 'notes').map((d) => d.id)
    expect(notes).toEqual([
      'actions',
      'touchpoints',
      'thoughts',
      'pain-points',
      'opportunities',
      'frontstage',
      'backstage',
      'support',
      'owners',
      'custom',
    ])
    const content = LANE_KIND_LIST.filter((d) => d.layout.holds !== 'notes').map((d) => [
      d.id,
      d.layout.holds,
    ])
    expect(content).toEqual([
      ['emotion-curve', 'scores'],
      ['channels', 'chips'],
      ['metrics', 'values'],
      ['text', 'text'],
      ['visibility', 'nothing'],
    ])
  })

  it('keeps v1’s kinds looking as they did; `thoughts` looks as v1’s `emotions` did', () => {
    const before: Partial<Record<LaneKind, [label: string, newNote: string, tint: string, accent: string]>> =
      {
        actions: ['Actions', 'yellow', '#fffdf2', '#e6cf5c'],
        touchpoints: ['Touchpoints', 'blue', '#f5faff', '#7fb5ec'],
        thoughts: ['Thoughts', 'pink', '#fff7fa', '#ec8fb3'],
        'pain-points': ['Pain points', 'orange', '#fff8f2', '#f0a868'],
        opportunities: ['Opportunities', 'green', '#f6fdf3', '#8fd27a'],
        custom: ['Custom', 'yellow', '#fafafa', '#b4bac4'],
      }
    for (const [kind, look] of Object.entries(before)) {
      const def = getLaneKind(kind as LaneKind)
      expect([def.label, def.colors.newNote, def.scene.cellTint, def.scene.headerAccent]).toEqual(look)
      const ink = NOTE_INK[look[1] as keyof typeof NOTE_INK]
      expect(def.colors.swatch).toEqual({ fill: ink.fill, border: ink.border })
    }
  })

  it('sizes a notes lane to its fullest cell, never below the minimum', () => {
    const { rowHeight } = getLaneKind('actions').layout
    expect(rowHeight(0)).toBe(GRID.minLaneH)
    expect(rowHeight(500)).toBe(500 + 2 * GRID.cellPaddingPx)
  })
})

describe('notes-lane CSV', () => {
  function board() {
    const doc = new Y.Doc()
    const awareness = addStage(doc, 'Awareness', 'a')
    const purchase = addStage(doc, 'Purchase', 'b')
    const gone = addStage(doc, 'Gone', 'c')
    const pains = addLane(doc, 'Pain points', 'pain-points')
    const actions = addLane(doc, 'Actions', 'actions')
    createNote(doc, { stageId: purchase, laneId: pains, order: 'b', text: 'Card declined, "again"' })
    createNote(doc, { stageId: purchase, laneId: pains, order: 'a', text: 'Hidden fees,\nat the end' })
    const first = createNote(doc, {
      stageId: awareness,
      laneId: pains,
      text: 'Ads everywhere',
      color: 'gray',
    })
    createNote(doc, { stageId: awareness, laneId: actions, text: 'Searches' })
    createNote(doc, { stageId: gone, laneId: pains, text: 'In a removed stage' })
    removeStage(doc, gone)
    return { doc, first, pains }
  }

  it('has one row per note of the lane, stage by stage, in reading order, as plain strings', () => {
    const { doc } = board()
    const content = readBoard(doc)
    const lane = content.lanes.find((l) => l.kind === 'pain-points')!
    const { columns, rows } = getLaneKind(lane.kind).csv
    expect(columns).toEqual(['stage', 'lane', 'text', 'color', 'created'])
    const made = rows(lane, content)
    expect(made.map((row) => row.slice(0, 4))).toEqual([
      ['Awareness', 'Pain points', 'Ads everywhere', 'gray'],
      ['Purchase', 'Pain points', 'Hidden fees,\nat the end', 'orange'],
      ['Purchase', 'Pain points', 'Card declined, "again"', 'orange'],
    ])
    for (const row of made) {
      expect(row).toHaveLength(columns.length)
      expect(new Date(row[4]!).toISOString()).toBe(row[4])
    }
  })

  it('leaves the created column empty for a note that has no creation time', () => {
    const { doc, first } = board()
    getNotes(doc).get(first)!.delete('createdAt')
    updateNote(doc, first, { color: 'blue' })
    const content = readBoard(doc)
    const lane = content.lanes.find((l) => l.kind === 'pain-points')!
    expect(getLaneKind(lane.kind).csv.rows(lane, content)[0]).toEqual([
      'Awareness',
      'Pain points',
      'Ads everywhere',
      'blue',
      '',
    ])
  })
})
