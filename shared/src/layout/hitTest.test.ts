import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readBoard } from '../board/schema'
import { applyNotesLifecycle } from '../board/testing/notesLifecycle'
import { computeLayout, countNotesUnder, GRID, headerRect, headerTitle } from './grid'
import { headerGapAt, headerGapLine, nearestCell, pointToHeader } from './hitTest'

function layoutWithNotes() {
  const doc = new Y.Doc()
  applyNotesLifecycle(doc, 'customer-lifecycle', { title: 't' })
  const { stages, lanes } = readBoard(doc)
  createNote(doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id })
  createNote(doc, { stageId: stages[0]!.id, laneId: lanes[1]!.id })
  createNote(doc, { stageId: stages[1]!.id, laneId: lanes[1]!.id })
  const board = readBoard(doc)
  return { stages, lanes, layout: computeLayout(board.stages, board.lanes, board.notes) }
}

describe('pointToHeader', () => {
  const { stages, lanes, layout } = layoutWithNotes()

  it('finds the stage header above a column and the lane header left of a row', () => {
    const stage = layout.stages[2]!
    expect(pointToHeader(layout, { x: stage.x + 5, y: GRID.stageHeaderH / 2 })).toEqual({
      kind: 'stage',
      id: stages[2]!.id,
    })
    const lane = layout.lanes[3]!
    expect(pointToHeader(layout, { x: 10, y: lane.y + lane.h - 1 })).toEqual({
      kind: 'lane',
      id: lanes[3]!.id,
    })
  })

  it('finds nothing over cells, the top-left corner or outside the board', () => {
    const cell = { x: layout.stages[0]!.x + 10, y: layout.lanes[0]!.y + 10 }
    expect(pointToHeader(layout, cell)).toBeNull()
    expect(pointToHeader(layout, { x: 10, y: 10 })).toBeNull()
    expect(pointToHeader(layout, { x: -10, y: 200 })).toBeNull()
    expect(pointToHeader(layout, { x: 10, y: layout.height + 5 })).toBeNull()
  })

  it('agrees with headerRect', () => {
    for (const header of [
      { kind: 'stage', id: stages[4]!.id },
      { kind: 'lane', id: lanes[2]!.id },
    ] as const) {
      const rect = headerRect(layout, header)!
      expect(pointToHeader(layout, { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 })).toEqual(header)
    }
    expect(headerRect(layout, { kind: 'lane', id: 'lane:gone' })).toBeNull()
    expect(headerTitle(layout, { kind: 'stage', id: stages[4]!.id })).toBe('Retention')
    expect(headerTitle(layout, { kind: 'stage', id: 'stage:gone' })).toBeNull()
  })
})

describe('countNotesUnder', () => {
  const { stages, lanes, layout } = layoutWithNotes()

  it('counts the notes of a column or a row', () => {
    expect(countNotesUnder(layout, { kind: 'stage', id: stages[0]!.id })).toBe(2)
    expect(countNotesUnder(layout, { kind: 'stage', id: stages[1]!.id })).toBe(1)
    expect(countNotesUnder(layout, { kind: 'lane', id: lanes[1]!.id })).toBe(2)
    expect(countNotesUnder(layout, { kind: 'lane', id: lanes[4]!.id })).toBe(0)
  })
})

describe('headerGapAt', () => {
  const { layout } = layoutWithNotes()

  it('finds the gap nearest the pointer along the header axis', () => {
    const third = layout.stages[2]!
    expect(headerGapAt(layout, 'stage', { x: third.x + 5, y: 0 })).toBe(2)
    expect(headerGapAt(layout, 'stage', { x: third.x + third.w - 5, y: 0 })).toBe(3)
    expect(headerGapAt(layout, 'stage', { x: -100, y: 0 })).toBe(0)
    expect(headerGapAt(layout, 'stage', { x: layout.width + 100, y: 0 })).toBe(layout.stages.length)
    const lane = layout.lanes[1]!
    expect(headerGapAt(layout, 'lane', { x: 0, y: lane.y + lane.h - 2 })).toBe(2)
  })

  it('draws a gap on the border between two headers, or at the far edge', () => {
    expect(headerGapLine(layout, 'stage', 2).x).toBe(layout.stages[2]!.x)
    const last = layout.stages.at(-1)!
    expect(headerGapLine(layout, 'stage', layout.stages.length).x).toBe(last.x + last.w)
    expect(headerGapLine(layout, 'lane', 0).y).toBe(GRID.stageHeaderH)
  })
})

describe('nearestCell', () => {
  const { stages, lanes, layout } = layoutWithNotes()
  const cell = (stage: number, lane: number) => ({ stageId: stages[stage]!.id, laneId: lanes[lane]!.id })

  it('finds the cell under the point, or the nearest one from outside the grid', () => {
    const [s2, l3] = [layout.stages[2]!, layout.lanes[3]!]
    expect(nearestCell(layout, { x: s2.x + 5, y: l3.y + 5 })).toEqual(cell(2, 3))
    expect(nearestCell(layout, { x: -500, y: l3.y + 5 })).toEqual(cell(0, 3))
    expect(nearestCell(layout, { x: s2.x + 5, y: -500 })).toEqual(cell(2, 0))
    expect(nearestCell(layout, { x: 1e6, y: 1e6 })).toEqual(cell(stages.length - 1, lanes.length - 1))
  })

  it('every lane of today’s kinds takes notes', () => {
    for (const [i, lane] of layout.lanes.entries()) {
      expect(nearestCell(layout, { x: layout.stages[0]!.x + 1, y: lane.y + 1 })).toEqual(cell(0, i))
    }
  })

  it('over a lane that takes no notes, picks the closest lane that does', () => {
    const notInMiddle = (lane: { id: string }) => lane.id !== lanes[2]!.id
    const middle = layout.lanes[2]!
    const x = layout.stages[1]!.x + 5
    expect(nearestCell(layout, { x, y: middle.y + 10 }, notInMiddle)).toEqual(cell(1, 1))
    expect(nearestCell(layout, { x, y: middle.y + middle.h - 10 }, notInMiddle)).toEqual(cell(1, 3))
    expect(nearestCell(layout, { x, y: layout.lanes[3]!.y + 1 }, notInMiddle)).toEqual(cell(1, 3))
    expect(nearestCell(layout, { x, y: middle.y + 10 }, () => false)).toBeNull()
  })
})
