import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { LANE_KINDS, type LaneKind } from '../laneKinds/registry'
import { rawRecord } from '../testing/rawRecord'
import { getLanes } from '../topLevel'
import {
  addLane,
  LANE_HEIGHT,
  moveLane,
  parseLane,
  readLane,
  readLanes,
  removeLane,
  renameLane,
  setLaneCollapsed,
  setLaneHeight,
  setLaneKind,
  setLaneMetric,
} from './lane'
import { readLaneTexts } from './laneText'
import { createNote, readNotes } from './note'
import { addStage } from './stage'

describe('lane reader', () => {
  it('reads every registered kind as it is', () => {
    const doc = new Y.Doc()
    for (const kind of LANE_KINDS) addLane(doc, kind, kind)
    expect(readLanes(doc).map((l) => l.kind)).toEqual(LANE_KINDS)
  })

  it('reads a kind it does not know as unknown, and leaves the stored kind alone', () => {
    const doc = new Y.Doc()
    const map = rawRecord(getLanes(doc), 'lane:e', {
      title: 'Heatmap',
      order: 'V',
      kind: 'heatmap',
      palette: 'viridis',
    })
    expect(readLane('lane:e', map)).toEqual({
      id: 'lane:e',
      title: 'Heatmap',
      order: 'V',
      kind: 'unknown',
      collapsed: false,
    })
    renameLane(doc, 'lane:e', 'Heat')
    setLaneCollapsed(doc, 'lane:e', true)
    expect(map.toJSON()).toEqual({
      title: 'Heat',
      order: 'V',
      kind: 'heatmap',
      palette: 'viridis',
      collapsed: true,
    })
  })

  it('reads v1’s `emotions` as `thoughts` (until the migration rewrites it)', () => {
    const doc = new Y.Doc()
    const map = rawRecord(getLanes(doc), 'lane:t', {
      title: 'Thoughts & emotions',
      order: 'V',
      kind: 'emotions',
    })
    expect(readLane('lane:t', map)?.kind).toBe('thoughts')
    expect(map.get('kind')).toBe('emotions')
  })

  it('repairs a missing title and kind, and skips a lane without an order', () => {
    const doc = new Y.Doc()
    rawRecord(getLanes(doc), 'lane:bare', { order: 'V' })
    rawRecord(getLanes(doc), 'lane:lost', { title: 'Lost', kind: 'actions' })
    expect(readLanes(doc)).toEqual([
      { id: 'lane:bare', title: 'Untitled lane', order: 'V', kind: 'unknown', collapsed: false },
    ])
  })
})

describe('lane mutations', () => {
  it('setLaneKind changes a registered kind in one transaction and refuses anything else', () => {
    const doc = new Y.Doc()
    const id = addLane(doc, 'Doing', 'actions')
    setLaneKind(doc, id, 'pain-points')
    setLaneKind(doc, id, 'swimlane' as LaneKind)
    expect(readLanes(doc)[0]?.kind).toBe('pain-points')
  })

  it('renameLane trims and ignores blanks; moveLane ignores malformed keys', () => {
    const doc = new Y.Doc()
    const id = addLane(doc, 'Doing', 'actions', 'V')
    renameLane(doc, id, ' Customer actions ')
    renameLane(doc, id, '')
    moveLane(doc, id, 'not a key!')
    moveLane(doc, id, 'a')
    expect(readLanes(doc)).toEqual([
      { id, title: 'Customer actions', order: 'a', kind: 'actions', collapsed: false },
    ])
  })

  it('setLaneHeight clamps and rounds, null gives the height back to the content', () => {
    const doc = new Y.Doc()
    const id = addLane(doc, 'Doing', 'actions')
    setLaneHeight(doc, id, 10)
    expect(readLanes(doc)[0]?.height).toBe(LANE_HEIGHT.min)
    setLaneHeight(doc, id, 240.6)
    expect(readLanes(doc)[0]?.height).toBe(241)
    setLaneHeight(doc, id, Number.NaN)
    expect(readLanes(doc)[0]?.height).toBe(241)
    setLaneHeight(doc, id, null)
    expect(readLanes(doc)[0]?.height).toBeUndefined()
    expect(getLanes(doc).get(id)?.has('height')).toBe(false)
  })

  it('setLaneCollapsed and setLaneMetric write only what changes', () => {
    const doc = new Y.Doc()
    const id = addLane(doc, 'Conversion', 'metrics', undefined, 'local', { metricName: 'Conversion' })
    expect(readLanes(doc)[0]).toMatchObject({ collapsed: false, metricName: 'Conversion' })
    setLaneCollapsed(doc, id, true)
    setLaneMetric(doc, id, { unit: ' % ' })
    expect(readLanes(doc)[0]).toMatchObject({ collapsed: true, metricName: 'Conversion', metricUnit: '%' })
    const updates = vi.fn()
    doc.on('update', updates)
    setLaneCollapsed(doc, id, true)
    setLaneMetric(doc, id, { name: 'Conversion', unit: '%' })
    expect(updates).not.toHaveBeenCalled()
    setLaneMetric(doc, id, { name: null, unit: '' })
    expect(getLanes(doc).get(id)?.has('metricName')).toBe(false)
    expect(getLanes(doc).get(id)?.has('metricUnit')).toBe(false)
  })

  it('a text lane gets a text block in every stage when it is made, and in every stage added later', () => {
    const doc = new Y.Doc()
    const a = addStage(doc, 'A')
    const id = addLane(doc, 'Goals', 'text')
    const b = addStage(doc, 'B')
    addLane(doc, 'Doing', 'actions')
    expect(readLaneTexts(doc).map((t) => [t.laneId, t.stageId])).toEqual(
      [
        [id, a],
        [id, b],
      ].sort((x, y) => (`${x[0]}/${x[1]}` < `${y[0]}/${y[1]}` ? -1 : 1)),
    )
  })

  it('removeLane leaves the lane’s notes in the document (they show as Unsorted)', () => {
    const doc = new Y.Doc()
    const stageId = addStage(doc, 'Awareness')
    const laneId = addLane(doc, 'Doing', 'actions')
    createNote(doc, { stageId, laneId, text: 'kept' })
    removeLane(doc, laneId)
    expect(readLanes(doc)).toEqual([])
    expect(readNotes(doc).map((n) => n.text)).toEqual(['kept'])
  })
})

describe('parseLane (strict)', () => {
  it('accepts a registered kind and names an unknown one', () => {
    const lane = { id: 'lane:l', title: 'Doing', order: 'V', collapsed: false }
    expect(parseLane({ ...lane, kind: 'actions' }).ok).toBe(true)
    // A v1 file's kind is still accepted (it reads, and migrates, as `thoughts`).
    expect(parseLane({ ...lane, kind: 'emotions' }).ok).toBe(true)
    expect(parseLane({ ...lane, kind: 'swimlane' }, 'lanes[4]')).toEqual({
      ok: false,
      errors: [
        'lanes[4].kind: expected one of "actions", "touchpoints", "thoughts", "pain-points", "opportunities", "frontstage", "backstage", "support", "owners", "custom", "emotion-curve", "channels", "metrics", "text", "visibility", "unknown", got "swimlane"',
      ],
    })
  })
})
