import { afterAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { MIGRATIONS, migrateBoard } from './migrations'
import { getMeta, readSchemaVersion, SCHEMA_VERSION } from './schema'

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
    const result = migrateBoard(doc, tracked)
    expect(result).toEqual({ ok: true, from: 0, to: SCHEMA_VERSION })
    expect(readSchemaVersion(doc)).toBe(1)
    expect(getMeta(doc).get('title')).toBe('Old board')
    expect(typeof getMeta(doc).get('createdAt')).toBe('number')
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

  afterAll(() => {
    // Every step must be exercised by a test above.
    expect(MIGRATIONS.filter((step) => !called.has(step.name)).map((s) => s.name)).toEqual([])
  })
})
