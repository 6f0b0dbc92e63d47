import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startPhase } from '../../shared/src/facilitation/privatePhase'
import {
  type DocumentPolicies,
  documentPolicies,
  facilitatorsOnlyReason,
} from './permissions/documentPolicies'
import { participantId } from './permissions/participant'
import { aliceSecret, bobSecret, deniedReasons, updateFrame } from './testing/frames'
import { collectMessages, openRawSocket, upgradeStatus } from './testing/rawSocket'
import { testScope } from './testing/testScope'
import { createBoard, storedDoc, synced, waitFor } from './testing/testServer'

// A board's documents over real sockets with the stock y-websocket provider: the content at
// /ws/<boardId> as always, the facilitation document and each participant's private document at
// /ws/<boardId>/<document>, each a room with its own log, and who may read and write which.

const { cleanups, start, client } = testScope()

function updateSetting(type: string, key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap(type).set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

describe("a board's documents", () => {
  it('reaches the facilitation document with the stock provider at roomName <boardId>/facilitation, empty at first', async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl)
    const content = client(t, board.id, board.editToken)
    const facilitation = client(t, board.id, board.viewToken, { document: 'facilitation' })
    await Promise.all([synced(content), synced(facilitation)])
    expect(content.doc.getMap('meta').get('title')).toBe('Customer journey')
    expect(facilitation.doc.share.size).toBe(0)
    expect(facilitation.provider.url).toMatch(new RegExp(`/ws/${board.id}/facilitation\\?`))
    expect(t.logs.some((l) => l.msg === 'room loaded' && l.document === 'facilitation')).toBe(true)
  })

  it('lets no editor write the facilitation document: refused, told, not stored, not relayed', async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl)
    const reader = client(t, board.id, board.viewToken, { document: 'facilitation' })
    await synced(reader)
    const ws = await openRawSocket(t.wsUrl, `${board.id}/facilitation`, board.editToken)
    cleanups.push(() => ws.terminate())
    const received = collectMessages(ws)
    ws.send(updateFrame(updateSetting('timer', 'endsAt', 123)))
    await waitFor(() => deniedReasons(received).length === 1, 'the permission-denied message')
    expect(deniedReasons(received)).toEqual([facilitatorsOnlyReason])
    expect(ws.readyState).toBe(ws.OPEN)
    expect((await storedDoc(t.store, board.id, 'facilitation')).getMap('timer').size).toBe(0)
    // Refused inside the message handler, before anything could be applied or relayed.
    expect(reader.doc.getMap('timer').size).toBe(0)
    expect(await t.store.loadUpdates(board.id, 'facilitation')).toEqual([])
  })

  it("keeps a participant's private document to them: stored apart, never sent to anyone else", async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl)
    const alice = participantId(board.id, aliceSecret)
    const bob = participantId(board.id, bobSecret)
    const bobsContent = await openRawSocket(
      t.wsUrl,
      board.id,
      board.editToken,
      {},
      `&participant=${bobSecret}`,
    )
    cleanups.push(() => bobsContent.terminate())
    const bobReceived = collectMessages(bobsContent)
    const alicePrivate = client(t, board.id, board.editToken, {
      document: `private/${alice}`,
      participant: aliceSecret,
    })
    // Private notes are written during a private brainstorm (facilitation/dotsPolicy.ts).
    const facilitator = client(t, board.id, board.facilitatorToken, { document: 'facilitation' })
    await Promise.all([synced(alicePrivate), synced(facilitator)])
    startPhase(facilitator.doc, { id: 'brainstorm', kind: 'notes' }, 'test')
    await waitFor(
      async () => (await storedDoc(t.store, board.id, 'facilitation')).getMap('phase').size > 0,
      'the brainstorm opened',
    )
    alicePrivate.doc.getMap('notes').set('note:secret', 'my private brainstorm idea')
    await waitFor(
      async () => (await storedDoc(t.store, board.id, `private/${alice}`)).getMap('notes').size === 1,
      "alice's private note stored",
    )
    expect((await storedDoc(t.store, board.id)).getMap('notes').has('note:secret')).toBe(false)

    // Bob cannot open it, with his own secret or none; his own private document is his.
    const path = `${t.wsUrl}/${board.id}/private/${alice}?token=${board.editToken}`
    expect(await upgradeStatus(`${path}&participant=${bobSecret}`)).toBe(403)
    expect(await upgradeStatus(path)).toBe(403)
    const bobPrivate = client(t, board.id, board.editToken, {
      document: `private/${bob}`,
      participant: bobSecret,
    })
    await synced(bobPrivate)
    expect(bobPrivate.doc.getMap('notes').size).toBe(0)

    // Not a byte of it reached Bob's content socket.
    const secretBytes = new TextEncoder().encode('my private brainstorm idea')
    const seen = Buffer.concat(bobReceived)
    expect(seen.indexOf(Buffer.from(secretBytes))).toBe(-1)
  })

  it('gives a participant their private document back after a reconnect and a server restart', async () => {
    const first = await start()
    const board = await createBoard(first.httpUrl)
    const alice = participantId(board.id, aliceSecret)
    const options = { document: `private/${alice}`, participant: aliceSecret }
    const before = client(first, board.id, board.editToken, options)
    await synced(before)
    before.doc.getText('draft').insert(0, 'kept across reloads')
    await waitFor(
      async () => (await storedDoc(first.store, board.id, `private/${alice}`)).getText('draft').length > 0,
      'the draft stored',
    )
    before.destroy()
    await first.stop()
    const second = await start({ dataDir: first.dataDir })
    const after = client(second, board.id, board.viewToken, options)
    await synced(after)
    expect(after.doc.getText('draft').toString()).toBe('kept across reloads')
  })

  it('refuses an unknown document with 404 and a malformed participant secret with 400', async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl)
    const base = `${t.wsUrl}/${board.id}`
    expect(await upgradeStatus(`${base}/minutes?token=${board.editToken}`)).toBe(404)
    expect(await upgradeStatus(`${base}/content?token=${board.editToken}`)).toBe(404)
    expect(await upgradeStatus(`${base}/private/short?token=${board.editToken}`)).toBe(404)
    expect(await upgradeStatus(`${base}/facilitation?token=wrong`)).toBe(401)
    expect(await upgradeStatus(`${base}?token=${board.editToken}&participant=short`)).toBe(400)
    expect(JSON.stringify(t.logs)).not.toContain(aliceSecret)
  })

  it("counts every document's sockets against the board's connection cap", async () => {
    const t = await start({ config: { maxConnectionsPerBoard: 2 } })
    const board = await createBoard(t.httpUrl)
    const content = await openRawSocket(t.wsUrl, board.id, board.editToken)
    const facilitation = await openRawSocket(t.wsUrl, `${board.id}/facilitation`, board.viewToken)
    cleanups.push(
      () => content.terminate(),
      () => facilitation.terminate(),
    )
    expect(await upgradeStatus(`${t.wsUrl}/${board.id}?token=${board.editToken}`)).toBe(503)
    expect(await upgradeStatus(`${t.wsUrl}/${board.id}/facilitation?token=${board.editToken}`)).toBe(503)
  })
})

describe('a write policy that judges updates by the records they touch', () => {
  const locking: DocumentPolicies = {
    ...documentPolicies,
    content: {
      ...documentPolicies.content,
      judgeUpdate: ({ touched }) =>
        touched.records.some((r) => r.type === 'notes' && r.key === 'note:locked')
          ? 'note:locked is locked'
          : undefined,
    },
  }

  it('refuses a hand-made update touching a locked record: not applied, stored or relayed, and says so', async () => {
    const t = await start({ policies: locking })
    const board = await createBoard(t.httpUrl)
    const watcher = client(t, board.id, board.viewToken)
    await synced(watcher)
    const ws = await openRawSocket(t.wsUrl, board.id, board.editToken)
    cleanups.push(() => ws.terminate())
    const received = collectMessages(ws)
    ws.send(updateFrame(updateSetting('notes', 'note:locked', 'vandalised')))
    ws.send(updateFrame(updateSetting('notes', 'note:free', 'fine')))
    await waitFor(() => watcher.doc.getMap('notes').get('note:free') === 'fine', 'the allowed edit relayed')
    // Relays keep the order they were handled in: had the refused one been relayed, it would be here.
    expect(watcher.doc.getMap('notes').has('note:locked')).toBe(false)
    expect(deniedReasons(received)).toEqual(['note:locked is locked'])
    expect(ws.readyState).toBe(ws.OPEN)
    const stored = await storedDoc(t.store, board.id)
    expect(stored.getMap('notes').has('note:locked')).toBe(false)
    expect(stored.getMap('notes').get('note:free')).toBe('fine')
    const metrics = await (await fetch(`${t.httpUrl}/metrics`)).text()
    expect(metrics).toMatch(/journeyboard_rejected_messages_total\{reason="write-refused"\} 1/)
  })
})
