import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getNotes } from '../../../shared/src/board/schema'
import { pendingBytes } from '../limits/pendingUpdates'
import { fillLargeBoard } from '../testing/largeBoard'
import { encodeStateInChunks } from './stateChunks'

const KiB = 1024

/** Applies the chunks in order to a fresh doc; every chunk must integrate at once (no pending structs). */
function rebuild(chunks: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const [i, chunk] of chunks.entries()) {
    Y.applyUpdate(doc, chunk)
    expect(pendingBytes(doc), `pending after chunk ${i}`).toBe(0)
  }
  return doc
}

function expectSameDoc(restored: Y.Doc, original: Y.Doc): void {
  expect(Y.equalSnapshots(Y.snapshot(restored), Y.snapshot(original))).toBe(true)
  expect(getNotes(restored).toJSON()).toEqual(getNotes(original).toJSON())
  expect(restored.getMap('stages').toJSON()).toEqual(original.getMap('stages').toJSON())
}

const totalBytes = (chunks: Uint8Array[]) => chunks.reduce((sum, c) => sum + c.byteLength, 0)

describe('encodeStateInChunks', () => {
  it('cuts a board edited by three clients into updates within the limit whose union is the doc', () => {
    const a = new Y.Doc()
    fillLargeBoard(a, 200 * KiB, { seed: 1 })
    // Two more clients edit on top of a's notes (their items depend on a's), then a deletes some.
    const b = new Y.Doc()
    const c = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const bNotes = [...getNotes(b).values()]
    for (const note of bNotes.slice(0, 300)) (note.get('text') as Y.Text).insert(3, 'edited by b ')
    Y.applyUpdate(c, Y.encodeStateAsUpdate(b))
    for (const note of [...getNotes(c).values()].slice(100, 400)) (note.get('text') as Y.Text).insert(8, 'c')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(c))
    for (const id of [...getNotes(a).keys()].slice(0, 50)) getNotes(a).delete(id)

    const maxChunkBytes = 16 * KiB
    const chunks = encodeStateInChunks(a, maxChunkBytes)
    for (const chunk of chunks) expect(chunk.byteLength).toBeLessThanOrEqual(maxChunkBytes)
    expectSameDoc(rebuild(chunks), a)
    const encoded = Y.encodeStateAsUpdate(a).byteLength
    const ratio = totalBytes(chunks) / encoded
    console.log(
      `stateChunks: ${chunks.length} chunks, ${totalBytes(chunks)} bytes for a ${encoded}-byte state (ratio ${ratio.toFixed(3)})`,
    )
    expect(ratio).toBeLessThan(1.05)
  })

  it('keeps the stored size near the encoded state, far below the history of a delete-heavy board', () => {
    const doc = new Y.Doc()
    const history: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => history.push(update))
    fillLargeBoard(doc, 100 * KiB, { seed: 2 })
    const text = [...getNotes(doc).values()][0]!.get('text') as Y.Text
    for (let i = 0; i < 2000; i++) {
      text.insert(0, 'typing and deleting ')
      text.delete(0, 20)
    }
    const chunks = encodeStateInChunks(doc, 32 * KiB)
    const encoded = Y.encodeStateAsUpdate(doc).byteLength
    expect(totalBytes(chunks) / encoded).toBeLessThan(1.05)
    expect(totalBytes(chunks)).toBeLessThan(Y.mergeUpdates(history).byteLength)
    expectSameDoc(rebuild(chunks), doc)
  })

  it('splits one pasted text larger than a chunk, without cutting a surrogate pair', () => {
    const doc = new Y.Doc()
    const pasted = '😀 journey map, ünïcode and emoji 🚀 '.repeat(20_000) // ~ 800 KB in one item
    doc.getText('t').insert(0, pasted)
    const maxChunkBytes = 64 * KiB
    const chunks = encodeStateInChunks(doc, maxChunkBytes)
    expect(chunks.length).toBeGreaterThan(10)
    for (const chunk of chunks) expect(chunk.byteLength).toBeLessThanOrEqual(maxChunkBytes)
    const restored = rebuild(chunks)
    expect(restored.getText('t').toString()).toBe(pasted)
    expectSameDoc(restored, doc)
  })

  it('sends an item that cannot be split as one chunk of its own (the documented exception)', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('small', 'x')
    doc.getMap('m').set('blob', new Uint8Array(100 * KiB).fill(7))
    doc.getMap('m').set('after', 'y')
    const chunks = encodeStateInChunks(doc, 16 * KiB)
    const oversized = chunks.filter((c) => c.byteLength > 16 * KiB)
    expect(oversized).toHaveLength(1)
    expect(oversized[0]!.byteLength).toBeLessThan(100 * KiB + 64)
    expectSameDoc(rebuild(chunks), doc)
    expect(rebuild(chunks).getMap('m').get('blob')).toEqual(new Uint8Array(100 * KiB).fill(7))
  })

  it('puts a large delete set in chunks of its own, after the structs', () => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, 'ab'.repeat(4_000))
    // Delete every other character: 4,000 separate deleted ranges.
    doc.transact(() => {
      for (let i = 0; i < 4_000; i++) text.delete(i, 1)
    })
    const chunks = encodeStateInChunks(doc, 2 * KiB)
    expect(chunks.length).toBeGreaterThan(4)
    for (const chunk of chunks) expect(chunk.byteLength).toBeLessThanOrEqual(2 * KiB)
    const restored = rebuild(chunks)
    expect(restored.getText('t').toString()).toBe('b'.repeat(4_000))
    expectSameDoc(restored, doc)
  })

  it('keeps a small board in one update, delete set included, and an empty doc in one empty update', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'hello world')
    doc.getText('t').delete(0, 6)
    const chunks = encodeStateInChunks(doc, 64 * KiB)
    expect(chunks).toHaveLength(1)
    expectSameDoc(rebuild(chunks), doc)
    expect(encodeStateInChunks(new Y.Doc(), 64 * KiB)).toEqual([new Uint8Array([0, 0])])
  })

  it('leaves out pending structs (updates whose dependencies never arrived)', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'stored')
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(other)
    other.getText('t').insert(0, 'missing ')
    const missing = Y.encodeStateAsUpdate(other, before)
    const sv2 = Y.encodeStateVector(other)
    other.getText('t').insert(0, 'pending ')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, sv2)) // depends on `missing`, which never came
    expect(missing.byteLength).toBeGreaterThan(0)
    expect(pendingBytes(doc)).toBeGreaterThan(0)
    const restored = rebuild(encodeStateInChunks(doc, 1 * KiB))
    expect(restored.getText('t').toString()).toBe('stored')
  })
})
