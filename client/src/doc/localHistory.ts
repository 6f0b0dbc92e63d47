/*
 * Undo and redo of this person's own changes only. A Y.UndoManager watches the board's top-level types
 * but tracks transactions whose origin is 'local' (and its own undo/redo), never the provider's or the
 * IndexedDB copy's: a colleague's edit is never undone by us, and undoing ours leaves theirs in place
 * even when they touched the same note afterwards (Yjs undoes exactly the items we made or deleted).
 *
 * What one step is:
 *   - Every structural change (add, delete, move, drag, recolor, resize, paste) is its own step: only
 *     consecutive text edits merge, within `textCaptureMs`, so a typed word is one step.
 *   - Closing the editor ends a text step (`endTextSession`).
 *   - A note made and typed into before its editor first closes becomes one step, as in tldraw: once
 *     the editor closes, one undo removes the new note rather than first emptying it word by word.
 *
 * Each step remembers the selection before it and the selection when it was undone, so undo selects
 * what the change touched and redo selects what was selected when undo was pressed.
 */
import * as Y from 'yjs'
import type { NoteId, RecordId } from '../../../shared/src/board/ids'
import {
  type BoardOrigin,
  getLanes,
  getMeta,
  getNotes,
  getPersonas,
  getStages,
  getTags,
} from '../../../shared/src/board/schema'
import type { ExternalStore } from './docStores'
import { recordExists } from './recordExists'

/** The only origin undo tracks: edits made by this person in this tab. */
export const LOCAL_ORIGIN: BoardOrigin = 'local'

/** Consecutive text edits closer together than this are one undo step. */
export const TEXT_CAPTURE_MS = 500

export interface HistorySelection {
  get: () => ReadonlySet<RecordId>
  /** Selects these ids (some may no longer exist; they are filtered out first). */
  restore: (ids: readonly RecordId[]) => void
}

export interface HistoryState {
  canUndo: boolean
  canRedo: boolean
}

export interface LocalHistory {
  undo: () => boolean
  redo: () => boolean
  state: ExternalStore<HistoryState>
  /** Ends the current text step (the editor closed), and folds a new note's first text into its creation. */
  endTextSession: (noteId: NoteId) => void
  destroy: () => void
}

type StackItem = Y.UndoManager['undoStack'][number]

const META_BEFORE = 'selectionBefore'
const META_AFTER = 'selectionAfter'
const META_CREATED = 'createdNotes'
const META_TEXT_ONLY = 'textOnly'

function isTextOnly(tr: Y.Transaction): boolean {
  for (const type of tr.changed.keys()) if (!(type instanceof Y.Text)) return false
  return true
}

export function createLocalHistory(
  doc: Y.Doc,
  selection: HistorySelection,
  options: { textCaptureMs?: number } = {},
): LocalHistory {
  const notes = getNotes(doc)
  let selectionBefore: RecordId[] = []
  let createdInTx: NoteId[] = []
  let textOnlyTx = true
  // Declared before the manager so that its afterTransaction runs first (lib0 calls listeners in order).
  let manager: Y.UndoManager | null = null
  const tracked = (tr: Y.Transaction) => tr.origin === LOCAL_ORIGIN

  const onBefore = (tr: Y.Transaction) => {
    if (tracked(tr)) selectionBefore = [...selection.get()]
    createdInTx = []
  }
  const onNotes = (event: Y.YMapEvent<Y.Map<unknown>>, tr: Y.Transaction) => {
    if (!tracked(tr)) return
    for (const [key, change] of event.changes.keys)
      if (change.action === 'add') createdInTx.push(key as NoteId)
  }
  const onAfter = (tr: Y.Transaction) => {
    textOnlyTx = isTextOnly(tr)
    // A structural change never merges into the text typed just before it.
    if (tracked(tr) && !textOnlyTx) manager?.stopCapturing()
  }
  doc.on('beforeTransaction', onBefore)
  notes.observe(onNotes)
  doc.on('afterTransaction', onAfter)

  // Personas and tags too: the personas panel's edits are steps of this person's history like any other.
  const scope = [getMeta(doc), getStages(doc), getLanes(doc), notes, getPersonas(doc), getTags(doc)]
  const um = new Y.UndoManager(scope, {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: options.textCaptureMs ?? TEXT_CAPTURE_MS,
  })
  manager = um

  let state: HistoryState = { canUndo: false, canRedo: false }
  const listeners = new Set<() => void>()
  const refresh = () => {
    const next = { canUndo: um.canUndo(), canRedo: um.canRedo() }
    if (next.canUndo === state.canUndo && next.canRedo === state.canRedo) return
    state = next
    for (const listener of [...listeners]) listener()
  }

  um.on('stack-item-added', ({ stackItem }) => {
    const popped = um.currStackItem
    if (popped) {
      // Undo made a redo item (or redo an undo item): it describes the same change.
      for (const [key, value] of popped.meta) stackItem.meta.set(key, value)
    } else {
      stackItem.meta.set(META_BEFORE, selectionBefore)
      stackItem.meta.set(META_CREATED, createdInTx)
      stackItem.meta.set(META_TEXT_ONLY, textOnlyTx)
      if (!textOnlyTx) um.stopCapturing()
    }
    refresh()
  })
  um.on('stack-item-popped', ({ stackItem, type }) => {
    const ids = stackItem.meta.get(type === 'undo' ? META_BEFORE : META_AFTER) as RecordId[] | undefined
    if (ids) selection.restore(ids.filter((id) => recordExists(doc, id)))
    refresh()
  })
  um.on('stack-cleared', refresh)

  /** Folds the text steps typed into a just-created note into the step that created it. */
  const foldNewNote = (noteId: NoteId) => {
    const stack = um.undoStack
    let creation = -1
    for (let i = stack.length - 1; i >= 0; i--) {
      const item = stack[i] as StackItem
      if ((item.meta.get(META_CREATED) as NoteId[] | undefined)?.includes(noteId)) {
        creation = i
        break
      }
      if (item.meta.get(META_TEXT_ONLY) !== true) return
    }
    if (creation < 0 || creation === stack.length - 1) return
    const target = stack[creation] as StackItem
    const folded = stack.splice(creation + 1)
    target.insertions = Y.mergeDeleteSets([target.insertions, ...folded.map((s) => s.insertions)])
    target.deletions = Y.mergeDeleteSets([target.deletions, ...folded.map((s) => s.deletions)])
  }

  return {
    undo: () => {
      const top = um.undoStack.at(-1)
      if (!top) return false
      top.meta.set(META_AFTER, [...selection.get()])
      return um.undo() !== null
    },
    redo: () => um.redo() !== null,
    state: {
      subscribe: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      getSnapshot: () => state,
    },
    endTextSession: (noteId) => {
      um.stopCapturing()
      foldNewNote(noteId)
    },
    destroy: () => {
      um.destroy()
      doc.off('beforeTransaction', onBefore)
      doc.off('afterTransaction', onAfter)
      notes.unobserve(onNotes)
      listeners.clear()
    },
  }
}
