import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addChip,
  addLane,
  createNote,
  parkNote,
  readBoard,
  setLaneCollapsed,
  setLaneHeight,
  setStageDescription,
  setStageWidth,
  unparkNote,
  updateNote,
} from '../board/schema'
import { applyNotesLifecycle } from '../board/testing/notesLifecycle'
import { rectsIntersect } from './geometry'
import {
  COLLAPSED_LANE_H,
  cellKey,
  computeLayout,
  GRID,
  inParkingLot,
  parkingOrigin,
  UNSORTED_CELL,
} from './grid'
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

describe('content lanes, resized and collapsed lanes', () => {
  function withLanes() {
    const { doc, stages } = board(0)
    const channels = addLane(doc, 'Channels', 'channels')
    const actions = readBoard(doc).lanes[0]!.id
    return { doc, stages, channels, actions }
  }
  const layoutOf = (doc: Y.Doc) => {
    const b = readBoard(doc)
    return computeLayout(b.stages, b.lanes, b.notes, { chips: b.chips, laneTexts: b.laneTexts })
  }
  const rowOf = (doc: Y.Doc, id: string) => layoutOf(doc).lanes.find((l) => l.id === id)!

  it('grows a channels lane with its fullest cell of chips', () => {
    const { doc, stages, channels } = withLanes()
    const empty = rowOf(doc, channels).h
    for (let i = 0; i < 12; i++)
      addChip(doc, { laneId: channels, stageId: stages[0]!.id, channel: 'word-of-mouth' })
    expect(rowOf(doc, channels).h).toBeGreaterThan(empty)
  })

  it('takes a height set by hand, but never hides content below it', () => {
    const { doc, stages, channels, actions } = withLanes()
    setLaneHeight(doc, actions, 90)
    expect(rowOf(doc, actions).h).toBe(90)
    createNote(doc, { stageId: stages[0]!.id, laneId: actions, text: 'x' })
    expect(rowOf(doc, actions).h).toBeGreaterThanOrEqual(GRID.minLaneH)
    setLaneHeight(doc, channels, 600)
    expect(rowOf(doc, channels).h).toBe(600)
  })

  it('draws a collapsed lane as its header only and hides its notes, keeping them in its cells', () => {
    const { doc, stages, actions } = withLanes()
    const id = createNote(doc, { stageId: stages[0]!.id, laneId: actions, text: 'kept' })
    setLaneCollapsed(doc, actions, true)
    const layout = layoutOf(doc)
    expect(layout.lanes[0]!.h).toBe(COLLAPSED_LANE_H)
    expect(layout.notes.has(id)).toBe(false)
    expect(layout.cells.get(cellKey(stages[0]!.id, actions))).toEqual([id])
    setLaneCollapsed(doc, actions, false)
    expect(layoutOf(doc).notes.has(id)).toBe(true)
  })
})

describe('stage descriptions, hand-set widths and the parking lot', () => {
  const layoutOf = (doc: Y.Doc) => {
    const b = readBoard(doc)
    return computeLayout(b.stages, b.lanes, b.notes)
  }

  it('makes the header row taller for every stage once one stage has a description', () => {
    const { doc, stages } = board(0)
    expect(layoutOf(doc).headerH).toBe(GRID.stageHeaderH)
    setStageDescription(doc, stages[1]!.id, 'Customer compares plans')
    const layout = layoutOf(doc)
    expect(layout.headerH).toBe(GRID.stageHeaderH + GRID.stageDescriptionH)
    expect(layout.lanes[0]!.y).toBe(layout.headerH)
    expect(layout.stages[1]!.description).toBe('Customer compares plans')
    expect(pointToCell(layout, { x: layout.stages[0]!.x + 5, y: GRID.stageHeaderH + 5 })).toBeNull()
  })

  it('gives a stage the width set by hand, but never narrower than its widest note', () => {
    const { doc, stages, lanes } = board(0)
    setStageWidth(doc, stages[0]!.id, 900)
    expect(layoutOf(doc).stages[0]!.w).toBe(900)
    setStageWidth(doc, stages[0]!.id, 150)
    const id = createNote(doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'wide' })
    updateNote(doc, id, { w: 400 })
    expect(layoutOf(doc).stages[0]!.w).toBe(400 + 2 * GRID.cellPaddingPx)
  })

  it('lays the parking lot right of the grid; a parked note sits where it was left, and only then is the lot drawn', () => {
    const { doc, stages, lanes } = board(1)
    const empty = layoutOf(doc)
    expect(empty.parking.used).toBe(false)
    expect(empty.parking.x).toBe(empty.width + GRID.parkingGapPx)
    expect(empty.bounds).toEqual({ x: 0, y: 0, w: empty.width, h: empty.height })
    const id = createNote(doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'later' })
    parkNote(doc, id, 300, 1200)
    const layout = layoutOf(doc)
    const box = layout.notes.get(id)!
    const origin = parkingOrigin(layout.parking, layout.headerH)
    expect(box.x).toBe(origin.x + 300)
    expect(box.y).toBe(origin.y + 1200)
    expect(layout.parking.used).toBe(true)
    expect(layout.unsorted).toBeNull()
    // The lot grows to hold it, and the drawn bounds take the lot in.
    expect(layout.parking.x + layout.parking.w).toBeGreaterThanOrEqual(box.x + box.w)
    expect(layout.parking.h).toBeGreaterThanOrEqual(box.y + box.h)
    expect(layout.bounds.w).toBe(layout.parking.x + layout.parking.w)
    expect(inParkingLot(layout, { x: box.x, y: box.y })).toBe(true)
    expect(inParkingLot(layout, { x: layout.width - 10, y: 100 })).toBe(false)
    unparkNote(doc, id, { stageId: stages[1]!.id, laneId: lanes[0]!.id })
    expect(layoutOf(doc).parking.used).toBe(false)
    expect(layoutOf(doc).cells.get(cellKey(stages[1]!.id, lanes[0]!.id))).toContain(id)
  })
})
