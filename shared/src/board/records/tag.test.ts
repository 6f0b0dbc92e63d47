import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readNotes } from './note'
import { setNoteTag } from './noteDetails'
import { addTag, ensureDefaultTags, moveTag, readTags, recolorTag, removeTag, renameTag } from './tag'

describe('tags', () => {
  it('creates the defaults under fixed ids, once', () => {
    const doc = new Y.Doc()
    ensureDefaultTags(doc)
    ensureDefaultTags(doc)
    expect(readTags(doc).map((t) => [t.id, t.name])).toEqual([
      ['tag:marketing', 'Marketing'],
      ['tag:sales', 'Sales'],
      ['tag:support', 'Support'],
      ['tag:product', 'Product'],
      ['tag:operations', 'Operations'],
    ])
  })

  it('adds, renames, recolors, reorders and removes a tag, unsetting it from notes', () => {
    const doc = new Y.Doc()
    expect(addTag(doc, '   ')).toBeNull()
    const legal = addTag(doc, ' Legal ', 'red')!
    const finance = addTag(doc, 'Finance')!
    renameTag(doc, legal, 'Compliance')
    recolorTag(doc, legal, 'blue')
    moveTag(doc, finance, '1')
    expect(readTags(doc).map((t) => [t.name, t.color])).toEqual([
      ['Finance', 'gray'],
      ['Compliance', 'blue'],
    ])
    const note = createNote(doc, { stageId: 'stage:a', laneId: 'lane:a' })
    setNoteTag(doc, note, legal, true)
    setNoteTag(doc, note, finance, true)
    removeTag(doc, legal)
    expect(readTags(doc).map((t) => t.id)).toEqual([finance])
    expect(readNotes(doc)[0]?.tags).toEqual([finance])
  })
})
