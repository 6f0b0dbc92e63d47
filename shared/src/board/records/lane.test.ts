import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LANE_KINDS, type LaneKind } from '../laneKinds/registry'
import { rawRecord } from '../testing/rawRecord'
import { getLanes } from '../topLevel'
import {
  addLane,
  moveLane,
  parseLane,
  readLane,
  readLanes,
  removeLane,
  renameLane,
  setLaneKind,
} from './lane'
import { createNote, readNotes } from './note'
import { addStage } from './stage'

describe('lane reader', () => {
  it('reads every registered kind as it is', () => {
    const doc = new Y.Doc()
    for (const kind of LANE_KINDS) addLane(doc, kind, kind)
    expect(readLanes(doc).map((l) => l.kind)).toEqual(LANE_KINDS)
  })

  it('reads a kind it does not know as custom, and leaves the stored kind alone', () => {
    const doc = new Y.Doc()
    const map = rawRecord(getLanes(doc), 'lane:e', {
      title: 'Feelings',
      order: 'V',
      kind: 'emotion-curve',
      personaId: 'persona:p',
    })
    expect(readLane('lane:e', map)).toEqual({ id: 'lane:e', title: 'Feelings', order: 'V', kind: 'custom' })
    renameLane(doc, 'lane:e', 'Emotions')
    expect(map.toJSON()).toEqual({
      title: 'Emotions',
      order: 'V',
      kind: 'emotion-curve',
      personaId: 'persona:p',
    })
  })

  it('repairs a missing title and kind, and skips a lane without an order', () => {
    const doc = new Y.Doc()
    rawRecord(getLanes(doc), 'lane:bare', { order: 'V' })
    rawRecord(getLanes(doc), 'lane:lost', { title: 'Lost', kind: 'actions' })
    expect(readLanes(doc)).toEqual([{ id: 'lane:bare', title: 'Untitled lane', order: 'V', kind: 'custom' }])
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
    expect(readLanes(doc)).toEqual([{ id, title: 'Customer actions', order: 'a', kind: 'actions' }])
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
    expect(parseLane({ id: 'lane:l', title: 'Doing', order: 'V', kind: 'actions' }).ok).toBe(true)
    expect(parseLane({ id: 'lane:l', title: 'Doing', order: 'V', kind: 'swimlane' }, 'lanes[4]')).toEqual({
      ok: false,
      errors: [
        'lanes[4].kind: expected one of "actions", "touchpoints", "emotions", "pain-points", "opportunities", "custom", got "swimlane"',
      ],
    })
  })
})
