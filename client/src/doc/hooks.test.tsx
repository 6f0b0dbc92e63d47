// @vitest-environment jsdom
import { act, memo } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NoteId } from '../../../shared/src/board/ids'
import { createNote, getNoteText, readLanes, readStages, updateNote } from '../../../shared/src/board/schema'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { applyTextChange } from '../commands/applyTextChange'
import { DocStores } from './docStores'
import { DocStoresContext, useBoardLayout, useNote, useNoteIds } from './hooks'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const renders = new Map<string, number>()
const count = (key: string) => renders.set(key, (renders.get(key) ?? 0) + 1)

const NoteView = memo(function NoteView({ id }: { id: NoteId }) {
  const note = useNote(id)
  count(id)
  return <div>{note?.text}</div>
})

function Notes() {
  const ids = useNoteIds()
  useBoardLayout()
  count('list')
  return (
    <>
      {ids.map((id) => (
        <NoteView key={id} id={id} />
      ))}
    </>
  )
}

function setup() {
  const doc = new Y.Doc()
  applyTemplate(doc, 'customer-lifecycle', { title: 'Test' })
  const stageId = readStages(doc)[0]!.id
  const laneId = readLanes(doc)[0]!.id
  const a = createNote(doc, { stageId, laneId, text: 'Sees an ad' })
  const b = createNote(doc, { stageId, laneId, text: 'Reads reviews' })
  const stores = new DocStores(doc)
  const container = document.createElement('div')
  const root = createRoot(container)
  act(() =>
    root.render(
      <DocStoresContext.Provider value={stores}>
        <Notes />
      </DocStoresContext.Provider>,
    ),
  )
  return { doc, a, b, root, container }
}

let cleanup: (() => void) | null = null
afterEach(() => {
  cleanup?.()
  renders.clear()
})

describe('per-note subscriptions', () => {
  it('typing in one note re-renders only that note', () => {
    const { doc, a, b, root, container } = setup()
    cleanup = () => act(() => root.unmount())
    renders.clear()
    act(() => applyTextChange(getNoteText(doc, a)!, 'Sees an Instagram ad'))
    expect(container.textContent).toContain('Sees an Instagram ad')
    expect(renders.get(a)).toBe(1)
    expect(renders.get(b)).toBeUndefined()
    expect(renders.get('list')).toBeUndefined()
  })

  it('recoloring a note does not recompute the layout', () => {
    const { doc, a, b, root } = setup()
    cleanup = () => act(() => root.unmount())
    renders.clear()
    act(() => updateNote(doc, a, { color: 'pink' }))
    expect(renders.get(a)).toBe(1)
    expect(renders.get(b)).toBeUndefined()
    expect(renders.get('list')).toBeUndefined()
  })

  it('resizing a note recomputes the layout', () => {
    const { doc, a, root } = setup()
    cleanup = () => act(() => root.unmount())
    renders.clear()
    act(() => updateNote(doc, a, { w: 300 }))
    expect(renders.get('list')).toBe(1)
  })

  it('the colors store changes on a recolor or a new note, not on typing or a resize', () => {
    const { doc, a, root } = setup()
    cleanup = () => act(() => root.unmount())
    const stores = new DocStores(doc)
    const first = stores.colors.getSnapshot()
    expect(first.get(a)).toBe('yellow')
    let wakes = 0
    const stop = stores.colors.subscribe(() => wakes++)
    act(() => applyTextChange(getNoteText(doc, a)!, 'Sees a billboard'))
    act(() => updateNote(doc, a, { w: 300 }))
    expect(wakes).toBe(0)
    expect(stores.colors.getSnapshot()).toBe(first)
    act(() => updateNote(doc, a, { color: 'pink' }))
    expect(wakes).toBe(1)
    expect(stores.colors.getSnapshot().get(a)).toBe('pink')
    const { stageId, laneId } = { stageId: readStages(doc)[0]!.id, laneId: readLanes(doc)[0]!.id }
    const c = createNote(doc, { stageId, laneId, text: 'Calls support' })
    expect(wakes).toBe(2)
    expect(stores.colors.getSnapshot().has(c)).toBe(true)
    stop()
    stores.destroy()
  })
})
