import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NoteId } from '../../../shared/src/board/ids'
import {
  createNote,
  getNotes,
  readLanes,
  readNote,
  readNotes,
  readStages,
  removeStage,
  updateNote,
  updateNotes,
} from '../../../shared/src/board/schema'
import { applyNotesLifecycle } from '../../../shared/src/board/testing/notesLifecycle'
import { cellKey, computeLayout, UNSORTED_CELL } from '../../../shared/src/layout/grid'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { type NudgeDirection, planNudge } from './nudge'

function board() {
  const doc = new Y.Doc()
  applyNotesLifecycle(doc, 'customer-lifecycle', { title: 'T' })
  const stages = readStages(doc)
  const lanes = readLanes(doc)
  const at = (s: number, l: number, text: string) =>
    createNote(doc, { stageId: stages[s]!.id, laneId: lanes[l]!.id, text })
  const layout = () => computeLayout(readStages(doc), readLanes(doc), readNotes(doc))
  const nudge = (ids: NoteId[], direction: NudgeDirection) => {
    const orderOf = (id: NoteId) => readNote(id, getNotes(doc).get(id))?.order
    updateNotes(doc, planNudge(layout(), orderOf, new Set(ids), direction))
  }
  const cell = (s: number, l: number) =>
    (layout().cells.get(cellKey(stages[s]!.id, lanes[l]!.id)) ?? []).map(
      (id) => readNote(id, getNotes(doc).get(id))?.text,
    )
  const unsorted = () =>
    (layout().cells.get(UNSORTED_CELL) ?? []).map((id) => readNote(id, getNotes(doc).get(id))?.text)
  return { doc, at, nudge, cell, unsorted, stages, lanes }
}

describe('planNudge', () => {
  it('moves a note one place earlier or later in its cell, and stops at the ends', () => {
    const b = board()
    b.at(0, 0, 'a')
    const n = b.at(0, 0, 'b')
    b.at(0, 0, 'c')
    b.nudge([n], 'earlier')
    expect(b.cell(0, 0)).toEqual(['b', 'a', 'c'])
    b.nudge([n], 'earlier')
    expect(b.cell(0, 0)).toEqual(['b', 'a', 'c'])
    b.nudge([n], 'later')
    b.nudge([n], 'later')
    expect(b.cell(0, 0)).toEqual(['a', 'c', 'b'])
  })

  it('moves a run of selected notes together', () => {
    const b = board()
    b.at(0, 0, 'a')
    const x = b.at(0, 0, 'x')
    const y = b.at(0, 0, 'y')
    b.at(0, 0, 'd')
    b.nudge([x, y], 'later')
    expect(b.cell(0, 0)).toEqual(['a', 'd', 'x', 'y'])
    b.nudge([x, y], 'earlier')
    b.nudge([x, y], 'earlier')
    expect(b.cell(0, 0)).toEqual(['x', 'y', 'a', 'd'])
  })

  it('moves to the lane below or above, appended at the end of that cell', () => {
    const b = board()
    const n = b.at(1, 0, 'n')
    b.at(1, 1, 'there')
    b.nudge([n], 'laneDown')
    expect(b.cell(1, 1)).toEqual(['there', 'n'])
    b.nudge([n], 'laneUp')
    b.nudge([n], 'laneUp')
    expect(b.cell(1, 0)).toEqual(['n'])
    expect(b.cell(1, 1)).toEqual(['there'])
  })

  it('moves to the previous or next stage in the same lane, and stays at the board’s edge', () => {
    const b = board()
    const n = b.at(0, 2, 'n')
    b.nudge([n], 'stageBefore')
    expect(b.cell(0, 2)).toEqual(['n'])
    b.nudge([n], 'stageAfter')
    expect(b.cell(0, 2)).toEqual([])
    expect(b.cell(1, 2)).toEqual(['n'])
  })

  it('keeps the reading order of notes arriving from several cells', () => {
    const b = board()
    const p = b.at(0, 0, 'p')
    const q = b.at(0, 1, 'q')
    b.nudge([p, q], 'stageAfter')
    expect(b.cell(1, 0)).toEqual(['p'])
    expect(b.cell(1, 1)).toEqual(['q'])
    b.nudge([p, q], 'laneDown')
    expect(b.cell(1, 1)).toEqual(['p'])
    expect(b.cell(1, 2)).toEqual(['q'])
  })

  it('brings Unsorted notes back onto the grid with Up: the bottom lane, under the column they sit in', () => {
    const b = board()
    const gone = b.at(2, 0, 'from a deleted stage')
    const other = b.at(2, 1, 'also orphaned')
    b.at(0, 4, 'already there')
    removeStage(b.doc, b.stages[2]!.id)
    expect(b.unsorted().sort()).toEqual(['also orphaned', 'from a deleted stage'])
    for (const direction of ['laneDown', 'stageBefore', 'stageAfter', 'earlier'] as const) {
      b.nudge([gone], direction)
      expect(b.unsorted()).toContain('from a deleted stage')
    }
    // Unsorted notes flow from the left edge, so both sit under the first column here.
    b.nudge([gone, other], 'laneUp')
    expect(b.unsorted()).toEqual([])
    const arrived = b.cell(0, 4)
    expect(arrived[0]).toBe('already there') // appended after what was there
    expect(arrived.slice(1).sort()).toEqual(['also orphaned', 'from a deleted stage'])
  })

  it('sends each Unsorted note up into the stage column it is drawn under', () => {
    const b = board()
    for (let i = 0; i < 14; i++) b.at(5, 0, `orphan ${i}`)
    removeStage(b.doc, b.stages[5]!.id)
    const before = computeLayout(readStages(b.doc), readLanes(b.doc), readNotes(b.doc))
    const ids = before.cells.get(UNSORTED_CELL) ?? []
    const columnOf = (x: number) => before.stages.findIndex((s) => x < s.x + s.w)
    const centre = (id: NoteId) => before.notes.get(id)!.x + before.notes.get(id)!.w / 2
    const expected = new Map(ids.map((id) => [id, before.stages[columnOf(centre(id))]!.id]))
    expect(new Set(expected.values()).size).toBeGreaterThan(1)
    b.nudge(ids, 'laneUp')
    for (const id of ids) {
      const note = readNote(id, getNotes(b.doc).get(id))
      expect(note?.stageId).toBe(expected.get(id))
      expect(note?.laneId).toBe(b.lanes.at(-1)!.id)
    }
  })
})

describe('planNudge across content lanes', () => {
  it('moves a note down past a channels lane and an emotion curve to the next lane that holds notes', () => {
    const doc = new Y.Doc()
    applyTemplate(doc, 'customer-lifecycle', { title: 'v2' })
    const lanes = readLanes(doc)
    const actions = lanes.find((l) => l.kind === 'actions')!
    const thoughts = lanes.find((l) => l.kind === 'thoughts')!
    const pains = lanes.find((l) => l.kind === 'pain-points')!
    const stage = readStages(doc)[0]!
    const id = createNote(doc, { stageId: stage.id, laneId: actions.id, text: 'x' })
    const layoutOf = () => computeLayout(readStages(doc), readLanes(doc), readNotes(doc))
    const orderOf = (n: NoteId) => readNotes(doc).find((note) => note.id === n)?.order
    const down = planNudge(layoutOf(), orderOf, new Set([id]), 'laneDown')
    expect(down.get(id)?.laneId).toBe(thoughts.id)
    updateNote(doc, id, down.get(id)!)
    expect(planNudge(layoutOf(), orderOf, new Set([id]), 'laneDown').get(id)?.laneId).toBe(pains.id)
  })
})
