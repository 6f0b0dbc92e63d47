import { afterAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { MIGRATIONS, migrateBoard } from './migrations'
import {
  addStage,
  createNote,
  getAllTopLevel,
  getLanes,
  getMeta,
  getPersonas,
  readBoard,
  readSchemaVersion,
  SCHEMA_VERSION,
  setBoardTitle,
} from './schema'

/** A board as v1 wrote it: a "Thoughts & emotions" notes lane of kind `emotions`, full of notes. */
function v1Board(): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    getMeta(doc).set('title', 'Checkout')
    getMeta(doc).set('schemaVersion', 1)
    const lane = new Y.Map<unknown>()
    lane.set('title', 'Thoughts & emotions')
    lane.set('order', 'V')
    lane.set('kind', 'emotions')
    getLanes(doc).set('lane:feel', lane)
  }, 'load')
  const stage = addStage(doc, 'Purchase', 'V', 'load')
  createNote(doc, { stageId: stage, laneId: 'lane:feel', text: 'Worried about fees' }, 'load')
  createNote(doc, { stageId: stage, laneId: 'lane:feel', text: 'Relieved', color: 'green' }, 'load')
  return doc
}

const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
}

const called = new Set<string>()
const tracked = MIGRATIONS.map((step) => ({
  ...step,
  up: (doc: Y.Doc) => {
    called.add(step.name)
    step.up(doc)
  },
}))

describe('migrations', () => {
  it('StampSchemaVersion: a pre-versioning board becomes version 1 and keeps its content', () => {
    const doc = new Y.Doc()
    getMeta(doc).set('title', 'Old board')
    const result = migrateBoard(
      doc,
      tracked.filter((step) => step.to === 1),
    )
    expect(result).toEqual({ ok: true, from: 0, to: 1 })
    expect(readSchemaVersion(doc)).toBe(1)
    expect(getMeta(doc).get('title')).toBe('Old board')
    expect(typeof getMeta(doc).get('createdAt')).toBe('number')
  })

  it('ThoughtsLaneAndJourneyRecords: v1’s emotions lane becomes a thoughts notes lane with every note kept', () => {
    const doc = v1Board()
    const before = readBoard(doc).notes
    expect(migrateBoard(doc, tracked)).toEqual({ ok: true, from: 1, to: 2 })
    const after = readBoard(doc)
    expect(getLanes(doc).get('lane:feel')?.get('kind')).toBe('thoughts')
    expect(after.lanes).toMatchObject([{ id: 'lane:feel', title: 'Thoughts & emotions', kind: 'thoughts' }])
    // Every note where it was, as it was; none became a score.
    expect(after.notes.map((n) => [n.id, n.stageId, n.laneId, n.order, n.text, n.color])).toEqual(
      before.map((n) => [n.id, n.stageId, n.laneId, n.order, n.text, n.color]),
    )
    expect(after.scores).toEqual([])
    expect(after.personas.map((p) => p.id)).toEqual(['persona:default'])
    expect(getPersonas(doc).get('persona:default')).toBeInstanceOf(Y.Map)
    expect(after.tags.map((t) => t.id)).toEqual([
      'tag:marketing',
      'tag:sales',
      'tag:support',
      'tag:product',
      'tag:operations',
    ])
    // Idempotent: run again, nothing changes.
    const state = Y.encodeStateVector(doc)
    expect(migrateBoard(doc, tracked)).toEqual({ ok: true, from: 2, to: 2 })
    expect(Y.encodeStateVector(doc)).toEqual(state)
  })

  it('two peers migrating one v1 board at once end with one lane, one persona, five tags, nothing doubled', () => {
    const original = v1Board()
    const a = new Y.Doc()
    const b = new Y.Doc()
    Y.applyUpdate(a, Y.encodeStateAsUpdate(original))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(original))
    migrateBoard(a, tracked)
    migrateBoard(b, tracked)
    exchange(a, b)
    for (const doc of [a, b]) {
      const board = readBoard(doc)
      expect(board.schemaVersion).toBe(2)
      expect(board.lanes.map((l) => [l.id, l.kind])).toEqual([['lane:feel', 'thoughts']])
      expect(board.notes).toHaveLength(2)
      expect(board.personas).toHaveLength(1)
      expect(board.tags).toHaveLength(5)
    }
    expect(readBoard(a)).toEqual(readBoard(b))
  })

  it('undo does not undo the migration: its origin is not one undo tracks', () => {
    const doc = v1Board()
    const undo = new Y.UndoManager(getAllTopLevel(doc), { trackedOrigins: new Set(['local']) })
    setBoardTitle(doc, 'Renamed')
    migrateBoard(doc, tracked)
    undo.undo()
    undo.undo()
    const board = readBoard(doc)
    expect(board.title).toBe('Checkout')
    expect(board.schemaVersion).toBe(2)
    expect(board.lanes[0]?.kind).toBe('thoughts')
    expect(board.tags).toHaveLength(5)
  })

  it('is idempotent when two peers migrate the same document at once', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    migrateBoard(a, tracked)
    migrateBoard(b, tracked)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readSchemaVersion(a)).toBe(SCHEMA_VERSION)
    expect(getMeta(a).toJSON()).toEqual(getMeta(b).toJSON())
    expect(migrateBoard(a, tracked)).toEqual({ ok: true, from: SCHEMA_VERSION, to: SCHEMA_VERSION })
  })

  it('leaves a board from a newer build untouched and says so', () => {
    const doc = new Y.Doc()
    getMeta(doc).set('schemaVersion', SCHEMA_VERSION + 5)
    const onUpdate = vi.fn()
    doc.on('update', onUpdate)
    expect(migrateBoard(doc)).toMatchObject({ ok: false, reason: 'newer-than-this-build' })
    expect(onUpdate).not.toHaveBeenCalled()
  })

  it('reports a failing step instead of throwing', () => {
    const broken = [
      {
        to: 1,
        name: 'Broken',
        up: () => {
          throw new Error('boom')
        },
      },
    ]
    expect(migrateBoard(new Y.Doc(), broken)).toMatchObject({ ok: false, reason: 'step-failed' })
  })

  it('runs the steps of one version, from several records, in one transaction that stamps the version', () => {
    const doc = new Y.Doc()
    const order: string[] = []
    const step = (to: number, name: string) => ({ to, name, up: () => void order.push(name) })
    const transactions = vi.fn()
    doc.on('afterTransaction', transactions)
    const steps = [step(1, 'MetaOne'), step(2, 'LanesTwo'), step(2, 'NotesTwo'), step(3, 'StagesThree')]
    expect(migrateBoard(doc, steps)).toEqual({ ok: true, from: 0, to: 3 })
    expect(order).toEqual(['MetaOne', 'LanesTwo', 'NotesTwo', 'StagesThree'])
    expect(transactions).toHaveBeenCalledTimes(3)
    expect(migrateBoard(doc, steps)).toEqual({ ok: true, from: 3, to: 3 })
    expect(order).toHaveLength(4)
  })

  it('names the step that failed', () => {
    const fails = {
      to: 1,
      name: 'Fails',
      up: () => {
        throw new Error('boom')
      },
    }
    expect(migrateBoard(new Y.Doc(), [{ to: 1, name: 'Fine', up: () => {} }, fails])).toMatchObject({
      ok: false,
      reason: 'step-failed',
      message: 'migration Fails failed: Error: boom',
    })
  })

  it('refuses a sequence with a gap, a step out of order or a name used twice (a bug)', () => {
    const noop = () => {}
    expect(() => migrateBoard(new Y.Doc(), [{ to: 2, name: 'Two', up: noop }])).toThrow(
      'migration Two: expected version 1 but got 2',
    )
    expect(() =>
      migrateBoard(new Y.Doc(), [
        { to: 1, name: 'One', up: noop },
        { to: 3, name: 'Three', up: noop },
      ]),
    ).toThrow('migration Three: expected version 1 or 2 but got 3')
    expect(() =>
      migrateBoard(new Y.Doc(), [
        { to: 1, name: 'One', up: noop },
        { to: 2, name: 'One', up: noop },
      ]),
    ).toThrow('migration One: the name is used twice')
  })

  afterAll(() => {
    // Every step must be exercised by a test above.
    expect(MIGRATIONS.filter((step) => !called.has(step.name)).map((s) => s.name)).toEqual([])
  })
})
