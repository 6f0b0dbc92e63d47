import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readLanes, readNotes, readStages, removeStage } from '../../../shared/src/board/schema'
import { computeLayout, GRID } from '../../../shared/src/layout/grid'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { hitAt } from './hitAt'

function board() {
  const doc = new Y.Doc()
  applyTemplate(doc, 'customer-lifecycle', { title: 'T' })
  const [first, second] = readStages(doc)
  const [lane] = readLanes(doc)
  const kept = createNote(doc, { stageId: second!.id, laneId: lane!.id })
  const orphan = createNote(doc, { stageId: first!.id, laneId: lane!.id })
  removeStage(doc, first!.id)
  const layout = computeLayout(readStages(doc), readLanes(doc), readNotes(doc))
  return { layout, kept, orphan }
}

const centre = (r: { x: number; y: number; w: number; h: number }) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 })

describe('hitAt', () => {
  it('finds notes first, in a cell and in the Unsorted row', () => {
    const { layout, kept, orphan } = board()
    expect(hitAt(layout, centre(layout.notes.get(kept)!))).toEqual({ kind: 'note', id: kept })
    expect(hitAt(layout, centre(layout.notes.get(orphan)!))).toEqual({ kind: 'note', id: orphan })
  })

  it('tells headers, cells, the Unsorted row and empty space apart', () => {
    const { layout } = board()
    const stage = layout.stages[0]!
    const lane = layout.lanes[1]!
    expect(hitAt(layout, { x: stage.x + 5, y: GRID.stageHeaderH / 2 })).toEqual({
      kind: 'header',
      header: { kind: 'stage', id: stage.id },
    })
    expect(hitAt(layout, { x: 5, y: lane.y + 5 })).toEqual({
      kind: 'header',
      header: { kind: 'lane', id: lane.id },
    })
    expect(hitAt(layout, { x: stage.x + 5, y: lane.y + 5 })).toEqual({
      kind: 'cell',
      cell: { stageId: stage.id, laneId: lane.id },
    })
    const unsorted = layout.unsorted!
    expect(hitAt(layout, { x: unsorted.x + unsorted.w - 5, y: unsorted.y + unsorted.h - 5 })).toEqual({
      kind: 'unsorted',
    })
    expect(hitAt(layout, { x: -50, y: -50 })).toEqual({ kind: 'empty' })
    expect(hitAt(layout, { x: layout.width + 50, y: 100 })).toEqual({ kind: 'empty' })
  })
})

describe('hitAt: header edges', () => {
  it('finds a stage header’s right edge and a lane header’s bottom edge only when asked, within the slop', () => {
    const { layout } = board()
    const stage = layout.stages[0]!
    const lane = layout.lanes[1]!
    const right = { x: stage.x + stage.w - 2, y: GRID.stageHeaderH / 2 }
    expect(hitAt(layout, right, 4)).toEqual({
      kind: 'edge',
      header: { kind: 'stage', id: stage.id },
      from: stage.x,
    })
    expect(hitAt(layout, right).kind).toBe('header')
    expect(hitAt(layout, { x: stage.x + stage.w - 10, y: GRID.stageHeaderH / 2 }, 4).kind).toBe('header')
    expect(hitAt(layout, { x: 30, y: lane.y + lane.h + 3 }, 4)).toEqual({
      kind: 'edge',
      header: { kind: 'lane', id: lane.id },
      from: lane.y,
    })
    // Inside the cells an edge is just a cell.
    expect(hitAt(layout, { x: stage.x + stage.w - 1, y: lane.y + 20 }, 4).kind).toBe('cell')
  })
})
