import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { setBoardTitle } from '../../shared/src/board/schema'
import { viewOnlyReason } from './permissions/documentPolicies'
import { messageAuth, messageSync } from './sync/messages'
import { collectMessages, openRawSocket, upgradeStatus } from './testing/rawSocket'
import { testScope } from './testing/testScope'
import {
  connectClient,
  createBoard,
  sleep,
  startTestServer,
  storedDoc,
  synced,
  waitFor,
} from './testing/testServer'

/** End to end over real sockets with the stock y-websocket client. */

const { cleanups, start, client } = testScope()

describe('sync between clients', () => {
  it('relays an edit from one editor to another and loads the template for both', async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl, { title: 'Onboarding' })
    const a = client(t, board.id, board.editToken)
    const b = client(t, board.id, board.editToken)
    await Promise.all([synced(a), synced(b)])
    expect(a.doc.getMap('meta').get('title')).toBe('Onboarding')
    expect(b.doc.getMap('stages').size).toBeGreaterThan(0)

    setBoardTitle(a.doc, 'Renamed by A')
    await waitFor(() => b.doc.getMap('meta').get('title') === 'Renamed by A', 'B to see the rename')
  })

  it('keeps content across a server restart on the same data dir', async () => {
    const first = await startTestServer()
    const board = await createBoard(first.httpUrl)
    const a = connectClient(first, board.id, board.editToken)
    await synced(a)
    a.doc.getText('scratch').insert(0, 'survives restart')
    await waitFor(
      async () => (await storedDoc(first.store, board.id)).getText('scratch').toString() !== '',
      'the write',
    )
    a.destroy()
    await first.stop()

    const second = await start({ dataDir: first.dataDir })
    const b = client(second, board.id, board.viewToken)
    await synced(b)
    expect(b.doc.getText('scratch').toString()).toBe('survives restart')
    expect(b.doc.getMap('meta').get('title')).toBe('Customer journey')
  })

  it('stores and relays updates to top-level types the server does not know', async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    const a = client(t, board.id, board.editToken)
    const b = client(t, board.id, board.editToken)
    await Promise.all([synced(a), synced(b)])
    a.doc.getMap('fromTheFuture').set('answer', 42)
    a.doc.getArray<string>('alsoUnknown').push(['x'])
    await waitFor(() => b.doc.getMap('fromTheFuture').get('answer') === 42, 'B to get the unknown map')
    await waitFor(() => b.doc.getArray('alsoUnknown').length === 1, 'B to get the unknown array')
    const stored = await storedDoc(t.store, board.id)
    expect(stored.getMap('fromTheFuture').get('answer')).toBe(42)
    expect(stored.getArray('alsoUnknown').toArray()).toEqual(['x'])
  })

  it('lets a viewer read live but never write', async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl)
    const editor = client(t, board.id, board.editToken)
    const viewer = client(t, board.id, board.viewToken)
    await Promise.all([synced(editor), synced(viewer)])
    expect(viewer.doc.getMap('meta').get('title')).toBe('Customer journey')

    viewer.doc.getMap('meta').set('title', 'Hijacked')
    viewer.doc.getText('viewerNotes').insert(0, 'should not exist')
    setBoardTitle(editor.doc, 'Set by editor')
    await waitFor(() => viewer.doc.getText('viewerNotes').length > 0, 'viewer local edit')
    // The editor's edit still reaches the viewer; the viewer's never reaches the editor or the disk.
    await waitFor(
      async () => (await storedDoc(t.store, board.id)).getMap('meta').get('title') === 'Set by editor',
      'editor edit stored',
    )
    await waitFor(
      () => t.logs.filter((l) => l.msg === 'dropped a write from a read-only connection').length >= 2,
      "the server to drop both of the viewer's writes",
    )
    // Relays go out in the order the server handled them: had it relayed the viewer's writes, they would
    // reach the editor before an edit sent after they were handled.
    const marker = client(t, board.id, board.editToken)
    await synced(marker)
    marker.doc.getMap('barrier').set('after', true)
    await waitFor(() => editor.doc.getMap('barrier').get('after') === true, 'the marker edit')
    expect(editor.doc.getText('viewerNotes').toString()).toBe('')
    expect(editor.doc.getMap('meta').get('title')).toBe('Set by editor')
    const stored = await storedDoc(t.store, board.id)
    expect(stored.getText('viewerNotes').toString()).toBe('')
    expect(stored.getMap('meta').get('title')).toBe('Set by editor')
  })

  it('answers a viewer write with a y-protocols permission-denied message', async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl)
    const ws = await openRawSocket(t.wsUrl, board.id, board.viewToken)
    cleanups.push(() => ws.terminate())
    const received = collectMessages(ws)
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'nope')
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageSync)
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc))
    ws.send(encoding.toUint8Array(encoder))
    await waitFor(() => received.some((m) => m[0] === messageAuth), 'auth message')
    const decoder = decoding.createDecoder(received.find((m) => m[0] === messageAuth)!)
    decoding.readVarUint(decoder)
    expect(decoding.readVarUint(decoder)).toBe(0) // messagePermissionDenied
    expect(decoding.readVarString(decoder)).toBe(viewOnlyReason)
    expect(ws.readyState).toBe(ws.OPEN)
    expect((await storedDoc(t.store, board.id)).getText('t').toString()).toBe('')
  })

  it('refuses the upgrade with 401 for a missing or wrong token and 404 for an unknown board', async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl)
    expect(await upgradeStatus(`${t.wsUrl}/${board.id}`)).toBe(401)
    expect(await upgradeStatus(`${t.wsUrl}/${board.id}?token=wrong`)).toBe(401)
    expect(await upgradeStatus(`${t.wsUrl}/${board.id}?token=${board.editToken}x`)).toBe(401)
    expect(await upgradeStatus(`${t.wsUrl}/AAAAAAAAAAAAAAAAAAAAAA?token=${board.editToken}`)).toBe(404)
    expect(await upgradeStatus(`${t.wsUrl}/not-an-id?token=x`)).toBe(404)
    expect(JSON.stringify(t.logs)).not.toContain(board.editToken)
  })

  it("relays presence and removes a leaving client's awareness state for everyone", async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl)
    const a = client(t, board.id, board.editToken)
    const b = client(t, board.id, board.viewToken)
    await Promise.all([synced(a), synced(b)])
    a.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    const aId = a.doc.clientID
    await waitFor(() => b.provider.awareness.getStates().get(aId)?.user?.name === 'Ada', 'B to see A')
    // Drop A's socket without a goodbye, so only the server can tell B that A left.
    a.provider.shouldConnect = false
    ;(a.provider.ws as unknown as { terminate(): void }).terminate()
    await waitFor(() => !b.provider.awareness.getStates().has(aId), 'A to disappear for B')
  })

  it('flushes and closes sockets with 1012 (server restarting) on shutdown, keeping the last edit', async () => {
    const first = await startTestServer()
    const board = await createBoard(first.httpUrl)
    const a = connectClient(first, board.id, board.editToken)
    cleanups.push(() => a.destroy())
    await synced(a)
    a.doc.getText('last').insert(0, 'just before shutdown')
    await sleep(50)
    await first.stop()
    expect(a.closeCodes).toContain(1012)

    const second = await start({ dataDir: first.dataDir })
    const b = client(second, board.id, board.editToken)
    await synced(b)
    expect(b.doc.getText('last').toString()).toBe('just before shutdown')
  })
})
