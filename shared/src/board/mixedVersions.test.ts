/*
 * The mixed-versions rule (docs/board-document.md): readers ignore kinds and fields they do not know,
 * writers never delete them. Two docs of different versions exchange updates here: an older client's
 * writes are replayed as v1 made them (only the keys it changes), a newer one's as raw maps.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTemplate } from '../templates/applyTemplate'
import { migrateBoard } from './migrations'
import {
  addPersona,
  createNote,
  getLanes,
  getNotes,
  readBoard,
  renameLane,
  SCHEMA_VERSION,
  setLaneCollapsed,
  setNoteKind,
  setNoteSeverity,
  setNoteTag,
  setScore,
  updateNote,
} from './schema'

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
}

describe('mixed versions', () => {
  it('a v1 client editing a v2 board keeps every v2 field it does not know', () => {
    const v2 = new Y.Doc()
    applyTemplate(v2, 'customer-lifecycle', { title: 'Mixed' })
    const board = readBoard(v2)
    const stage = board.stages[0]!.id
    const thoughts = board.lanes.find((l) => l.kind === 'thoughts')!.id
    const curve = board.lanes.find((l) => l.kind === 'emotion-curve')!.id
    const note = createNote(v2, { stageId: stage, laneId: thoughts, text: 'Too many fees' })
    setNoteKind(v2, note, 'pain')
    setNoteSeverity(v2, note, 3)
    setNoteTag(v2, note, 'tag:support', true)
    const ana = addPersona(v2, { name: 'Ana' })
    setScore(v2, curve, stage, ana, -2)

    const v1 = new Y.Doc()
    sync(v1, v2)
    // What v1's updateNote and renameLane wrote: the keys they change, nothing else.
    v1.transact(() => {
      const map = getNotes(v1).get(note)!
      map.set('color', 'blue')
      const text = map.get('text') as Y.Text
      text.insert(text.length, '!')
      getLanes(v1).get(thoughts)!.set('title', 'Feelings')
    })
    sync(v1, v2)

    const after = readBoard(v2)
    expect(after.notes.find((n) => n.id === note)).toMatchObject({
      text: 'Too many fees!',
      color: 'blue',
      kind: 'pain',
      severity: 3,
      tags: ['tag:support'],
    })
    expect(after.lanes.find((l) => l.id === thoughts)?.title).toBe('Feelings')
    expect(after.scores).toEqual([{ laneId: curve, stageId: stage, personaId: ana, value: -2 }])
    expect(after.personas.map((p) => p.name)).toEqual(['Customer', 'Ana'])
  })

  it('this build reads a newer board as is, says so, and its writes keep what it does not know', () => {
    const newer = new Y.Doc()
    applyTemplate(newer, 'blank', { title: 'From the future' })
    const stage = readBoard(newer).stages[0]!.id
    const note = createNote(newer, { stageId: stage, laneId: readBoard(newer).lanes[0]!.id, text: 'hi' })
    newer.transact(() => {
      newer.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1)
      const lane = new Y.Map<unknown>()
      lane.set('title', 'Heatmap')
      lane.set('order', 'z')
      lane.set('kind', 'heatmap')
      lane.set('palette', 'viridis')
      getLanes(newer).set('lane:heat', lane)
      getNotes(newer).get(note)!.set('votes', 4)
      getNotes(newer).get(note)!.set('kind', 'hypothesis')
      newer.getMap('journeys').set('journey:a', 'a map this version does not know')
    })

    const current = new Y.Doc()
    sync(current, newer)
    expect(migrateBoard(current)).toMatchObject({ ok: false, reason: 'newer-than-this-build' })
    const board = readBoard(current)
    expect(board.newerSchema).toBe(true)
    expect(board.lanes.find((l) => l.id === 'lane:heat')?.kind).toBe('unknown')
    expect(board.notes[0]?.kind).toBe('plain')

    renameLane(current, 'lane:heat', 'Heat')
    setLaneCollapsed(current, 'lane:heat', true)
    updateNote(current, note, { color: 'green' })
    sync(current, newer)

    const lane = getLanes(newer).get('lane:heat')!.toJSON()
    expect(lane).toMatchObject({ title: 'Heat', kind: 'heatmap', palette: 'viridis', collapsed: true })
    expect(getNotes(newer).get(note)!.toJSON()).toMatchObject({
      votes: 4,
      kind: 'hypothesis',
      color: 'green',
    })
    expect(newer.getMap('journeys').get('journey:a')).toBe('a map this version does not know')
    expect(newer.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION + 1)
  })

  it('a v1 board read by this build before it migrates shows its emotions lane as thoughts', () => {
    const v1 = new Y.Doc()
    v1.transact(() => {
      v1.getMap('meta').set('schemaVersion', 1)
      const lane = new Y.Map<unknown>()
      lane.set('title', 'Thoughts & emotions')
      lane.set('order', 'V')
      lane.set('kind', 'emotions')
      getLanes(v1).set('lane:e', lane)
    })
    const board = readBoard(v1)
    expect(board.newerSchema).toBe(false)
    expect(board.lanes[0]).toMatchObject({ title: 'Thoughts & emotions', kind: 'thoughts' })
    expect(board.personas.map((p) => p.id)).toEqual(['persona:default'])
  })
})
