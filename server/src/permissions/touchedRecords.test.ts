import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { touchedRecords } from './touchedRecords'

// Which records an update touches, judged against the server's doc before the update is applied. The
// board is built with plain Yjs calls in the board's shape (keyed maps of Y.Maps, note text as Y.Text),
// so these tests do not depend on the schema module's API.

let server: Y.Doc
let client: Y.Doc

/** Runs `edit` on the client as one transaction; returns what touchedRecords says about its update, then applies it. */
function touched(edit: (doc: Y.Doc) => void, on: Y.Doc = client): string[] {
  const update = captureUpdate(on, edit)
  const result = touchedRecords(update, server)
  Y.applyUpdate(server, update)
  if (on !== client) Y.applyUpdate(client, update)
  expect(result.unresolved).toBe(0)
  return result.records.map((r) => `${r.change} ${r.type} ${r.key}`)
}

function captureUpdate(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const update = captureUpdateOrNone(doc, edit)
  if (!update) throw new Error('the edit changed nothing')
  return update
}

function addNote(doc: Y.Doc, id: string, text: string) {
  const note = new Y.Map<unknown>()
  note.set('stageId', 'stage:1')
  note.set('order', 'a0')
  note.set('text', new Y.Text(text))
  doc.getMap('notes').set(id, note)
}

const note = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('notes').get(id)!
const noteText = (doc: Y.Doc, id: string) => note(doc, id).get('text') as Y.Text

beforeEach(() => {
  server = new Y.Doc()
  const seed = new Y.Doc()
  seed.transact(() => {
    seed.getMap('meta').set('title', 'Journey')
    const stage = new Y.Map<unknown>()
    stage.set('title', 'Awareness')
    seed.getMap('stages').set('stage:1', stage)
    addNote(seed, 'note:a', 'Sees an ad')
  })
  Y.applyUpdate(server, Y.encodeStateAsUpdate(seed))
  client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
})

describe('touchedRecords', () => {
  it('names a new note as created, its fields and text included', () => {
    expect(touched((doc) => addNote(doc, 'note:b', 'Compares prices'))).toEqual(['created notes note:b'])
  })

  it('names a changed field of an existing note', () => {
    expect(touched((doc) => note(doc, 'note:a').set('stageId', 'stage:2'))).toEqual(['changed notes note:a'])
  })

  it('names a new field of an existing note', () => {
    expect(touched((doc) => note(doc, 'note:a').set('colour', 'red'))).toEqual(['changed notes note:a'])
  })

  it("resolves typing in a note's Y.Text to the note: at the start, in the middle, at the end", () => {
    expect(touched((doc) => noteText(doc, 'note:a').insert(0, '» '))).toEqual(['changed notes note:a'])
    expect(touched((doc) => noteText(doc, 'note:a').insert(5, 'x'))).toEqual(['changed notes note:a'])
    expect(touched((doc) => noteText(doc, 'note:a').insert(noteText(doc, 'note:a').length, '!'))).toEqual([
      'changed notes note:a',
    ])
  })

  it('resolves deleted characters (only a delete set) to their note', () => {
    expect(touched((doc) => noteText(doc, 'note:a').delete(0, 4))).toEqual(['changed notes note:a'])
  })

  it('names a deleted note as deleted, not its deleted contents', () => {
    expect(touched((doc) => doc.getMap('notes').delete('note:a'))).toEqual(['deleted notes note:a'])
  })

  it('names a replaced note as changed', () => {
    expect(touched((doc) => addNote(doc, 'note:a', 'A new note under the old id'))).toEqual([
      'changed notes note:a',
    ])
  })

  it('keeps a note created and edited in one update a creation', () => {
    expect(
      touched((doc) => {
        addNote(doc, 'note:c', 'Draft')
        noteText(doc, 'note:c').insert(5, ' two')
        note(doc, 'note:c').set('stageId', 'stage:9')
      }),
    ).toEqual(['created notes note:c'])
  })

  it('lists every record of a transaction that touches several, once each', () => {
    expect(
      touched((doc) => {
        doc.getMap<Y.Map<unknown>>('stages').get('stage:1')!.set('title', 'Discovery')
        addNote(doc, 'note:d', 'One')
        noteText(doc, 'note:a').insert(0, 'Two ')
        note(doc, 'note:a').set('order', 'a1')
        doc.getMap('meta').set('title', 'Renamed')
      }).sort(),
    ).toEqual([
      'changed meta title',
      'changed notes note:a',
      'changed stages stage:1',
      'created notes note:d',
    ])
  })

  it('names a new key of a top-level map as created', () => {
    expect(touched((doc) => doc.getMap('meta').set('schemaVersion', 2))).toEqual([
      'created meta schemaVersion',
    ])
  })

  it('names content of a top-level sequence (text, array) with a null key, including unknown types', () => {
    expect(touched((doc) => doc.getText('scratch').insert(0, 'hello'))).toEqual(['changed scratch null'])
    expect(touched((doc) => doc.getText('scratch').insert(5, ' world'))).toEqual(['changed scratch null'])
    expect(touched((doc) => doc.getArray('fromTheFuture').push([1, 2]))).toEqual([
      'changed fromTheFuture null',
    ])
    expect(touched((doc) => doc.getText('scratch').delete(0, 2))).toEqual(['changed scratch null'])
  })

  it('resolves a change nested two levels down to its record', () => {
    touched((doc) => {
      const style = new Y.Map<unknown>()
      style.set('colour', 'yellow')
      note(doc, 'note:a').set('style', style)
    })
    expect(
      touched((doc) => (note(doc, 'note:a').get('style') as Y.Map<unknown>).set('colour', 'pink')),
    ).toEqual(['changed notes note:a'])
  })

  it("handles an update merged from several people's concurrent edits", () => {
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server))
    const mine = captureUpdate(client, (doc) => noteText(doc, 'note:a').insert(0, 'A: '))
    const theirs = captureUpdate(other, (doc) => addNote(doc, 'note:e', 'B'))
    const result = touchedRecords(Y.mergeUpdates([mine, theirs]), server)
    expect(result.records.map((r) => `${r.change} ${r.key}`).sort()).toEqual([
      'changed note:a',
      'created note:e',
    ])
    expect(result.unresolved).toBe(0)
  })

  it("names everything in a fresh client's whole state as created, against an empty document", () => {
    const result = touchedRecords(Y.encodeStateAsUpdate(server), new Y.Doc())
    expect(result.records.map((r) => `${r.change} ${r.type} ${r.key}`).sort()).toEqual([
      'created meta title',
      'created notes note:a',
      'created stages stage:1',
    ])
  })

  it('names nothing for an update the document already has (Yjs skips it)', () => {
    expect(touchedRecords(Y.encodeStateAsUpdate(server), server)).toEqual({ records: [], unresolved: 0 })
  })

  it('counts as unresolved what depends on items neither the update nor the doc has', () => {
    const source = new Y.Doc()
    Y.applyUpdate(source, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(source)
    noteText(source, 'note:a').insert(0, 'first ')
    const first = Y.encodeStateAsUpdate(source, before)
    const middle = Y.encodeStateVector(source)
    noteText(source, 'note:a').insert(6, 'second ')
    const second = Y.encodeStateAsUpdate(source, middle)
    const result = touchedRecords(second, server)
    expect(result.unresolved).toBeGreaterThan(0)
    expect(result.records).toEqual([])
    // With the first part applied, the same update resolves.
    Y.applyUpdate(server, first)
    expect(touchedRecords(second, server)).toEqual({
      records: [{ type: 'notes', key: 'note:a', change: 'changed' }],
      unresolved: 0,
    })
  })

  it('counts as unresolved a delete of items the doc does not have', () => {
    const stranger = new Y.Doc()
    stranger.getText('t').insert(0, 'abc')
    const full = Y.encodeStateAsUpdate(stranger)
    const sv = Y.encodeStateVector(stranger)
    stranger.getText('t').delete(0, 3)
    const deleteOnly = Y.encodeStateAsUpdate(stranger, sv)
    expect(touchedRecords(deleteOnly, server).unresolved).toBe(1)
    Y.applyUpdate(server, full)
    expect(touchedRecords(deleteOnly, server)).toEqual({
      records: [{ type: 't', key: null, change: 'changed' }],
      unresolved: 0,
    })
  })

  it('accepts the update already decoded, with the same answer', () => {
    const update = captureUpdate(client, (doc) => noteText(doc, 'note:a').insert(0, 'x'))
    expect(touchedRecords(Y.decodeUpdate(update), server)).toEqual(touchedRecords(update, server))
  })

  it('judges a long run of typing in one update in one walk (no stack overflow, no quadratic time)', () => {
    const update = captureUpdate(client, (doc) => {
      const text = noteText(doc, 'note:a')
      // Separate inserts at alternating ends, so the items do not merge into one.
      for (let i = 0; i < 20_000; i++) text.insert(i % 2 === 0 ? 0 : text.length, 'x')
    })
    const started = performance.now()
    const result = touchedRecords(update, server)
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(result.records).toEqual([{ type: 'notes', key: 'note:a', change: 'changed' }])
  })
})

// Against an oracle: apply the update to a copy and compare each record before and after. Every record
// that changed must be reported, a reported creation must not have existed, a reported deletion must
// have existed and be gone.
describe('touchedRecords on random histories', () => {
  type Op =
    | { kind: 'add'; id: number; text: string }
    | { kind: 'remove'; id: number }
    | { kind: 'field'; id: number; value: number }
    | { kind: 'type'; id: number; at: number; text: string }
    | { kind: 'erase'; id: number; at: number; length: number }
    | { kind: 'scratch'; text: string }
    | { kind: 'stage'; title: string }

  const id = fc.integer({ min: 0, max: 3 })
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), id, text: fc.string({ maxLength: 6 }) }),
    fc.record({ kind: fc.constant('remove' as const), id }),
    fc.record({ kind: fc.constant('field' as const), id, value: fc.nat(9) }),
    fc.record({
      kind: fc.constant('type' as const),
      id,
      at: fc.nat(8),
      text: fc.string({ minLength: 1, maxLength: 4 }),
    }),
    fc.record({
      kind: fc.constant('erase' as const),
      id,
      at: fc.nat(8),
      length: fc.integer({ min: 1, max: 3 }),
    }),
    fc.record({ kind: fc.constant('scratch' as const), text: fc.string({ minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('stage' as const), title: fc.string({ maxLength: 4 }) }),
  )

  function run(doc: Y.Doc, o: Op): void {
    const notes = doc.getMap<Y.Map<unknown>>('notes')
    const key = `note:${'id' in o ? o.id : 0}`
    const existing = notes.get(key)
    const text = existing?.get('text') as Y.Text | undefined
    switch (o.kind) {
      case 'add':
        addNote(doc, key, o.text)
        break
      case 'remove':
        notes.delete(key)
        break
      case 'field':
        existing?.set('stageId', `stage:${o.value}`)
        break
      case 'type':
        text?.insert(Math.min(o.at, text.length), o.text)
        break
      case 'erase':
        if (text && text.length > 0)
          text.delete(Math.min(o.at, text.length - 1), Math.min(o.length, text.length))
        break
      case 'scratch':
        doc.getText('scratch').insert(0, o.text)
        break
      case 'stage':
        doc.getMap<Y.Map<unknown>>('stages').get('stage:1')?.set('title', o.title)
        break
    }
  }

  function records(doc: Y.Doc): Map<string, string> {
    const out = new Map<string, string>()
    for (const name of ['notes', 'stages', 'meta']) {
      for (const [key, value] of doc.getMap(name).entries())
        out.set(`${name} ${key}`, JSON.stringify(value instanceof Y.AbstractType ? value.toJSON() : value))
    }
    out.set('scratch null', doc.getText('scratch').toString())
    return out
  }

  it('reports every record that changed, and creations and deletions truly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.array(op, { maxLength: 4 }),
        (steps, concurrent) => {
          const base = new Y.Doc()
          const peer = new Y.Doc()
          const other = new Y.Doc()
          for (const doc of [base, peer, other]) Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
          // Someone else's concurrent edits reach the server first.
          if (concurrent.length > 0) {
            const theirs = captureUpdateOrNone(other, (doc) => {
              for (const o of concurrent) run(doc, o)
            })
            if (theirs) Y.applyUpdate(base, theirs)
          }
          for (const step of steps) {
            const update = captureUpdateOrNone(peer, (doc) => {
              for (const o of step) run(doc, o)
            })
            if (!update) continue
            const result = touchedRecords(update, base)
            const before = records(base)
            Y.applyUpdate(base, update)
            const after = records(base)
            const reported = new Map(result.records.map((r) => [`${r.type} ${r.key}`, r.change]))
            for (const key of new Set([...before.keys(), ...after.keys()])) {
              if (before.get(key) !== after.get(key)) expect(reported.has(key), `${key} changed`).toBe(true)
            }
            for (const [key, change] of reported) {
              if (change === 'created') expect(before.has(key), `${key} created`).toBe(false)
              if (change === 'deleted') {
                expect(before.has(key), `${key} existed`).toBe(true)
                expect(after.has(key), `${key} gone`).toBe(false)
              }
            }
            expect(result.unresolved).toBe(0)
          }
        },
      ),
      {
        numRuns: Number(process.env.FC_RUNS ?? 200),
        seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined,
      },
    )
  })
})

function captureUpdateOrNone(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array | undefined {
  let update: Uint8Array | undefined
  const onUpdate = (u: Uint8Array) => {
    update = update ? Y.mergeUpdates([update, u]) : u
  }
  doc.on('update', onUpdate)
  doc.transact(() => edit(doc))
  doc.off('update', onUpdate)
  return update
}
