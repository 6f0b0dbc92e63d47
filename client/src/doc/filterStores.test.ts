import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_TAG_IDS } from '../../../shared/src/board/ids'
import {
  createNote,
  ensureDefaultTags,
  getNoteText,
  readLanes,
  readStages,
  setBoardTitle,
  setNoteKind,
  setNoteSeverity,
  setNoteTag,
  setSharedFilter,
  updateNote,
} from '../../../shared/src/board/schema'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { applyTextChange } from '../commands/applyTextChange'
import { DocStores } from './docStores'

function setup() {
  const doc = new Y.Doc()
  applyTemplate(doc, 'customer-lifecycle', { title: 'Test' })
  ensureDefaultTags(doc)
  const cell = { stageId: readStages(doc)[0]!.id, laneId: readLanes(doc)[0]!.id }
  const a = createNote(doc, { ...cell, text: 'Sees an ad' })
  return { doc, a, stores: new DocStores(doc), cell }
}

const SALES = DEFAULT_TAG_IDS[1]

describe('the facets store (what the filter reads)', () => {
  it('wakes for a kind, a severity or a tag, never for text, color or size', () => {
    const { doc, a, stores } = setup()
    const first = stores.facets.getSnapshot()
    expect(first.get(a)).toEqual({ kind: 'plain', severity: undefined, tags: [] })
    let wakes = 0
    const stop = stores.facets.subscribe(() => wakes++)
    applyTextChange(getNoteText(doc, a)!, 'Sees a billboard')
    updateNote(doc, a, { color: 'pink', w: 300 })
    expect(wakes).toBe(0)
    expect(stores.facets.getSnapshot()).toBe(first)
    setNoteKind(doc, a, 'pain')
    setNoteSeverity(doc, a, 3)
    expect(wakes).toBe(2)
    setNoteTag(doc, a, SALES, true)
    expect(wakes).toBe(3)
    expect(stores.facets.getSnapshot().get(a)).toEqual({ kind: 'pain', severity: 3, tags: [SALES] })
    stop()
    stores.destroy()
  })

  it('wakes when a note comes or goes', () => {
    const { doc, stores, cell } = setup()
    let wakes = 0
    const stop = stores.facets.subscribe(() => wakes++)
    const b = createNote(doc, { ...cell, text: 'Reads reviews' })
    expect(wakes).toBe(1)
    expect(stores.facets.getSnapshot().has(b)).toBe(true)
    stop()
    stores.destroy()
  })
})

describe('the shared filter store', () => {
  it('wakes when the shared filter changes, not when the title does', () => {
    const { doc, stores } = setup()
    expect(stores.sharedFilter.getSnapshot()).toBeUndefined()
    let wakes = 0
    const stop = stores.sharedFilter.subscribe(() => wakes++)
    setBoardTitle(doc, 'Renamed')
    expect(wakes).toBe(0)
    setSharedFilter(doc, { tags: [SALES], kinds: ['idea'] })
    expect(wakes).toBe(1)
    expect(stores.sharedFilter.getSnapshot()).toEqual({ tags: [SALES], kinds: ['idea'] })
    setSharedFilter(doc, null)
    expect(wakes).toBe(2)
    expect(stores.sharedFilter.getSnapshot()).toBeUndefined()
    stop()
    stores.destroy()
  })
})
