/*
 * Three peers edit emotion curves (set and clear scores, add personas) and connectors (add, reroute,
 * delete their notes) concurrently and exchange updates in random order. They must converge to the
 * same board, and that board must be valid: every score whole and in −2…2, every drawn connector
 * between two things that exist.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTemplate } from '../templates/applyTemplate'
import type { ConnectorId, NoteId, PersonaId } from './ids'
import {
  addConnector,
  addPersona,
  clearScore,
  createNote,
  deleteNotes,
  readBoard,
  removeConnector,
  setScore,
  updateConnector,
} from './schema'

type Op =
  | { kind: 'score'; peer: number; stage: number; persona: number; value: number }
  | { kind: 'clear'; peer: number; stage: number; persona: number }
  | { kind: 'persona'; peer: number }
  | { kind: 'note'; peer: number; stage: number }
  | { kind: 'connect'; peer: number; from: number; to: number; toStage: boolean }
  | { kind: 'reroute'; peer: number; pick: number }
  | { kind: 'unconnect'; peer: number; pick: number }
  | { kind: 'deleteNote'; peer: number; pick: number }
  | { kind: 'deliver'; from: number; to: number }

const peer = fc.nat(2)
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('score' as const),
    peer,
    stage: fc.nat(5),
    persona: fc.nat(3),
    value: fc.integer({ min: -3, max: 3 }),
  }),
  fc.record({ kind: fc.constant('clear' as const), peer, stage: fc.nat(5), persona: fc.nat(3) }),
  fc.record({ kind: fc.constant('persona' as const), peer }),
  fc.record({ kind: fc.constant('note' as const), peer, stage: fc.nat(5) }),
  fc.record({
    kind: fc.constant('connect' as const),
    peer,
    from: fc.nat(20),
    to: fc.nat(20),
    toStage: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('reroute' as const), peer, pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('unconnect' as const), peer, pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('deleteNote' as const), peer, pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('deliver' as const), from: peer, to: peer }),
)

const pick = <T>(items: readonly T[], i: number): T | undefined => items[i % Math.max(1, items.length)]

function run(doc: Y.Doc, o: Exclude<Op, { kind: 'deliver' }>): void {
  const board = readBoard(doc)
  const curve = board.lanes.find((l) => l.kind === 'emotion-curve')!.id
  const notesLane = board.lanes.find((l) => l.kind === 'thoughts')!.id
  const stage = (i: number) => pick(board.stages, i)!.id
  const persona = (i: number): PersonaId => pick(board.personas, i)!.id
  const notes: NoteId[] = board.notes.map((n) => n.id)
  const connectors: ConnectorId[] = board.connectors.map((c) => c.id)
  switch (o.kind) {
    case 'score':
      setScore(doc, curve, stage(o.stage), persona(o.persona), o.value)
      return
    case 'clear':
      clearScore(doc, curve, stage(o.stage), persona(o.persona))
      return
    case 'persona':
      addPersona(doc, { name: 'P' })
      return
    case 'note':
      createNote(doc, { stageId: stage(o.stage), laneId: notesLane })
      return
    case 'connect': {
      const from = pick(notes, o.from)
      const to = o.toStage ? stage(o.to) : pick(notes, o.to)
      if (from && to) addConnector(doc, { from, to, route: o.toStage ? 'elbow' : 'straight' })
      return
    }
    case 'reroute': {
      const id = pick(connectors, o.pick)
      if (id) updateConnector(doc, id, { route: o.pick % 2 ? 'elbow' : 'straight', label: `l${o.pick}` })
      return
    }
    case 'unconnect': {
      const id = pick(connectors, o.pick)
      if (id) removeConnector(doc, id)
      return
    }
    case 'deleteNote': {
      const id = pick(notes, o.pick)
      if (id) deleteNotes(doc, [id])
      return
    }
  }
}

describe('curves and connectors converge', () => {
  it('three peers editing scores and connectors at once end with one valid board', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 40 }), (ops) => {
        const origin = new Y.Doc()
        applyTemplate(origin, 'customer-lifecycle', { title: 't' })
        const peers = [0, 1, 2].map(() => {
          const doc = new Y.Doc()
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin))
          return doc
        })
        for (const o of ops) {
          if (o.kind === 'deliver') Y.applyUpdate(peers[o.to]!, Y.encodeStateAsUpdate(peers[o.from]!))
          else run(peers[o.peer]!, o)
        }
        for (const a of peers) for (const b of peers) Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
        const boards = peers.map((doc) => readBoard(doc))
        expect(boards[1]).toEqual(boards[0])
        expect(boards[2]).toEqual(boards[0])
        const board = boards[0]!
        for (const s of board.scores) expect(Number.isInteger(s.value) && Math.abs(s.value) <= 2).toBe(true)
        const ends = new Set<string>([...board.stages.map((s) => s.id), ...board.notes.map((n) => n.id)])
        for (const c of board.connectors) expect(ends.has(c.from) && ends.has(c.to)).toBe(true)
        // One value per point: the keyed map never holds two rival entries for one persona and stage.
        const points = board.scores.map((s) => `${s.laneId}/${s.stageId}/${s.personaId}`)
        expect(new Set(points).size).toBe(points.length)
      }),
      { numRuns: 60 },
    )
  })
})
