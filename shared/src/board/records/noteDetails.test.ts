import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getNotes } from '../topLevel'
import { createNote, readNotes } from './note'
import { setNoteKind, setNoteSeverity, setNoteSource, setNoteTag } from './noteDetails'
import { isParked, parkNote, unparkNote } from './parking'

const note = () => {
  const doc = new Y.Doc()
  const id = createNote(doc, { stageId: 'stage:a', laneId: 'lane:a', text: 'x' })
  return { doc, id, read: () => readNotes(doc)[0]! }
}

describe('note details', () => {
  it('a severity belongs to a pain point only, and goes when the kind changes', () => {
    const { doc, id, read } = note()
    setNoteSeverity(doc, id, 2)
    expect(read().severity).toBeUndefined()
    setNoteKind(doc, id, 'pain')
    setNoteSeverity(doc, id, 7)
    expect(read()).toMatchObject({ kind: 'pain', severity: 3 })
    setNoteKind(doc, id, 'idea')
    expect(read()).toMatchObject({ kind: 'idea', severity: undefined })
    setNoteKind(doc, id, 'plain')
    expect(getNotes(doc).get(id)?.has('kind')).toBe(false)
  })

  it('sets a quote’s source, and tags from two peers at once both stay', () => {
    const { doc, id, read } = note()
    setNoteKind(doc, id, 'quote')
    setNoteSource(doc, id, ' Ana, interview 3 ')
    expect(read().source).toBe('Ana, interview 3')
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    setNoteTag(doc, id, 'tag:sales', true)
    setNoteTag(doc, id, 'tag:support', true)
    setNoteTag(other, id, 'tag:product', true)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    // createNote made the tags map, so the peers' tags merge into it instead of racing to make it.
    expect(readNotes(doc)[0]!.tags).toEqual(['tag:product', 'tag:sales', 'tag:support'])
    expect(readNotes(other)[0]!.tags).toEqual(readNotes(doc)[0]!.tags)
    setNoteTag(doc, id, 'tag:sales', false)
    expect(read().tags).not.toContain('tag:sales')
  })

  it('each change stamps updatedAt', () => {
    const { doc, id, read } = note()
    getNotes(doc).get(id)!.set('updatedAt', 1)
    setNoteKind(doc, id, 'question')
    expect(read().updatedAt).toBeGreaterThan(1)
  })
})

describe('parking lot', () => {
  it('parks a note beside the grid and brings it back to the end of a cell', () => {
    const { doc, id, read } = note()
    parkNote(doc, id, 40, -5)
    expect(isParked(read())).toBe(true)
    expect(read()).toMatchObject({
      stageId: 'stage:parking-lot',
      laneId: 'lane:parking-lot',
      parkX: 40,
      parkY: 0,
    })
    createNote(doc, { stageId: 'stage:b', laneId: 'lane:a', order: 'k' })
    unparkNote(doc, id, { stageId: 'stage:b', laneId: 'lane:a' })
    const back = readNotes(doc).find((n) => n.id === id)!
    expect(isParked(back)).toBe(false)
    expect(back).toMatchObject({ stageId: 'stage:b', parkX: undefined, parkY: undefined })
    expect(back.order > 'k').toBe(true)
  })
})
