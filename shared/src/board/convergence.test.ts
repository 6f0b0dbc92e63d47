/*
 * Three peers make random interleaved edits (create, move across cells, type, delete, reorder and
 * remove stages) and exchange updates in random order with partitions. Whatever happens, they must
 * converge to the same board, and that board must stay valid: every note readable and placed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { computeLayout } from '../layout/grid'
import { keyBetween } from '../order'
import { applyTemplate } from '../templates/applyTemplate'
import type { NoteId } from './ids'
import {
  createNote,
  deleteNotes,
  getNotes,
  getNoteText,
  moveStage,
  readBoard,
  removeStage,
  updateNote,
} from './schema'

type Op =
  | { kind: 'create'; peer: number; stage: number; lane: number; text: string }
  | { kind: 'move'; peer: number; pick: number; stage: number; lane: number }
  | { kind: 'type'; peer: number; pick: number; at: number; text: string }
  | { kind: 'erase'; peer: number; pick: number; at: number }
  | { kind: 'delete'; peer: number; pick: number }
  | { kind: 'reorderStage'; peer: number; stage: number; to: number }
  | { kind: 'removeStage'; peer: number; stage: number }
  | { kind: 'deliver'; from: number; to: number }

const peer = fc.nat(2)
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      peer,
      stage: fc.nat(7),
      lane: fc.nat(6),
      text: fc.string({ maxLength: 8 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      peer,
      pick: fc.nat(),
      stage: fc.nat(7),
      lane: fc.nat(6),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      peer,
      pick: fc.nat(),
      at: fc.nat(),
      text: fc.string({ minLength: 1, maxLength: 4 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('erase' as const), peer, pick: fc.nat(), at: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), peer, pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reorderStage' as const),
      peer,
      stage: fc.nat(7),
      to: fc.nat(7),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeStage' as const), peer, stage: fc.nat(7) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), from: peer, to: peer }) },
)

function apply(peers: Y.Doc[], step: Op): void {
  if (step.kind === 'deliver') {
    const from = peers[step.from]!
    const to = peers[step.to]!
    if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
    return
  }
  const doc = peers[step.peer]!
  const board = readBoard(doc)
  const noteIds = [...getNotes(doc).keys()] as NoteId[]
  const pickNote = (pick: number) => (noteIds.length > 0 ? noteIds[pick % noteIds.length] : undefined)
  const stage = 'stage' in step ? board.stages[step.stage % Math.max(1, board.stages.length)] : undefined
  const lane = 'lane' in step ? board.lanes[step.lane % board.lanes.length] : undefined
  switch (step.kind) {
    case 'create':
      if (stage && lane) createNote(doc, { stageId: stage.id, laneId: lane.id, text: step.text })
      return
    case 'move': {
      const id = pickNote(step.pick)
      if (id && stage && lane)
        updateNote(doc, id, { stageId: stage.id, laneId: lane.id, order: keyBetween(null, null) })
      return
    }
    case 'type':
    case 'erase': {
      const id = pickNote(step.pick)
      const text = id && getNoteText(doc, id)
      if (!text) return
      const at = step.at % (text.length + 1)
      if (step.kind === 'type') text.insert(at, step.text)
      else if (text.length > 0) text.delete(Math.min(at, text.length - 1), 1)
      return
    }
    case 'delete': {
      const id = pickNote(step.pick)
      if (id) deleteNotes(doc, [id])
      return
    }
    case 'reorderStage': {
      const target = board.stages[step.to % Math.max(1, board.stages.length)]
      if (stage && target && stage !== target) {
        const index = board.stages.indexOf(target)
        const before = board.stages[index - 1]?.order ?? null
        if (before === null || before < target.order)
          moveStage(doc, stage.id, keyBetween(before, target.order))
      }
      return
    }
    case 'removeStage':
      if (stage && board.stages.length > 1) removeStage(doc, stage.id)
  }
}

describe('three peers editing at random', () => {
  it('converge to one valid board whatever the delivery order', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 120 }), (ops) => {
        const peers = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
        applyTemplate(peers[0]!, 'customer-lifecycle', { title: 'Random' })
        for (const p of peers.slice(1)) Y.applyUpdate(p, Y.encodeStateAsUpdate(peers[0]!))
        for (const step of ops) apply(peers, step)
        // Heal the partitions: everyone hears from everyone.
        for (let round = 0; round < 2; round++)
          for (const from of [0, 1, 2])
            for (const to of [0, 1, 2]) apply(peers, { kind: 'deliver', from, to })
        const boards = peers.map(readBoard)
        expect(boards[1]).toEqual(boards[0])
        expect(boards[2]).toEqual(boards[0])
        const board = boards[0]!
        expect(board.notes.length).toBe(getNotes(peers[0]!).size)
        const layout = computeLayout(board.stages, board.lanes, board.notes)
        for (const note of board.notes) expect(layout.notes.has(note.id)).toBe(true)
      }),
      { seed: Number(process.env.FC_SEED ?? 20261124), numRuns: Number(process.env.FC_RUNS ?? 150) },
    )
  })
})
