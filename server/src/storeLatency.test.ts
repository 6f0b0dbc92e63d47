import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { closeCodes } from './closeCodes'
import type { ServerConfig } from './config'
import { messageSync } from './sync/messages'
import { closeEvent, collectMessages, openRawSocket } from './testing/rawSocket'
import { type SlowStore, slowStore } from './testing/slowStore'
import { testScope } from './testing/testScope'
import {
  connectClient,
  createBoard,
  sleep,
  startTestServer,
  storedDoc,
  synced,
  type TestClient,
  type TestServer,
  waitFor,
} from './testing/testServer'

/*
 * The guarantees hold when the store is slow, as a network store would be: persist before broadcast,
 * load before sync (frames sent meanwhile are kept), joins during an unload, and a failed load.
 */

const { cleanups } = testScope()

async function start(
  delayMs: SlowStore['delayMs'] = {},
  config: Partial<ServerConfig> = {},
): Promise<{ t: TestServer; store: SlowStore }> {
  let store!: SlowStore
  const t = await startTestServer({
    config,
    wrapStore: (inner) => {
      store = slowStore(inner, delayMs)
      return store
    },
  })
  cleanups.push(() => t.stop())
  return { t, store }
}
function client(t: TestServer, boardId: string, token: string): TestClient {
  const c = connectClient(t, boardId, token)
  cleanups.push(() => c.destroy())
  return c
}
const logged = (t: TestServer, msg: string) => t.logs.filter((l) => l.msg === msg)
const isStep2 = (m: Uint8Array) => m[0] === messageSync && m[1] === syncProtocol.messageYjsSyncStep2
const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, messageSync)
  write(e)
  return encoding.toUint8Array(e)
}
/** The document a sync step 2 message carries. */
function stateOf(step2: Uint8Array): Y.Doc {
  const decoder = decoding.createDecoder(step2)
  decoding.readVarUint(decoder) // message type
  decoding.readVarUint(decoder) // sync type
  const doc = new Y.Doc()
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  return doc
}

describe('with a slow store', () => {
  it('relays an edit only after its append resolved (append takes 50 ms)', async () => {
    const { t, store } = await start()
    const board = await createBoard(t.httpUrl)
    const a = client(t, board.id, board.editToken)
    const b = client(t, board.id, board.editToken)
    await Promise.all([synced(a), synced(b)])
    await sleep(50) // let the initial sync's writes settle
    store.delayMs.appendUpdates = 50
    const appendsBefore = store.settled.appendUpdates
    let appendsWhenReceived: number | undefined
    b.doc.on('update', () => {
      if (b.doc.getText('t').length > 0) appendsWhenReceived ??= store.settled.appendUpdates
    })

    a.doc.getText('t').insert(0, 'slowly stored')
    await sleep(30)
    expect(b.doc.getText('t').toString()).toBe('') // the append is still in flight
    expect(store.settled.appendUpdates).toBe(appendsBefore)
    await waitFor(() => b.doc.getText('t').toString() === 'slowly stored', 'B to get the edit')
    expect(appendsWhenReceived).toBeGreaterThan(appendsBefore)
    expect((await storedDoc(t.store, board.id)).getText('t').toString()).toBe('slowly stored')
  })

  it('keeps relays in order while writes queue up behind a slow append', async () => {
    const { t } = await start({ appendUpdates: 20 })
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    const a = client(t, board.id, board.editToken)
    const b = client(t, board.id, board.editToken)
    await Promise.all([synced(a), synced(b)])
    const seen: number[] = []
    b.doc.getArray<number>('n').observe(() => seen.splice(0, seen.length, ...b.doc.getArray<number>('n')))
    for (let i = 0; i < 20; i++) {
      a.doc.getArray<number>('n').push([i])
      await sleep(3) // spread over several batches, most arriving while one is in flight
    }
    await waitFor(() => seen.length === 20, 'B to get every edit')
    expect(seen).toEqual([...Array(20).keys()])
    expect((await storedDoc(t.store, board.id)).getArray('n').toArray()).toEqual([...Array(20).keys()])
  })

  it('answers sync step 1 with what the next write stores, not with edits applied while it is in flight', async () => {
    const { t } = await start()
    const board = await createBoard(t.httpUrl, { template: 'blank' })
    const editor = await openRawSocket(t.wsUrl, board.id, board.editToken)
    const reader = await openRawSocket(t.wsUrl, board.id, board.viewToken)
    cleanups.push(
      () => editor.terminate(),
      () => reader.terminate(),
    )
    const received = collectMessages(reader)
    await sleep(50) // both joined, initial writes done
    const store = t.store as SlowStore
    store.delayMs.appendUpdates = 60
    const local = new Y.Doc()
    const updates: Uint8Array[] = []
    local.on('update', (u: Uint8Array) => updates.push(u))
    const edit = (text: string) => {
      local.getArray<string>('log').push([text])
      editor.send(frame((e) => syncProtocol.writeUpdate(e, updates.at(-1)!)))
    }
    edit('u1') // batch 1: in flight 0–60 ms
    await sleep(15)
    reader.send(frame((e) => syncProtocol.writeSyncStep1(e, new Y.Doc()))) // reply goes with batch 2
    await sleep(10)
    edit('u2') // batch 2: cut at ~60 ms, in flight until ~120 ms
    await sleep(65)
    edit('u3') // applied at ~90 ms, while batch 2 is in flight: batch 3
    await waitFor(() => received.some(isStep2), 'the sync step 2 reply')
    expect(stateOf(received.find(isStep2)!).getArray('log').toArray()).toEqual(['u1', 'u2'])
  })

  it('lets a client join while the board loads: it gets the stored state and its early edits are kept', async () => {
    const { t, store } = await start({ loadUpdates: 150 })
    const board = await createBoard(t.httpUrl, { title: 'Loaded slowly' })
    const a = client(t, board.id, board.editToken)
    const b = client(t, board.id, board.editToken) // a concurrent join of the same board
    let loadsWhenEdited: number | undefined
    a.provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected' || loadsWhenEdited !== undefined) return
      loadsWhenEdited = store.settled.loadUpdates
      a.doc.getText('early').insert(0, 'typed before the board loaded')
    })
    await Promise.all([synced(a), synced(b)])
    expect(loadsWhenEdited).toBe(0) // the edit really was sent while loading
    expect(store.settled.loadUpdates).toBe(1) // both joins shared one load
    expect(a.doc.getMap('meta').get('title')).toBe('Loaded slowly')
    expect(b.doc.getMap('stages').size).toBeGreaterThan(0)
    await waitFor(() => b.doc.getText('early').toString() === 'typed before the board loaded', 'B gets it')
    expect((await storedDoc(t.store, board.id)).getText('early').toString()).toBe(
      'typed before the board loaded',
    )
  })

  it('answers frames sent while loading in order, with a sync step 2 holding the stored board', async () => {
    const { t } = await start({ loadUpdates: 100 })
    const board = await createBoard(t.httpUrl, { title: 'Raw' })
    const ws = await openRawSocket(t.wsUrl, board.id, board.editToken)
    cleanups.push(() => ws.terminate())
    const received = collectMessages(ws)
    const local = new Y.Doc()
    local.getText('t').insert(0, 'sent during load')
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, messageSync)
    syncProtocol.writeUpdate(update, Y.encodeStateAsUpdate(local))
    const step1 = encoding.createEncoder()
    encoding.writeVarUint(step1, messageSync)
    syncProtocol.writeSyncStep1(step1, new Y.Doc())
    ws.send(encoding.toUint8Array(update))
    ws.send(encoding.toUint8Array(step1))
    await waitFor(() => received.some(isStep2), 'the sync step 2 reply')
    const reply = stateOf(received.find(isStep2)!)
    expect(reply.getMap('meta').get('title')).toBe('Raw')
    expect(reply.getText('t').toString()).toBe('sent during load') // the update was applied before the reply
  })

  it('closes a socket that sends more than maxLoadingBufferBytes while loading with 1013', async () => {
    const { t } = await start({ loadUpdates: 300 }, { maxLoadingBufferBytes: 1000 })
    const board = await createBoard(t.httpUrl)
    const ws = await openRawSocket(t.wsUrl, board.id, board.editToken)
    const closed = closeEvent(ws)
    for (let i = 0; i < 3; i++) ws.send(new Uint8Array(600))
    expect((await closed).code).toBe(closeCodes.tryAgainLater)
    expect(logged(t, 'closing connection').some((l) => l.closeCode === closeCodes.tryAgainLater)).toBe(true)
  })

  it('makes a join during an unload wait for it, then load the board afresh with every edit', async () => {
    const { t, store } = await start({ appendUpdates: 80, compact: 250 }, { idleUnloadMs: 30 })
    const board = await createBoard(t.httpUrl)
    const a = client(t, board.id, board.editToken)
    await synced(a)
    a.doc.getText('t').insert(0, 'written while leaving')
    await sleep(5)
    a.destroy() // the append is in flight; the unload starts 30 ms later and must wait for it
    await waitFor(() => store.settled.compact === 0 && logged(t, 'room loaded').length === 1, 'loaded once')
    await sleep(120) // the unload is now in its slow compaction
    expect(logged(t, 'room unloaded')).toHaveLength(0)

    const b = client(t, board.id, board.editToken)
    await synced(b)
    expect(b.doc.getText('t').toString()).toBe('written while leaving')
    expect(b.closeCodes).toEqual([]) // it joined the fresh room, not the one being unloaded
    // One doc at a time: the second load came after the unload finished.
    const order = t.logs.map((l) => l.msg).filter((m) => m === 'room unloaded' || m === 'room loaded')
    expect(order).toEqual(['room loaded', 'room unloaded', 'room loaded'])
    expect(store.settled.loadUpdates).toBe(2)
    expect(store.settled.compact).toBe(1)

    b.doc.getText('t').insert(0, 'and then: ')
    await waitFor(
      async () =>
        (await storedDoc(t.store, board.id)).getText('t').toString() === 'and then: written while leaving',
      'the new edit stored on top of the compacted board',
    )
  })

  it('closes with 1011 when loading fails, caches nothing, and the next join works once the store recovers', async () => {
    const { t, store } = await start()
    const board = await createBoard(t.httpUrl)
    store.failWith.loadUpdates = new Error('connection to the database lost')
    const a = client(t, board.id, board.editToken)
    await waitFor(() => a.closeCodes.includes(closeCodes.internalError), 'A closed with 1011')
    expect(logged(t, 'loading the board failed').length).toBeGreaterThan(0)
    expect(logged(t, 'loading the board failed')[0]).toMatchObject({ level: 50, boardId: board.id })

    delete store.failWith.loadUpdates
    await synced(a) // the stock client reconnects after 1011
    expect(a.doc.getMap('meta').get('title')).toBe('Customer journey')
    expect(logged(t, 'room loaded')).toHaveLength(1)
  })
})
