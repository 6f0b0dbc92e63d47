import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NoteId, RecordId } from '../../../shared/src/board/ids'
import {
  addChip,
  addPersona,
  createNote,
  deleteNotes,
  getNoteText,
  readChips,
  readLanes,
  readNotes,
  readPersonas,
  readScores,
  readStages,
  setScore,
  updateNote,
} from '../../../shared/src/board/schema'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { applyTextChange } from '../commands/applyTextChange'
import { createLocalHistory } from './localHistory'

/** Two peers wired like the provider does it: each applies the other's updates with a remote origin. */
function twoPeers() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  applyTemplate(a, 'customer-lifecycle', { title: 'T' })
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote')
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(b, update, 'remote')
  })
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a, update, 'remote')
  })
  return { a, b }
}

function selectionOf() {
  let selected: ReadonlySet<RecordId> = new Set()
  return {
    get: () => selected,
    restore: (ids: readonly RecordId[]) => {
      selected = new Set(ids)
    },
    set: (ids: NoteId[]) => {
      selected = new Set(ids)
    },
  }
}

function firstCell(doc: Y.Doc) {
  return { stageId: readStages(doc)[0]!.id, laneId: readLanes(doc)[0]!.id }
}

const texts = (doc: Y.Doc) =>
  readNotes(doc)
    .map((n) => n.text)
    .sort()

describe('local history', () => {
  it('undoes my note and never a colleague’s', () => {
    const { a, b } = twoPeers()
    const history = createLocalHistory(a, selectionOf())
    createNote(a, { ...firstCell(a), text: 'mine' })
    createNote(b, { ...firstCell(b), text: 'theirs' })
    expect(texts(a)).toEqual(['mine', 'theirs'])

    expect(history.undo()).toBe(true)
    expect(texts(a)).toEqual(['theirs'])
    expect(texts(b)).toEqual(['theirs'])
    // Nothing else of mine to undo: the template and B's note are not in my history.
    expect(history.undo()).toBe(false)
    expect(texts(b)).toEqual(['theirs'])

    expect(history.redo()).toBe(true)
    expect(texts(b)).toEqual(['mine', 'theirs'])
  })

  it('undoing my move keeps a colleague’s later text edit on the same note', () => {
    const { a, b } = twoPeers()
    const id = createNote(a, { ...firstCell(a), text: 'shared' }, 'template')
    const history = createLocalHistory(a, selectionOf())
    updateNote(a, id, { color: 'purple' })
    applyTextChange(getNoteText(b, id)!, 'shared by both', 'local')
    history.undo()
    expect(readNotes(b)[0]).toMatchObject({ color: 'yellow', text: 'shared by both' })
  })

  it('makes each structural change its own step, even in quick succession', () => {
    const { a } = twoPeers()
    const history = createLocalHistory(a, selectionOf())
    const id = createNote(a, firstCell(a))
    updateNote(a, id, { color: 'pink' })
    updateNote(a, id, { color: 'green' })
    history.undo()
    expect(readNotes(a)[0]?.color).toBe('pink')
    history.undo()
    expect(readNotes(a)[0]?.color).toBe('yellow')
    history.undo()
    expect(readNotes(a)).toHaveLength(0)
  })

  it('merges quick typing into one step and ends it when the editor closes', () => {
    const { a } = twoPeers()
    const id = createNote(a, { ...firstCell(a), text: 'Hi' }, 'template')
    const history = createLocalHistory(a, selectionOf(), { textCaptureMs: 10_000 })
    const text = getNoteText(a, id)!
    applyTextChange(text, 'Hi t')
    applyTextChange(text, 'Hi there')
    history.endTextSession(id)
    applyTextChange(text, 'Hi there!')
    history.undo()
    expect(text.toString()).toBe('Hi there')
    history.undo()
    expect(text.toString()).toBe('Hi')
  })

  it('folds a new note’s first text into its creation when the editor closes', () => {
    const { a } = twoPeers()
    const history = createLocalHistory(a, selectionOf(), { textCaptureMs: 0 })
    const id = createNote(a, firstCell(a))
    const text = getNoteText(a, id)!
    applyTextChange(text, 'Word')
    applyTextChange(text, 'Word by word')
    // While the editor is open, undo goes word by word...
    history.undo()
    expect(text.toString()).toBe('Word')
    history.redo()
    history.endTextSession(id)
    // ...once it closed, the note and its text are one step.
    history.undo()
    expect(readNotes(a)).toHaveLength(0)
    history.redo()
    expect(texts(a)).toEqual(['Word by word'])
  })

  it('restores the selection before the change on undo, and the one at undo time on redo', () => {
    const { a } = twoPeers()
    const selection = selectionOf()
    const history = createLocalHistory(a, selection)
    const x = createNote(a, firstCell(a), 'template')
    const y = createNote(a, firstCell(a), 'template')
    selection.set([x, y])
    deleteNotes(a, [x, y])
    selection.set([])
    history.undo()
    expect([...selection.get()].sort()).toEqual([x, y].sort())
    selection.set([y])
    history.redo()
    // The redone delete removed both; the restored selection only keeps notes that exist.
    expect([...selection.get()]).toEqual([])
  })

  it('reports whether there is anything to undo or redo', () => {
    const { a } = twoPeers()
    const history = createLocalHistory(a, selectionOf())
    const seen: boolean[] = []
    history.state.subscribe(() => seen.push(history.state.getSnapshot().canUndo))
    expect(history.state.getSnapshot()).toEqual({ canUndo: false, canRedo: false })
    createNote(a, firstCell(a))
    expect(history.state.getSnapshot()).toEqual({ canUndo: true, canRedo: false })
    history.undo()
    expect(history.state.getSnapshot()).toEqual({ canUndo: false, canRedo: true })
    expect(seen).toEqual([true, false])
  })
})

describe('local history of the journey anatomy', () => {
  it('undoes my emotion point, chip and persona, one step each, and never a colleague’s point', () => {
    const { a, b } = twoPeers()
    const history = createLocalHistory(a, selectionOf())
    const emotion = readLanes(a).find((l) => l.kind === 'emotion-curve')!.id
    const channels = readLanes(a).find((l) => l.kind === 'channels')!.id
    const [s0, s1] = readStages(a)
    const persona = readPersonas(a)[0]!.id
    setScore(a, emotion, s0!.id, persona, 2)
    setScore(b, emotion, s1!.id, persona, -1)
    addChip(a, { laneId: channels, stageId: s0!.id, channel: 'email' })
    addPersona(a, { name: 'Ana' })
    expect(readPersonas(b).map((p) => p.name)).toContain('Ana')

    expect(history.undo()).toBe(true)
    expect(readPersonas(b).map((p) => p.name)).not.toContain('Ana')
    expect(history.undo()).toBe(true)
    expect(readChips(b)).toEqual([])
    expect(history.undo()).toBe(true)
    expect(readScores(b).map((s) => [s.stageId, s.value])).toEqual([[s1!.id, -1]])
    expect(history.undo()).toBe(false)
  })
})
