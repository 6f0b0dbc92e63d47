import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addChip, addLane, createNote, readBoard, setLaneCollapsed, setLaneHeight } from '../board/schema'
import { applyNotesLifecycle } from '../board/testing/notesLifecycle'
import { rectsIntersect } from './geometry'
import { COLLAPSED_LANE_H, cellKey, computeLayout, GRID, UNSORTED_CELL } from './grid'
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
