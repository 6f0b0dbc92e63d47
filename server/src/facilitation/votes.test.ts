import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LaneId } from '../../../shared/src/board/ids'
import { createNote, readLanes, readStages } from '../../../shared/src/board/schema'
import { parseCsv } from '../../../shared/src/exchange/csv'
import { getPrivateDots, getVote } from '../../../shared/src/facilitation/schema'
import { dotKey, readVote, setDots, setVoteState, startVote } from '../../../shared/src/facilitation/vote'
import { participantId } from '../permissions/participant'
import { aliceSecret, bobSecret, deniedReasons, updateFrame } from '../testing/frames'
import { collectMessages, openRawSocket } from '../testing/rawSocket'
import { testScope } from '../testing/testScope'
import { createBoard, storedDoc, synced, waitFor } from '../testing/testServer'

// Dot voting over real sockets: the facilitator starts a vote in the facilitation document, each
// person's dots go into their private document, the server refuses dots that break the rules (raw
// protocol, as a cheating client would send them), counts voters while open and writes results on
// reveal, as itself: stored, then relayed.

const { cleanups, start, client } = testScope()

/** A hand-made dots update from a client the server never saw. */
function dotsUpdate(entries: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc()
  for (const [key, value] of Object.entries(entries)) getPrivateDots(doc).set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

async function votingBoard() {
  const t = await start()
  const board = await createBoard(t.httpUrl)
  const content = client(t, board.id, board.editToken)
  const facilitator = client(t, board.id, board.facilitatorToken, { document: 'facilitation' })
  await Promise.all([synced(content), synced(facilitator)])
  const [stage] = readStages(content.doc)
  const [laneA, laneB] = readLanes(content.doc)
  const note = (laneId: LaneId, text: string) => createNote(content.doc, { stageId: stage!.id, laneId, text })
  const a1 = note(laneA!.id, 'first')
  const a2 = note(laneA!.id, 'second')
  const a3 = note(laneA!.id, 'third')
  const b1 = note(laneB!.id, 'other lane')
  await waitFor(async () => (await storedDoc(t.store, board.id)).getMap('notes').size >= 4, 'notes stored')
  startVote(
    facilitator.doc,
    'v1',
    { dotsPerPerson: 2, maxPerNote: 1, laneIds: [laneA!.id], anonymous: false },
    'test',
  )
  const alice = participantId(board.id, aliceSecret)
  const bob = participantId(board.id, bobSecret)
  await waitFor(
    async () => readVote(await storedDoc(t.store, board.id, 'facilitation'))?.state === 'open',
    'the vote stored',
  )
  return { t, board, content, facilitator, notes: { a1, a2, a3, b1 }, alice, bob }
}

describe('dot voting', () => {
  it('counts voters while open and writes the results on reveal, stored before relayed', async () => {
    const { t, board, facilitator, notes, alice, bob } = await votingBoard()
    const alicePrivate = client(t, board.id, board.editToken, {
      document: `private/${alice}`,
      participant: aliceSecret,
    })
    const bobPrivate = client(t, board.id, board.editToken, {
      document: `private/${bob}`,
      participant: bobSecret,
    })
    await Promise.all([synced(alicePrivate), synced(bobPrivate)])
    setDots(alicePrivate.doc, 'v1', notes.a1, 1, 'test')
    setDots(alicePrivate.doc, 'v1', notes.a2, 1, 'test')
    await waitFor(() => getVote(facilitator.doc).get('voters') === 1, 'one voter counted')
    setDots(bobPrivate.doc, 'v1', notes.a1, 1, 'test')
    await waitFor(() => getVote(facilitator.doc).get('voters') === 2, 'two voters counted')
    // Before the reveal the facilitation document holds a count, never whose dots are where.
    expect(getVote(facilitator.doc).get('results')).toBeUndefined()

    setVoteState(facilitator.doc, 'revealed', 'test')
    await waitFor(() => readVote(facilitator.doc)?.results !== undefined, 'results written')
    expect(readVote(facilitator.doc)?.results).toEqual([
      { noteId: notes.a1, count: 2, voters: [alice, bob].sort() },
      { noteId: notes.a2, count: 1, voters: [alice] },
    ])
    const stored = readVote(await storedDoc(t.store, board.id, 'facilitation'))
    expect(stored?.results).toEqual(readVote(facilitator.doc)?.results)

    // The CSV export's votes column carries the revealed counts.
    const res = await fetch(`${t.httpUrl}/api/boards/${board.id}/export.csv`, {
      headers: { authorization: `Bearer ${board.editToken}` },
    })
    const parsed = parseCsv(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer())))
    if (!parsed.ok) throw new Error(parsed.error)
    const [header, ...rows] = parsed.rows
    const votesAt = header!.indexOf('votes')
    const textAt = header!.indexOf('text')
    const votesOf = (text: string) => rows.find((r) => r[textAt] === text)?.[votesAt]
    expect([votesOf('first'), votesOf('second'), votesOf('third')]).toEqual(['2', '1', ''])
  })

  it('refuses dots over the budget, out of scope or after the close: not applied, stored or counted', async () => {
    const { t, board, facilitator, notes, alice } = await votingBoard()
    const ws = await openRawSocket(
      t.wsUrl,
      `${board.id}/private/${alice}`,
      board.editToken,
      {},
      `&participant=${aliceSecret}`,
    )
    cleanups.push(() => ws.terminate())
    const received = collectMessages(ws)
    const overBudget = {
      [dotKey('v1', notes.a1)]: 1,
      [dotKey('v1', notes.a2)]: 1,
      [dotKey('v1', notes.a3)]: 1,
    }
    ws.send(updateFrame(dotsUpdate(overBudget)))
    ws.send(updateFrame(dotsUpdate({ [dotKey('v1', notes.a1)]: 2 })))
    ws.send(updateFrame(dotsUpdate({ [dotKey('v1', notes.b1)]: 1 })))
    ws.send(updateFrame(dotsUpdate({ [dotKey('v1', 'note:nowhere')]: 1 })))
    await waitFor(() => deniedReasons(received).length === 4, 'four refusals')
    expect(deniedReasons(received)).toEqual([
      'at most 2 dots per person',
      'at most 1 dots per note',
      'a dot on a note outside the vote',
      'a dot on a note the board does not have',
    ])
    // A fair dot still goes in, and is counted.
    ws.send(updateFrame(dotsUpdate({ [dotKey('v1', notes.a1)]: 1 })))
    await waitFor(() => getVote(facilitator.doc).get('voters') === 1, 'the fair dot counted')

    setVoteState(facilitator.doc, 'closed', 'test')
    await waitFor(
      async () => readVote(await storedDoc(t.store, board.id, 'facilitation'))?.state === 'closed',
      'the close stored',
    )
    ws.send(updateFrame(dotsUpdate({ [dotKey('v1', notes.a2)]: 1 })))
    await waitFor(() => deniedReasons(received).length === 5, 'the late dot refused')
    expect(deniedReasons(received)[4]).toBe('the vote is closed')
    expect(ws.readyState).toBe(ws.OPEN)
    const dots = getPrivateDots(await storedDoc(t.store, board.id, `private/${alice}`))
    expect([...dots.entries()]).toEqual([[dotKey('v1', notes.a1), 1]])
  })
})
