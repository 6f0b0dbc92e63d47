import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changeLaneKind, planLaneKindChange } from './laneKindChange'
import { addLane, addStage, createNote, getAllTopLevel, getLaneText, readBoard, setScore } from './schema'

function board() {
  const doc = new Y.Doc()
  const a = addStage(doc, 'Awareness', 'a')
  const b = addStage(doc, 'Purchase', 'b')
  return { doc, a, b }
}

describe('planLaneKindChange', () => {
  it('converts notes ↔ text, keeps like for like and asks for anything else', () => {
    expect(planLaneKindChange('actions', 'actions')).toBe('same')
    expect(planLaneKindChange('actions', 'pain-points')).toBe('keep')
    expect(planLaneKindChange('thoughts', 'text')).toBe('convert')
    expect(planLaneKindChange('text', 'opportunities')).toBe('convert')
    expect(planLaneKindChange('actions', 'emotion-curve')).toBe('confirm')
    expect(planLaneKindChange('emotion-curve', 'metrics')).toBe('confirm')
    expect(planLaneKindChange('channels', 'actions')).toBe('confirm')
    // A kind this build does not know may hold anything: always ask.
    expect(planLaneKindChange('unknown', 'visibility')).toBe('confirm')
  })
})

describe('changeLaneKind', () => {
  it('joins each cell’s notes into its text block, in reading order, and one undo reverts it', () => {
    const { doc, a, b } = board()
    const lane = addLane(doc, 'Goals', 'actions')
    createNote(doc, { stageId: a, laneId: lane, order: 'b', text: 'second' })
    createNote(doc, { stageId: a, laneId: lane, order: 'a', text: 'first' })
    createNote(doc, { stageId: b, laneId: lane, text: '  ' })
    const undo = new Y.UndoManager(getAllTopLevel(doc), { trackedOrigins: new Set(['local']) })
    expect(changeLaneKind(doc, lane, 'text')).toBe('convert')
    let content = readBoard(doc)
    expect(content.lanes[0]?.kind).toBe('text')
    expect(content.notes.filter((n) => n.stageId === a)).toEqual([])
    expect(content.laneTexts.find((t) => t.stageId === a)?.text).toBe('first\n\nsecond')
    // A blank note has no words to keep, and is left where it was.
    expect(content.laneTexts.find((t) => t.stageId === b)?.text).toBe('')
    expect(undo.undoStack).toHaveLength(1)
    undo.undo()
    content = readBoard(doc)
    expect(content.lanes[0]?.kind).toBe('actions')
    expect(content.notes.filter((n) => n.stageId === a).map((n) => n.text)).toEqual(['first', 'second'])
    expect(content.notes).toHaveLength(3)
    expect(content.laneTexts).toEqual([])
  })

  it('turns each text block into one note, and drops the blocks', () => {
    const { doc, a, b } = board()
    const lane = addLane(doc, 'Story', 'text')
    getLaneText(doc, lane, a).insert(0, 'She compares plans')
    expect(changeLaneKind(doc, lane, 'thoughts')).toBe('convert')
    const content = readBoard(doc)
    expect(content.notes.map((n) => [n.stageId, n.text, n.color])).toEqual([
      [a, 'She compares plans', 'pink'],
    ])
    expect(content.laneTexts).toEqual([])
    expect(content.notes.some((n) => n.stageId === b)).toBe(false)
  })

  it('on a confirmed change keeps the content the new kind does not show', () => {
    const { doc, a } = board()
    const lane = addLane(doc, 'Feelings', 'emotion-curve')
    setScore(doc, lane, a, 'persona:default', -1)
    expect(changeLaneKind(doc, lane, 'metrics')).toBe('confirm')
    expect(readBoard(doc).scores).toHaveLength(1)
    expect(changeLaneKind(doc, lane, 'emotion-curve')).toBe('confirm')
    expect(readBoard(doc).scores[0]?.value).toBe(-1)
  })
})
