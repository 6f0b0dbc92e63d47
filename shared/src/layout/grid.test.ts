import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readBoard } from '../board/schema'
import { applyNotesLifecycle } from '../board/testing/notesLifecycle'
import { rectsIntersect } from './geometry'
import { cellKey, computeLayout, GRID, UNSORTED_CELL } from './grid'
import { pointToCell } from './hitTest'

function board(notesPerCell: number) {
  const doc = new Y.Doc()
  applyNotesLifecycle(doc, 'customer-lifecycle', { title: 't' })
  const { stages, lanes } = readBoard(doc)
  for (const stage of stages) {
    for (const lane of lanes) {
      for (let i = 0; i < notesPerCell; i++)
        createNote(doc, { stageId: stage.id, laneId: lane.id, text: `${i}` })
    }
  }
  return { doc, ...readBoard(doc) }
}

describe('computeLayout', () => {
  it('places stages left to right and lanes top to bottom after the headers', () => {
    const { stages, lanes, notes } = board(0)
    const layout = computeLayout(stages, lanes, notes)
    expect(layout.stages[0]!.x).toBe(GRID.laneHeaderW)
    expect(layout.lanes[0]!.y).toBe(GRID.stageHeaderH)
    for (let i = 1; i < layout.stages.length; i++) {
      const prev = layout.stages[i - 1]!
      expect(layout.stages[i]!.x).toBe(prev.x + prev.w)
    }
    expect(layout.height).toBe(layout.lanes.at(-1)!.y + layout.lanes.at(-1)!.h)
  })

  it('keeps every note inside its own cell and never overlapping another', () => {
    const { stages, lanes, notes } = board(7)
    const layout = computeLayout(stages, lanes, notes)
    const boxes = [...layout.notes.values()]
    for (const note of notes) {
      const box = layout.notes.get(note.id)!
      expect(pointToCell(layout, { x: box.x + 1, y: box.y + 1 })).toEqual({
        stageId: note.stageId,
        laneId: note.laneId,
      })
      expect(pointToCell(layout, { x: box.x + box.w - 1, y: box.y + box.h - 1 })).toEqual({
        stageId: note.stageId,
        laneId: note.laneId,
      })
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(rectsIntersect(boxes[i]!, boxes[j]!)).toBe(false)
    }
  })

  it('widens a crowded stage so the board stays roughly square', () => {
    const { stages, lanes, notes } = board(60)
    const layout = computeLayout(stages, lanes, notes)
    const stage = layout.stages[0]!
    const lane = layout.lanes[0]!
    expect(stage.w).toBeGreaterThan(GRID.slotW * 4)
    expect(lane.h / stage.w).toBeLessThan(2)
  })

  it('flows notes whose lane was removed into the unsorted row instead of hiding them', () => {
    const { stages, lanes, notes } = board(1)
    const layout = computeLayout(stages, lanes.slice(1), notes)
    expect(layout.unsorted).not.toBeNull()
    expect(layout.cells.get(UNSORTED_CELL)).toHaveLength(stages.length)
    expect(layout.notes.size).toBe(notes.length)
    expect(layout.cells.get(cellKey(stages[0]!.id, lanes[0]!.id))).toBeUndefined()
  })
})
