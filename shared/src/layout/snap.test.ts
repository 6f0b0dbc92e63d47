import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, readBoard, updateNotes } from '../board/schema'
import { applyTemplate } from '../templates/applyTemplate'
import { computeLayout } from './grid'
import { snapNotesToCell } from './snap'

function setup() {
  const doc = new Y.Doc()
  applyTemplate(doc, 'customer-lifecycle', { title: 't' })
  const { stages, lanes } = readBoard(doc)
  const ids = ['A', 'B', 'C'].map((text) =>
    createNote(doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, text }),
  )
  return { doc, stages, lanes, ids }
}

const textsIn = (doc: Y.Doc, stageId: string, laneId: string) =>
  readBoard(doc)
    .notes.filter((n) => n.stageId === stageId && n.laneId === laneId)
    .map((n) => n.text)

describe('snapNotesToCell', () => {
  it('moves a note into the cell under the drop point, at the end', () => {
    const { doc, stages, lanes, ids } = setup()
    const board = readBoard(doc)
    const layout = computeLayout(board.stages, board.lanes, board.notes)
    const target = layout.stages[3]!
    const lane = layout.lanes[2]!
    const orders = new Map(board.notes.map((n) => [n.id, n.order]))
    const drop = snapNotesToCell(layout, (id) => orders.get(id), [ids[0]!], {
      x: target.x + target.w / 2,
      y: lane.y + lane.h - 5,
    })!
    expect(drop).toMatchObject({ stageId: stages[3]!.id, laneId: lanes[2]!.id })
    updateNotes(
      doc,
      new Map([[ids[0]!, { stageId: drop.stageId, laneId: drop.laneId, order: drop.orders[0]! }]]),
    )
    expect(textsIn(doc, stages[3]!.id, lanes[2]!.id)).toEqual(['A'])
    expect(textsIn(doc, stages[0]!.id, lanes[0]!.id)).toEqual(['B', 'C'])
  })

  it('reorders within a cell: dropping C on the left half of A puts it first', () => {
    const { doc, stages, lanes, ids } = setup()
    const board = readBoard(doc)
    const layout = computeLayout(board.stages, board.lanes, board.notes)
    const a = layout.notes.get(ids[0]!)!
    const orders = new Map(board.notes.map((n) => [n.id, n.order]))
    const drop = snapNotesToCell(layout, (id) => orders.get(id), [ids[2]!], { x: a.x + 5, y: a.y + 5 })!
    updateNotes(doc, new Map([[ids[2]!, { order: drop.orders[0]! }]]))
    expect(textsIn(doc, stages[0]!.id, lanes[0]!.id)).toEqual(['C', 'A', 'B'])
  })

  it('lands a drop outside the grid in the nearest cell', () => {
    const { doc, stages, lanes, ids } = setup()
    const board = readBoard(doc)
    const layout = computeLayout(board.stages, board.lanes, board.notes)
    const drop = snapNotesToCell(layout, () => undefined, [ids[1]!], { x: 1e6, y: -50 })!
    expect(drop).toMatchObject({ stageId: stages.at(-1)!.id, laneId: lanes[0]!.id })
  })
})
