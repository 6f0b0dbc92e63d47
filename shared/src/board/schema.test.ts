import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTemplate } from '../templates/applyTemplate'
import {
  createNote,
  deleteNotes,
  getNotes,
  getNoteText,
  type Note,
  readBoard,
  readBoardSummary,
  readNote,
  readNotePlacements,
  readNotes,
  updateNote,
} from './schema'

/** Peers that exchange updates only when told to, like clients behind a slow network. */
function makePeers(count: number): Y.Doc[] {
  const peers = Array.from({ length: count }, () => new Y.Doc())
  const origin = peers[0]!
  applyTemplate(origin, 'customer-lifecycle', { title: 'Checkout journey' })
  for (const peer of peers.slice(1)) Y.applyUpdate(peer, Y.encodeStateAsUpdate(origin))
  return peers
}

function syncAll(peers: Y.Doc[]): void {
  for (const from of peers) {
    for (const to of peers)
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
  }
}

describe('board schema', () => {
  it('builds the customer-lifecycle grid from the template', () => {
    const [doc] = makePeers(1)
    const board = readBoard(doc!)
    expect(board.title).toBe('Checkout journey')
    expect(board.stages.map((s) => s.title)).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      'Onboarding',
      'Retention',
      'Advocacy',
    ])
    expect(board.lanes.map((l) => l.title)).toEqual([
      'Customer actions',
      'Channels',
      'Thoughts',
      'Emotions',
      'Pain points',
      'Opportunities',
    ])
    expect(readBoardSummary(doc!)).toEqual({ title: 'Checkout journey', noteCount: 0 })
  })

  it('gives a new note the color of its lane and appends it to the cell', () => {
    const [doc] = makePeers(1)
    const { stages, lanes } = readBoard(doc!)
    const painLane = lanes.find((l) => l.kind === 'pain-points')!
    const first = createNote(doc!, { stageId: stages[0]!.id, laneId: painLane.id, text: 'Hidden fees' })
    const second = createNote(doc!, { stageId: stages[0]!.id, laneId: painLane.id, text: 'Slow page' })
    const notes = readBoard(doc!).notes
    expect(notes.map((n) => n.id)).toEqual([first, second])
    expect(notes[0]).toMatchObject({ color: 'orange', text: 'Hidden fees' })
  })

  it('merges concurrent typing into one note from three peers without loss or duplication', () => {
    const peers = makePeers(3)
    const { stages, lanes } = readBoard(peers[0]!)
    const id = createNote(peers[0]!, { stageId: stages[1]!.id, laneId: lanes[0]!.id, text: 'Reads reviews' })
    syncAll(peers)
    getNoteText(peers[0]!, id)!.insert(0, 'Often ')
    getNoteText(peers[1]!, id)!.insert('Reads reviews'.length, ' on G2')
    updateNote(peers[2]!, id, { color: 'purple' })
    syncAll(peers)
    const texts = peers.map((p) => readBoard(p).notes.map((n) => [n.text, n.color]))
    expect(texts[0]).toEqual([['Often Reads reviews on G2', 'purple']])
    expect(texts[1]).toEqual(texts[0])
    expect(texts[2]).toEqual(texts[0])
  })

  it('keeps one copy of a note moved by two peers at once', () => {
    const peers = makePeers(2)
    const { stages, lanes } = readBoard(peers[0]!)
    const id = createNote(peers[0]!, { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'Signs up' })
    syncAll(peers)
    updateNote(peers[0]!, id, { stageId: stages[2]!.id })
    updateNote(peers[1]!, id, { stageId: stages[3]!.id, laneId: lanes[1]!.id })
    syncAll(peers)
    const [a, b] = peers.map((p) => readBoard(p).notes)
    expect(a).toHaveLength(1)
    expect(a).toEqual(b)
  })

  it('lets a delete win over a concurrent edit on every peer', () => {
    const peers = makePeers(2)
    const { stages, lanes } = readBoard(peers[0]!)
    const id = createNote(peers[0]!, { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'x' })
    syncAll(peers)
    deleteNotes(peers[0]!, [id])
    updateNote(peers[1]!, id, { color: 'blue' })
    syncAll(peers)
    expect(readBoard(peers[0]!).notes).toEqual([])
    expect(readBoard(peers[1]!).notes).toEqual([])
  })

  it('skips or repairs what an old, new or hostile client wrote', () => {
    const [doc] = makePeers(1)
    const { stages, lanes } = readBoard(doc!)
    const notes = getNotes(doc!)
    const odd = new Y.Map<unknown>()
    odd.set('stageId', stages[0]!.id)
    odd.set('laneId', lanes[0]!.id)
    odd.set('order', 'V')
    odd.set('w', 1e9)
    odd.set('h', Number.NaN)
    odd.set('color', 'chartreuse')
    odd.set('text', new Y.Text('x'.repeat(20_000)))
    notes.set('note:odd', odd)
    const broken = new Y.Map<unknown>()
    broken.set('stageId', 42)
    notes.set('note:broken', broken)
    doc!.getMap('futureFeature').set('hello', 'world')
    const note = readNote('note:odd', notes.get('note:odd'))!
    expect(note.w).toBe(480)
    expect(note.h).toBe(110)
    expect(note.color).toBe('yellow')
    expect(note.text.length).toBeLessThanOrEqual(5_001)
    expect(readBoard(doc!).notes.map((n) => n.id)).toEqual(['note:odd'])
  })
})

describe('readNotePlacements', () => {
  it('reads every placeable note like readNotes, without reading texts or creation times', () => {
    const doc = new Y.Doc()
    applyTemplate(doc, 'customer-lifecycle', { title: 't' })
    const { stages, lanes } = readBoard(doc)
    createNote(doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'Long text '.repeat(50) })
    createNote(doc, { stageId: stages[1]!.id, laneId: lanes[2]!.id, text: 'Another' })
    const placements = readNotePlacements(doc)
    expect(placements.map((n) => n.text)).toEqual(['', ''])
    expect(placements.map((n) => n.createdAt)).toEqual([undefined, undefined])
    // Placements carry what layout needs: cell, order, size, kind and parking place.
    const placed = ({ id, stageId, laneId, order, w, h, kind, parkX, parkY }: Note) => ({
      ...{ id, stageId, laneId, order, w, h, kind, parkX, parkY },
    })
    expect(placements.map(placed)).toEqual(readNotes(doc).map(placed))
    expect(placements.map((n) => n.tags)).toEqual([[], []])
  })
})
