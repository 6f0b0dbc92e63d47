import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NoteId } from '../../../shared/src/board/ids'
import { addConnector, readConnectors } from '../../../shared/src/board/records/connector'
import { isParked } from '../../../shared/src/board/records/parking'
import {
  createNote,
  getNotes,
  readBoardTitle,
  readLanes,
  readNote,
  readNotes,
  readStages,
  removeStage,
} from '../../../shared/src/board/schema'
import { applyNotesLifecycle } from '../../../shared/src/board/testing/notesLifecycle'
import {
  type BoardLayout,
  cellKey,
  computeLayout,
  PARKING_CELL,
  UNSORTED_CELL,
} from '../../../shared/src/layout/grid'
import { createLocalHistory } from '../doc/localHistory'
import { resetUi, selectOnly, useUi } from '../state/ui'
import { type CommandContext, runCommand } from './registry'

function context(readOnly = false): CommandContext {
  const doc = new Y.Doc()
  applyNotesLifecycle(doc, 'customer-lifecycle', { title: 'Journey' })
  const history = createLocalHistory(doc, { get: () => useUi.getState().selection, restore: selectOnly })
  return {
    doc,
    readOnly,
    history,
    getLayout: () => computeLayout(readStages(doc), readLanes(doc), readNotes(doc)),
  }
}

const firstCell = (ctx: CommandContext) => ({
  stageId: readStages(ctx.doc)[0]!.id,
  laneId: readLanes(ctx.doc)[0]!.id,
})
const note = (ctx: CommandContext, id: NoteId) => readNote(id, getNotes(ctx.doc).get(id))!
/** A point inside a cell's empty lower right part: a drop there lands at the cell's end. */
function farCorner(layout: BoardLayout, stage: number, lane: number) {
  const s = layout.stages[stage]!
  const l = layout.lanes[lane]!
  return { x: s.x + s.w - 4, y: l.y + l.h - 4 }
}
const textsIn = (ctx: CommandContext, stage: number, lane: number) => {
  const layout = ctx.getLayout()
  const ids = layout.cells.get(cellKey(layout.stages[stage]!.id, layout.lanes[lane]!.id)) ?? []
  return ids.map((id) => note(ctx, id).text)
}

beforeEach(() => resetUi())

describe('note commands from the canvas', () => {
  it('moves dropped notes into the cell under the point, in their reading order, as one undo step', () => {
    const ctx = context()
    createNote(ctx.doc, { ...firstCell(ctx), text: 'stays' })
    const a = createNote(ctx.doc, { ...firstCell(ctx), text: 'a' })
    const b = createNote(ctx.doc, { ...firstCell(ctx), text: 'b' })
    createNote(ctx.doc, {
      stageId: readStages(ctx.doc)[2]!.id,
      laneId: readLanes(ctx.doc)[1]!.id,
      text: 'there',
    })
    // Given in the order they were selected; they land in the order they were read.
    expect(runCommand('note.moveTo', ctx, { notes: [b, a], at: farCorner(ctx.getLayout(), 2, 1) })).toBe(true)
    expect(textsIn(ctx, 2, 1)).toEqual(['there', 'a', 'b'])
    expect(textsIn(ctx, 0, 0)).toEqual(['stays'])
    ctx.history!.undo()
    expect(textsIn(ctx, 0, 0)).toEqual(['stays', 'a', 'b'])
  })

  it('leaves notes dropped on the Unsorted row where they were', () => {
    const ctx = context()
    const orphan = createNote(ctx.doc, { ...firstCell(ctx), text: 'orphan' })
    const kept = createNote(ctx.doc, {
      stageId: readStages(ctx.doc)[1]!.id,
      laneId: readLanes(ctx.doc)[0]!.id,
    })
    removeStage(ctx.doc, readStages(ctx.doc)[0]!.id)
    const unsorted = ctx.getLayout().unsorted!
    const at = { x: unsorted.x + unsorted.w - 4, y: unsorted.y + 4 }
    const before = note(ctx, kept)
    expect(runCommand('note.moveTo', ctx, { notes: [kept], at })).toBe(false)
    expect(note(ctx, kept)).toEqual(before)
    expect(ctx.getLayout().cells.get(UNSORTED_CELL)).toEqual([orphan])
  })

  it('adds a note in a named cell and opens its editor', () => {
    const ctx = context()
    const cell = { stageId: readStages(ctx.doc)[3]!.id, laneId: readLanes(ctx.doc)[2]!.id }
    expect(runCommand('note.addInCell', ctx, { cell })).toBe(true)
    const [made] = readNotes(ctx.doc)
    expect(made).toMatchObject(cell)
    expect(useUi.getState().editingNoteId).toBe(made!.id)
  })

  it('edits the note it is given, or the one selected note', () => {
    const ctx = context()
    const a = createNote(ctx.doc, firstCell(ctx))
    const b = createNote(ctx.doc, firstCell(ctx))
    expect(runCommand('note.edit', ctx)).toBe(false)
    expect(runCommand('note.edit', ctx, { note: b })).toBe(true)
    expect(useUi.getState().editingNoteId).toBe(b)
    selectOnly([a])
    runCommand('note.edit', ctx)
    expect(useUi.getState().editingNoteId).toBe(a)
    expect(runCommand('note.edit', ctx, { note: 'note:gone' as NoteId })).toBe(false)
  })

  it('resizes a note within the size limits', () => {
    const ctx = context()
    const id = createNote(ctx.doc, firstCell(ctx))
    runCommand('note.resize', ctx, { note: id, size: { w: 250.4, h: 9_000 } })
    expect(note(ctx, id)).toMatchObject({ w: 250, h: 400 })
    runCommand('note.resize', ctx, { note: id, size: { w: 10, h: 61 } })
    expect(note(ctx, id)).toMatchObject({ w: 80, h: 61 })
  })

  it('types into a note with the smallest change, so a colleague’s typing survives', () => {
    const ctx = context()
    const id = createNote(ctx.doc, { ...firstCell(ctx), text: 'Calls support' })
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(ctx.doc))
    // The colleague adds a word at the start while we add one at the end.
    const peerText = getNotes(peer).get(id)!.get('text') as Y.Text
    peerText.insert(0, 'Often ')
    runCommand('note.setText', ctx, { note: id, text: 'Calls support twice' })
    Y.applyUpdate(ctx.doc, Y.encodeStateAsUpdate(peer))
    expect(note(ctx, id).text).toBe('Often Calls support twice')
  })

  it('renames the board, never to nothing', () => {
    const ctx = context()
    expect(runCommand('board.rename', ctx, { title: '  Checkout  ' })).toBe(true)
    expect(readBoardTitle(ctx.doc)).toBe('Checkout')
    expect(runCommand('board.rename', ctx, { title: '   ' })).toBe(false)
    expect(readBoardTitle(ctx.doc)).toBe('Checkout')
  })

  it('refuses every one of them on a view link', () => {
    const ctx = context(true)
    const id = createNote(ctx.doc, { ...firstCell(ctx), text: 'mine' })
    const before = Y.encodeStateVector(ctx.doc)
    expect(runCommand('note.moveTo', ctx, { notes: [id], at: farCorner(ctx.getLayout(), 2, 2) })).toBe(false)
    expect(runCommand('note.addInCell', ctx, { cell: firstCell(ctx) })).toBe(false)
    expect(runCommand('note.resize', ctx, { note: id, size: { w: 300, h: 300 } })).toBe(false)
    expect(runCommand('note.setText', ctx, { note: id, text: 'theirs' })).toBe(false)
    expect(runCommand('board.rename', ctx, { title: 'Mine now' })).toBe(false)
    expect(Y.encodeStateVector(ctx.doc)).toEqual(before)
  })
})

describe('the parking lot', () => {
  it('parks notes dropped beside the grid where they were let go, and takes them back into a cell', () => {
    const ctx = context()
    const id = createNote(ctx.doc, { ...firstCell(ctx), text: 'later' })
    const layout = ctx.getLayout()
    const at = { x: layout.parking.x + 200, y: 400 }
    runCommand('note.moveTo', ctx, { notes: [id], at })
    expect(isParked(note(ctx, id))).toBe(true)
    const parked = ctx.getLayout()
    const box = parked.notes.get(id)!
    expect(box.x + box.w / 2).toBeCloseTo(at.x, 0)
    expect(box.y + box.h / 2).toBeCloseTo(at.y, 0)
    expect(parked.cells.get(PARKING_CELL)).toEqual([id])
    const target = parked.stages[1]!
    runCommand('note.moveTo', ctx, { notes: [id], at: { x: target.x + 20, y: parked.lanes[0]!.y + 20 } })
    expect(note(ctx, id)).toMatchObject({ stageId: target.id, laneId: parked.lanes[0]!.id })
    expect(ctx.getLayout().parking.used).toBe(false)
  })

  it('sends the selection to the parking lot from the note menu, under what is parked already', () => {
    const ctx = context()
    const a = createNote(ctx.doc, { ...firstCell(ctx), text: 'a' })
    const b = createNote(ctx.doc, { ...firstCell(ctx), text: 'b' })
    selectOnly([a])
    runCommand('note.park', ctx)
    selectOnly([b])
    runCommand('note.park', ctx)
    const layout = ctx.getLayout()
    expect(layout.cells.get(PARKING_CELL)?.sort()).toEqual([a, b].sort())
    expect(layout.notes.get(b)!.y).toBeGreaterThan(layout.notes.get(a)!.y + layout.notes.get(a)!.h - 1)
    ctx.history!.undo()
    expect(isParked(note(ctx, b))).toBe(false)
  })
})

describe('deleting a selected arrow', () => {
  it('removes the selected connectors with the Delete command, notes kept, in one undo step', () => {
    const ctx = context()
    const a = createNote(ctx.doc, { ...firstCell(ctx), text: 'a' })
    const b = createNote(ctx.doc, { ...firstCell(ctx), text: 'b' })
    const arrow = addConnector(ctx.doc, { from: a, to: b })!
    selectOnly([arrow])
    expect(runCommand('note.delete', ctx)).toBe(true)
    expect(readConnectors(ctx.doc)).toEqual([])
    expect(getNotes(ctx.doc).has(a) && getNotes(ctx.doc).has(b)).toBe(true)
    ctx.history!.undo()
    expect(readConnectors(ctx.doc).map((c) => c.id)).toEqual([arrow])
  })
})
