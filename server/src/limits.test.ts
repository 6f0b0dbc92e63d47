import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { closeCodes } from './closeCodes'
import { smallUpdate, syncStep1Frame, updateFrame } from './testing/frames'
import { closeEvent, openRawSocket, upgradeStatus } from './testing/rawSocket'
import { testScope } from './testing/testScope'
import { createBoard, sleep, storedDoc, synced, type TestServer, waitFor } from './testing/testServer'

/*
 * Every limit in config.ts, hit over real sockets: the documented close code or HTTP status, a log line,
 * and nothing lost for anyone else.
 */

const { cleanups, start, client } = testScope()
async function raw(t: TestServer, boardId: string, token: string, options = {}): Promise<WebSocket> {
  const ws = await openRawSocket(t.wsUrl, boardId, token, options)
  cleanups.push(() => ws.terminate())
  return ws
}
const logged = (t: TestServer, msg: string) => t.logs.some((l) => l.msg === msg)
const closedOn = (t: TestServer, boardId: string) =>
  t.logs.filter((l) => l.msg === 'connection closed' && l.boardId === boardId).length

describe('update rate per connection', () => {
  it('closes a socket past its burst with 4529; other editors carry on', async () => {
    const t = await start({ config: { maxUpdatesPerSecond: 10, updateBurst: 20 } })
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    const a = client(t, board.id, board.editToken)
    const b = client(t, board.id, board.editToken)
    await Promise.all([synced(a), synced(b)])

    const flood = await raw(t, board.id, board.editToken)
    const closed = closeEvent(flood)
    for (let i = 0; i < 40; i++) flood.send(updateFrame(smallUpdate(`k${i}`)))
    expect((await closed).code).toBe(closeCodes.rateLimited)
    expect(t.logs.some((l) => l.closeCode === closeCodes.rateLimited && l.connId)).toBe(true)

    a.doc.getText('t').insert(0, 'still fine')
    await waitFor(() => b.doc.getText('t').toString() === 'still fine', 'B to get the edit')
    expect(a.closeCodes).toEqual([])
  })

  it('lets a fast typist through at the defaults (120 edits a second for 2 s)', async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    const a = client(t, board.id, board.editToken)
    const b = client(t, board.id, board.editToken)
    await Promise.all([synced(a), synced(b)])
    for (let i = 0; i < 240; i++) {
      a.doc.getText('t').insert(i, 'x')
      if (i % 6 === 5) await sleep(50)
    }
    await waitFor(() => b.doc.getText('t').length === 240, 'every keystroke relayed')
    expect(a.closeCodes).toEqual([])
  })
})

describe('connections per board and per IP', () => {
  it('refuses the next socket on a full board with 503 until one leaves', async () => {
    const t = await start({ config: { maxConnectionsPerBoard: 2 } })
    const board = await createBoard(t.httpUrl)
    const url = `${t.wsUrl}/${board.id}?token=${board.editToken}`
    const first = await raw(t, board.id, board.editToken)
    await raw(t, board.id, board.editToken)
    expect(await upgradeStatus(url)).toBe(503)
    expect(t.logs.some((l) => l.msg === 'upgrade refused' && l.status === 503 && l.connId)).toBe(true)
    // Another board is not affected.
    const other = await createBoard(t.httpUrl)
    await raw(t, other.id, other.editToken)
    first.close()
    await waitFor(async () => (await upgradeStatus(url).catch(() => 101)) === 101, 'a slot to free up')
  })

  it('refuses a third socket from one IP with 429 when loopback is not exempt', async () => {
    const t = await start({ config: { maxConnectionsPerIp: 2, exemptLoopbackFromIpLimit: false } })
    const [x, y, z] = [
      await createBoard(t.httpUrl),
      await createBoard(t.httpUrl),
      await createBoard(t.httpUrl),
    ]
    await raw(t, x.id, x.editToken)
    await raw(t, y.id, y.editToken)
    expect(await upgradeStatus(`${t.wsUrl}/${z.id}?token=${z.editToken}`)).toBe(429)
  })

  it('does not count loopback sockets by default', async () => {
    const t = await start({ config: { maxConnectionsPerIp: 2 } })
    const board = await createBoard(t.httpUrl)
    const sockets: WebSocket[] = []
    for (let i = 0; i < 5; i++) sockets.push(await raw(t, board.id, board.editToken))
    expect(sockets.filter((ws) => ws.readyState === ws.OPEN)).toHaveLength(5)
    expect(await upgradeStatus(`${t.wsUrl}/${board.id}?token=wrong`)).toBe(401) // the server still judges each
    const metrics = await (await fetch(`${t.httpUrl}/metrics`)).text()
    expect(metrics).not.toMatch(/journeyboard_upgrades_refused_total\{reason="ip-limit"\} [1-9]/)
  })

  it('trusts X-Forwarded-For only with TRUST_PROXY', async () => {
    const limited = { maxConnectionsPerIp: 1, exemptLoopbackFromIpLimit: false }
    const xff = (ip: string) => ({ headers: { 'X-Forwarded-For': ip } })

    const proxied = await start({ config: { ...limited, trustProxyHops: 1 } })
    const board = await createBoard(proxied.httpUrl)
    const url = `${proxied.wsUrl}/${board.id}?token=${board.editToken}`
    await raw(proxied, board.id, board.editToken, xff('203.0.113.5'))
    expect(await upgradeStatus(url, xff('203.0.113.5'))).toBe(429)
    await raw(proxied, board.id, board.editToken, xff('203.0.113.6'))
    // A spoofed left-most entry does not help: the proxy appended the real address last.
    expect(await upgradeStatus(url, xff('198.51.100.1, 203.0.113.5'))).toBe(429)

    const direct = await start({ config: limited })
    const b2 = await createBoard(direct.httpUrl)
    await raw(direct, b2.id, b2.editToken, xff('203.0.113.7'))
    expect(await upgradeStatus(`${direct.wsUrl}/${b2.id}?token=${b2.editToken}`, xff('203.0.113.8'))).toBe(
      429,
    )
  })
})

describe('boards loaded in memory', () => {
  it('unloads an idle board to make room, and refuses with 503 while all are in use', async () => {
    const t = await start({ config: { maxLoadedBoards: 1, idleUnloadMs: 60_000 } })
    const boardA = await createBoard(t.httpUrl, { title: 'A' })
    const boardB = await createBoard(t.httpUrl, { title: 'B' })
    const a = client(t, boardA.id, boardA.editToken)
    await synced(a)
    a.doc.getText('t').insert(0, 'kept through the unload')
    await waitFor(
      async () => (await storedDoc(t.store, boardA.id)).getText('t').length > 0,
      'the edit to be stored',
    )
    expect(await upgradeStatus(`${t.wsUrl}/${boardB.id}?token=${boardB.editToken}`)).toBe(503)

    a.destroy()
    // A's socket closes; its room is now idle but not yet unloaded (60 s).
    await waitFor(() => closedOn(t, boardA.id) === 1, "A's socket to close")
    const b = client(t, boardB.id, boardB.viewToken)
    await synced(b)
    expect(b.doc.getMap('meta').get('title')).toBe('B')
    expect(t.logs.some((l) => l.reason === 'unloaded to make room for another board')).toBe(true)

    b.destroy()
    await waitFor(() => closedOn(t, boardB.id) === 1, "B's socket to close")
    const again = client(t, boardA.id, boardA.viewToken)
    await synced(again)
    expect(again.doc.getText('t').toString()).toBe('kept through the unload')
  })
})

describe('document size', () => {
  it('refuses an update that would pass maxDocBytes with 4413 and does not store it', async () => {
    const t = await start({ config: { maxDocBytes: 64 * 1024 } })
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    const a = client(t, board.id, board.editToken)
    const b = client(t, board.id, board.editToken)
    await Promise.all([synced(a), synced(b)])
    a.doc.getText('ok').insert(0, 'x'.repeat(20 * 1024))
    await waitFor(() => b.doc.getText('ok').length === 20 * 1024, 'a 20 KiB edit to pass')

    a.doc.getText('big').insert(0, 'y'.repeat(60 * 1024))
    await waitFor(() => a.closeCodes.includes(closeCodes.docTooLarge), 'A to be closed with 4413')
    expect(logged(t, 'closing connection')).toBe(true)
    expect((await storedDoc(t.store, board.id)).getText('big').length).toBe(0)

    b.doc.getText('ok').insert(0, 'small edits still fit')
    const fresh = client(t, board.id, board.viewToken)
    await synced(fresh)
    await waitFor(() => fresh.doc.getText('ok').toString().startsWith('small edits'), 'a fresh client')
    expect(fresh.doc.getText('big').length).toBe(0)
  })
})

/** `second` depends on `first` (same client, next clock); sent alone it waits as pending structs. */
function dependentUpdates(size: number) {
  const source = new Y.Doc()
  source.getText('t').insert(0, 'a')
  const first = Y.encodeStateAsUpdate(source)
  const before = Y.encodeStateVector(source)
  source.getText('t').insert(1, 'x'.repeat(size))
  return { first, second: Y.encodeStateAsUpdate(source, before) }
}

describe('updates with missing dependencies (pending structs)', () => {
  it('drops them past maxPendingBytes and closes the sender with 4424', async () => {
    const t = await start({ config: { maxPendingBytes: 1024 } })
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    const { first, second } = dependentUpdates(4000)
    const bad = await raw(t, board.id, board.editToken)
    const closed = closeEvent(bad)
    bad.send(updateFrame(second))
    expect((await closed).code).toBe(closeCodes.pendingOverflow)

    // Were the pending structs kept, the missing first half would now complete them.
    const honest = await raw(t, board.id, board.editToken)
    honest.send(updateFrame(first))
    const viewer = client(t, board.id, board.viewToken)
    await synced(viewer)
    await waitFor(() => viewer.doc.getText('t').toString() === 'a', 'the first update alone')
    // Anything the first update completed would have gone out with it, before this later edit.
    honest.send(updateFrame(smallUpdate('barrier', true)))
    await waitFor(() => viewer.doc.getMap('m').get('barrier') === true, 'a later edit')
    expect(viewer.doc.getText('t').toString()).toBe('a')
  })

  it('never stores pending structs or sends them in a sync reply, even under the cap', async () => {
    const t = await start({ config: { maxPendingBytes: 64 * 1024, compactEveryUpdates: 1 } })
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    const { second } = dependentUpdates(2000)
    const editor = client(t, board.id, board.editToken)
    await synced(editor)
    const parker = await raw(t, board.id, board.editToken)
    parker.send(updateFrame(second))
    // More stored rows, so compaction runs (compactEveryUpdates: 1) and encodes the whole doc.
    for (let i = 0; i < 3; i++) {
      editor.doc.getArray('edits').push([i])
      await sleep(30)
    }
    const fresh = client(t, board.id, board.viewToken)
    await synced(fresh)
    expect(fresh.doc.store.pendingStructs).toBeNull()
    editor.destroy()
    parker.terminate()
    fresh.destroy()
    await waitFor(() => logged(t, 'room unloaded'), 'the idle unload (final compaction)')
    const stored = await storedDoc(t.store, board.id)
    expect(stored.getArray('edits').toArray()).toEqual([0, 1, 2])
    expect(stored.store.pendingStructs).toBeNull()
  })
})

describe('slow consumers', () => {
  it('terminates a socket that stops reading once maxBufferedBytes wait for it', async () => {
    const t = await start({ config: { maxBufferedBytes: 256 * 1024 } })
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    const a = client(t, board.id, board.editToken)
    const b = client(t, board.id, board.editToken)
    await Promise.all([synced(a), synced(b)])
    a.doc.getText('t').insert(0, 'z'.repeat(200 * 1024))
    await waitFor(() => b.doc.getText('t').length > 0, 'the content to spread')

    const reader = await raw(t, board.id, board.viewToken)
    // Stop reading: the kernel buffers fill, then ws queues in server memory.
    ;(reader as unknown as { _socket: { pause(): void } })._socket.pause()
    // Every sync step 1 makes the server send the whole 200 KiB doc back.
    for (let i = 0; i < 200; i++) reader.send(syncStep1Frame())
    await waitFor(() => logged(t, 'socket is not reading; terminating'), 'the slow socket to be dropped')

    a.doc.getText('t').insert(0, 'after')
    await waitFor(() => b.doc.getText('t').toString().startsWith('after'), 'B to still get edits')
    const metrics = await (await fetch(`${t.httpUrl}/metrics`)).text()
    expect(metrics).toMatch(/journeyboard_rejected_messages_total\{reason="slow-consumer"\} 1/)
  })
})
