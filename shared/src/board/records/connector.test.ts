import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoard } from '../schema'
import { addConnector, readConnectors, removeConnector, updateConnector } from './connector'
import { addLane } from './lane'
import { createNote, deleteNotes } from './note'
import { addStage, removeStage } from './stage'

function board() {
  const doc = new Y.Doc()
  const stage = addStage(doc, 'Awareness')
  const lane = addLane(doc, 'Actions', 'actions')
  const a = createNote(doc, { stageId: stage, laneId: lane })
  const b = createNote(doc, { stageId: stage, laneId: lane })
  return { doc, stage, a, b }
}

describe('connectors', () => {
  it('connects notes and stages, edits and removes; refuses a loop or a bad end', () => {
    const { doc, stage, a, b } = board()
    expect(addConnector(doc, { from: a, to: a })).toBeNull()
    expect(addConnector(doc, { from: a, to: 'lane:x' as never })).toBeNull()
    const id = addConnector(doc, { from: a, to: b, label: 'causes' })!
    updateConnector(doc, id, { route: 'elbow', to: stage, label: '' })
    expect(readConnectors(doc)).toMatchObject([{ id, from: a, to: stage, route: 'elbow', label: undefined }])
    removeConnector(doc, id)
    expect(readConnectors(doc)).toEqual([])
  })

  it('deleting a note or a stage removes the connectors touching it, in the same transaction', () => {
    const { doc, stage, a, b } = board()
    const ab = addConnector(doc, { from: a, to: b })!
    const toStage = addConnector(doc, { from: b, to: stage })!
    const undo = new Y.UndoManager([doc.getMap('notes'), doc.getMap('stages'), doc.getMap('connectors')], {
      trackedOrigins: new Set(['local']),
    })
    deleteNotes(doc, [a])
    expect(readConnectors(doc).map((c) => c.id)).toEqual([toStage])
    undo.undo()
    expect(
      readConnectors(doc)
        .map((c) => c.id)
        .sort(),
    ).toEqual([ab, toStage].sort())
    removeStage(doc, stage)
    expect(readConnectors(doc).map((c) => c.id)).toEqual([ab])
  })

  it('readBoard leaves out a connector whose end is gone (a concurrent delete)', () => {
    const { doc, a, b } = board()
    addConnector(doc, { from: a, to: b })
    doc.getMap('notes').delete(b)
    expect(readConnectors(doc)).toHaveLength(1)
    expect(readBoard(doc).connectors).toEqual([])
  })
})
