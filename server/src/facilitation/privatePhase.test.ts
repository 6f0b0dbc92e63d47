import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readLanes, readNotes, readStages } from '../../../shared/src/board/schema'
import {
  readPhase,
  readPrivateNotes,
  revealedNoteId,
  revealPhase,
  setPrivateNote,
  setPrivateScore,
  startPhase,
} from '../../../shared/src/facilitation/privatePhase'
import { getPrivateScores } from '../../../shared/src/facilitation/schema'
import { participantId } from '../permissions/participant'
import { aliceSecret, bobSecret, deniedReasons, updateFrame } from '../testing/frames'
import { collectMessages, openRawSocket } from '../testing/rawSocket'
import { testScope } from '../testing/testScope'
import { createBoard, storedDoc, synced, waitFor } from '../testing/testServer'
import { noNotesPhaseReason } from './dotsPolicy'

// Private phases over real sockets: each person's brainstorm notes and emotion scores stay in their
// private document (no other socket receives a byte of them) until the facilitator reveals; then the
// server puts every note on the board at once, or each stage's median and spread in the phase.

const { cleanups, start, client } = testScope()

async function phaseBoard() {
  const t = await start()
  const board = await createBoard(t.httpUrl)
  const content = client(t, board.id, board.editToken)
  const facilitator = client(t, board.id, board.facilitatorToken, { document: 'facilitation' })
  await Promise.all([synced(content), synced(facilitator)])
  const alice = participantId(board.id, aliceSecret)
  const bob = participantId(board.id, bobSecret)
  const alicePrivate = client(t, board.id, board.editToken, {
    document: `private/${alice}`,
    participant: aliceSecret,
  })
  const bobPrivate = client(t, board.id, board.editToken, {
    document: `private/${bob}`,
    participant: bobSecret,
  })
  await Promise.all([synced(alicePrivate), synced(bobPrivate)])
  const [stageA, stageB] = readStages(content.doc)
  const [lane] = readLanes(content.doc)
  return {
    t,
    board,
    content,
    facilitator,
    alice,
    bob,
    alicePrivate,
    bobPrivate,
    stageA: stageA!,
    stageB: stageB!,
    lane: lane!,
  }
}

describe('private phases', () => {
  it('refuses private notes and scores while no phase of their kind is open, and scores off the lane or scale', async () => {
    const { t, board, facilitator, alice, stageA, lane } = await phaseBoard()
    const ws = await openRawSocket(
      t.wsUrl,
      `${board.id}/private/${alice}`,
      board.editToken,
      {},
      `&participant=${aliceSecret}`,
    )
    cleanups.push(() => ws.terminate())
    const received = collectMessages(ws)
    const update = (fill: (doc: Y.Doc) => void) => {
      const doc = new Y.Doc()
      fill(doc)
      return updateFrame(Y.encodeStateAsUpdate(doc))
    }
    const note = update((d) =>
      setPrivateNote(d, { id: 'note:x', stageId: stageA.id, laneId: lane.id, text: 'early' }, 'x'),
    )
    ws.send(note)
    await waitFor(() => deniedReasons(received).length === 1, 'the early note refused')
    startPhase(facilitator.doc, { id: 'ph3', kind: 'emotions', laneId: lane.id }, 'test')
    await waitFor(
      async () => readPhase(await storedDoc(t.store, board.id, 'facilitation'))?.id === 'ph3',
      'phase stored',
    )
    ws.send(note)
    ws.send(update((d) => getPrivateScores(d).set(`ph3/lane:other/${stageA.id}`, 1)))
    ws.send(update((d) => getPrivateScores(d).set(`ph3/${lane.id}/${stageA.id}`, 7)))
    ws.send(update((d) => getPrivateScores(d).set(`ph3/${lane.id}/${stageA.id}`, -1)))
    await waitFor(() => deniedReasons(received).length === 4, 'four refusals')
    expect(deniedReasons(received)).toEqual([
      noNotesPhaseReason,
      noNotesPhaseReason,
      'a score is a whole number from −2 to 2 on the rated lane',
      'a score is a whole number from −2 to 2 on the rated lane',
    ])
    await waitFor(
      async () => getPrivateScores(await storedDoc(t.store, board.id, `private/${alice}`)).size === 1,
      'the fair score stored',
    )
    expect(readPrivateNotes(await storedDoc(t.store, board.id, `private/${alice}`))).toEqual([])
  })

  it('keeps brainstorm notes private until the reveal, then puts them all on the board and clears the copies', async () => {
    const { t, board, content, facilitator, alice, bob, alicePrivate, bobPrivate, stageA, lane } =
      await phaseBoard()
    const watcher = await openRawSocket(t.wsUrl, board.id, board.viewToken)
    cleanups.push(() => watcher.terminate())
    const seen = collectMessages(watcher)
    startPhase(facilitator.doc, { id: 'ph1', kind: 'notes' }, 'test')
    const at = { stageId: stageA.id, laneId: lane.id }
    setPrivateNote(alicePrivate.doc, { id: 'note:a1', ...at, text: 'alice secret idea' }, 'test')
    setPrivateNote(bobPrivate.doc, { id: 'note:b1', ...at, text: 'bob secret idea' }, 'test')
    await waitFor(
      async () => readPrivateNotes(await storedDoc(t.store, board.id, `private/${bob}`)).length === 1,
      "bob's private note stored",
    )
    const secret = (text: string) => Buffer.concat(seen).indexOf(Buffer.from(text)) !== -1
    expect(secret('alice secret idea') || secret('bob secret idea')).toBe(false)
    expect(readNotes(content.doc).some((n) => n.text.includes('secret'))).toBe(false)

    revealPhase(facilitator.doc, 'test')
    await waitFor(
      () => readNotes(content.doc).filter((n) => n.text.includes('secret idea')).length === 2,
      'revealed',
    )
    const ids = readNotes(content.doc).map((n) => n.id)
    expect(ids).toContain(revealedNoteId(alice, 'note:a1'))
    expect(ids).toContain(revealedNoteId(bob, 'note:b1'))
    expect(secret('alice secret idea') && secret('bob secret idea')).toBe(true)
    await waitFor(() => readPrivateNotes(alicePrivate.doc).length === 0, "alice's private copy cleared")
    const stored = await storedDoc(t.store, board.id)
    expect(readNotes(stored).filter((n) => n.text.includes('secret idea'))).toHaveLength(2)
    // A second reveal (this instance or another) adds nothing.
    revealPhase(facilitator.doc, 'test')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(readNotes(content.doc).filter((n) => n.text.includes('secret idea'))).toHaveLength(2)
  })

  it('writes each stage’s median and spread of the private scores on reveal', async () => {
    const { facilitator, alicePrivate, bobPrivate, stageA, stageB, lane } = await phaseBoard()
    startPhase(facilitator.doc, { id: 'ph2', kind: 'emotions', laneId: lane.id }, 'test')
    const key = (stageId: string) => ({ phaseId: 'ph2', laneId: lane.id, stageId })
    setPrivateScore(alicePrivate.doc, key(stageA.id), -2, 'test')
    setPrivateScore(alicePrivate.doc, key(stageB.id), 1, 'test')
    setPrivateScore(bobPrivate.doc, key(stageA.id), 1, 'test')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(readPhase(facilitator.doc)?.results).toBeUndefined()
    revealPhase(facilitator.doc, 'test')
    await waitFor(() => readPhase(facilitator.doc)?.results !== undefined, 'the spread written')
    const byStage = new Map(readPhase(facilitator.doc)!.results!.map((r) => [r.stageId, r]))
    expect(byStage.get(stageA.id)).toEqual({ stageId: stageA.id, median: -0.5, min: -2, max: 1, count: 2 })
    expect(byStage.get(stageB.id)).toEqual({ stageId: stageB.id, median: 1, min: 1, max: 1, count: 1 })
  })
})
