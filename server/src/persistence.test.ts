import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  createNote,
  readLanes,
  readStages,
  SCHEMA_VERSION,
  setBoardTitle,
} from '../../shared/src/board/schema'
import { closeCodes } from './closeCodes'
import { hashToken } from './permissions/tokens'
import type { BoardStore, UpdateToAppend } from './storage/BoardStore'
import { messageSync } from './sync/messages'
import { smallUpdate, updateFrame } from './testing/frames'
import { closeEvent, collectMessages, openRawSocket } from './testing/rawSocket'
import { testScope } from './testing/testScope'
import { createBoard, sleep, storedDoc, synced, waitFor } from './testing/testServer'

/** Persist before broadcast, failure handling, compaction, unload, summaries and migration on load. */

const { cleanups, start, client } = testScope()

/** A store whose appends throw like a full disk while `failFor(boardId)` says so (SQLite's synchronous path too). */
function failingAppends(failFor: (boardId: string) => boolean) {
  const check = (batch: readonly UpdateToAppend[]) => {
    if (batch.some((entry) => failFor(entry.boardId)))
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
  }
  return (inner: BoardStore): BoardStore => ({
    ...inner,
    async appendUpdates(batch) {
      check(batch)
      return inner.appendUpdates(batch)
    },
    appendUpdatesNow(batch) {
      check(batch)
      return inner.appendUpdatesNow!(batch)
    },
  })
}

describe('persist before broadcast', () => {
  it('never relays an edit whose write failed, then recovers it from the client once writes work', async () => {
    let failing = false
    const t = await start({ wrapStore: failingAppends(() => failing) })
    const board = await createBoard(t.httpUrl)
    const a = client(t, board.id, board.editToken)
    const b = client(t, board.id, board.editToken)
    await Promise.all([synced(a), synced(b)])
    let bSawIt = false
    b.doc.on('update', () => {
      if (failing && b.doc.getText('t').length > 0) bSawIt = true
    })

    failing = true
    a.doc.getText('t').insert(0, 'written while the disk is full')
    await waitFor(() => a.closeCodes.includes(closeCodes.internalError), 'A closed with 1011')
    // A reconnects and resends the edit, which fails again: still nothing of it reaches B.
    await waitFor(
      () => a.closeCodes.filter((code) => code === closeCodes.internalError).length >= 2,
      'A to reconnect and be closed again',
    )
    expect(bSawIt).toBe(false)
    expect(b.doc.getText('t').toString()).toBe('')
    expect((await storedDoc(t.store, board.id)).getText('t').toString()).toBe('')
    expect(t.logs.some((l) => l.msg === 'storing edits failed; dropping the room' && l.level === 50)).toBe(
      true,
    )

    failing = false
    // A reconnects and resyncs its local state: nothing is lost.
    await waitFor(
      () => b.doc.getText('t').toString() === 'written while the disk is full',
      'B after recovery',
    )
    expect((await storedDoc(t.store, board.id)).getText('t').toString()).toBe(
      'written while the disk is full',
    )
  })

  it('never answers sync step 1 with data that is not stored yet', async () => {
    let failing = false
    const t = await start({ wrapStore: failingAppends(() => failing) })
    const board = await createBoard(t.httpUrl)
    const ws = await openRawSocket(t.wsUrl, board.id, board.editToken)
    const received = collectMessages(ws)
    const closed = closeEvent(ws)
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'unstored')
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, messageSync)
    syncProtocol.writeUpdate(update, Y.encodeStateAsUpdate(doc))
    const step1 = encoding.createEncoder()
    encoding.writeVarUint(step1, messageSync)
    syncProtocol.writeSyncStep1(step1, new Y.Doc())
    failing = true
    // Same socket, so the server sees the update first and the state request second.
    ws.send(encoding.toUint8Array(update))
    ws.send(encoding.toUint8Array(step1))
    expect((await closed).code).toBe(closeCodes.internalError)
    const replies = received.filter((m) => m[0] === messageSync && m[1] === syncProtocol.messageYjsSyncStep2)
    expect(replies).toEqual([])
  })

  it('keeps other boards working while one board cannot be written', async () => {
    let brokenId = ''
    const t2 = await start({ wrapStore: failingAppends((id) => id === brokenId) })
    const broken = await createBoard(t2.httpUrl)
    const fine = await createBoard(t2.httpUrl)
    brokenId = broken.id
    const x = client(t2, broken.id, broken.editToken)
    const y1 = client(t2, fine.id, fine.editToken)
    const y2 = client(t2, fine.id, fine.editToken)
    await Promise.all([synced(x), synced(y1), synced(y2)])

    // Same tick, so both boards are likely in one batch: the batch fails and is retried board by board.
    x.doc.getText('t').insert(0, 'lost for now')
    y1.doc.getText('t').insert(0, 'fine')
    await waitFor(() => y2.doc.getText('t').toString() === 'fine', 'the healthy board to relay')
    await waitFor(() => x.closeCodes.includes(closeCodes.internalError), 'the broken board to close')
    expect((await storedDoc(t2.store, fine.id)).getText('t').toString()).toBe('fine')
    expect((await storedDoc(t2.store, broken.id)).getText('t').toString()).toBe('')
    expect(y1.closeCodes).toEqual([])
  })
})

describe('relays', () => {
  /** The keys of map 'm' in each update message (sync type 2) a raw socket received. */
  const relayedKeys = (messages: Uint8Array[]) =>
    messages
      .filter((m) => m[0] === messageSync && m[1] === syncProtocol.messageYjsUpdate)
      .map((m) => {
        const doc = new Y.Doc()
        Y.applyUpdate(doc, decoding.readVarUint8Array(decoding.createDecoder(m.subarray(2))))
        return [...doc.getMap('m').keys()].sort()
      })

  it('relays the updates of one written batch as one message per run without a repeated author, never back to their authors', async () => {
    // Slow writes: what arrives while one batch is written forms the next.
    const store = { delayMs: 0 }
    const t = await start({
      wrapStore: (inner) => ({
        ...inner,
        appendUpdatesNow: undefined, // batches form only in the queue, i.e. with a store that answers later
        async appendUpdates(batch) {
          await sleep(store.delayMs)
          return inner.appendUpdates(batch)
        },
      }),
    })
    const board = await createBoard(t.httpUrl)
    const sockets = await Promise.all([0, 1, 2].map(() => openRawSocket(t.wsUrl, board.id, board.editToken)))
    cleanups.push(() => {
      for (const ws of sockets) ws.close()
    })
    const [a, b] = sockets
    const [toA, toB, toC] = sockets.map(collectMessages) as [Uint8Array[], Uint8Array[], Uint8Array[]]
    await sleep(100) // joined
    store.delayMs = 150
    a?.send(updateFrame(smallUpdate('a1')))
    await sleep(30) // a1's batch is being written
    b?.send(updateFrame(smallUpdate('b1')))
    await sleep(10) // b1 reaches the server before a2
    a?.send(updateFrame(smallUpdate('a2')))
    a?.send(updateFrame(smallUpdate('a3'))) // a repeats: a message of its own, so a3 never hides a2
    await waitFor(() => relayedKeys(toC).flat().length === 4, 'all four relayed to c')
    expect(relayedKeys(toC)).toEqual([['a1'], ['a2', 'b1'], ['a3']])
    await waitFor(() => relayedKeys(toA).length === 1 && relayedKeys(toB).length === 3, 'relays')
    expect(relayedKeys(toA)).toEqual([['b1']])
    expect(relayedKeys(toB)).toEqual([['a1'], ['a2'], ['a3']])
  })
})

describe('storage lifecycle', () => {
  it('compacts a board once it has more than compactEveryUpdates rows', async () => {
    const t = await start({ config: { compactEveryUpdates: 5 } })
    const board = await createBoard(t.httpUrl)
    const a = client(t, board.id, board.editToken)
    await synced(a)
    for (let i = 0; i < 30; i++) {
      a.doc.getArray<number>('numbers').push([i])
      await sleep(2)
    }
    await waitFor(
      async () => (await storedDoc(t.store, board.id)).getArray('numbers').length === 30,
      'all writes',
    )
    expect((await t.store.loadUpdates(board.id, 'content')).length).toBeLessThanOrEqual(6)
    expect((await storedDoc(t.store, board.id)).getArray('numbers').toArray()).toEqual([...Array(30).keys()])
    expect((await storedDoc(t.store, board.id)).getMap('meta').get('title')).toBe('Customer journey')
  })

  it('unloads an idle board after writing its summary and compacting, then loads it afresh', async () => {
    const t = await start({ config: { idleUnloadMs: 50, summaryDebounceMs: 60_000 } })
    const board = await createBoard(t.httpUrl)
    const a = client(t, board.id, board.editToken)
    await synced(a)
    setBoardTitle(a.doc, 'Checkout journey')
    const stageId = readStages(a.doc)[0]!.id
    const laneId = readLanes(a.doc)[0]!.id
    createNote(a.doc, { stageId, laneId, text: 'Payment fails on mobile' })
    await waitFor(
      async () => (await storedDoc(t.store, board.id)).getMap('notes').size === 1,
      'the note stored',
    )
    a.destroy()
    await waitFor(() => t.logs.some((l) => l.msg === 'room unloaded' && l.boardId === board.id), 'unload')

    const summary = await fetch(`${t.httpUrl}/api/boards/${board.id}`, {
      headers: { Authorization: `Bearer ${board.viewToken}` },
    })
    expect(await summary.json()).toMatchObject({ id: board.id, title: 'Checkout journey', noteCount: 1 })
    expect(await t.store.loadUpdates(board.id, 'content')).toHaveLength(1)

    const b = client(t, board.id, board.viewToken)
    await synced(b)
    expect(b.doc.getMap('meta').get('title')).toBe('Checkout journey')
    expect(b.doc.getMap('notes').size).toBe(1)
  })

  it('refreshes the board summary while clients stay connected (debounced)', async () => {
    const t = await start({ config: { summaryDebounceMs: 30 } })
    const board = await createBoard(t.httpUrl)
    const a = client(t, board.id, board.editToken)
    await synced(a)
    setBoardTitle(a.doc, 'Live rename')
    await waitFor(async () => (await t.store.getBoard(board.id))?.title === 'Live rename', 'the summary row')
    const row = (await t.store.getBoard(board.id))!
    expect(row.updatedAt).toBeGreaterThanOrEqual(row.createdAt)
  })

  it('migrates a stored board on load, before any client syncs, and stores the migration', async () => {
    const t = await start()
    const old = new Y.Doc()
    old.getMap('meta').set('title', 'From before versioning')
    const id = 'AAAAAAAAAAAAAAAAAAAAAA'
    await t.store.createBoard(
      {
        id,
        title: 'From before versioning',
        editTokenHash: hashToken('edit-token'),
        viewTokenHash: hashToken('view-token'),
        createdAt: 1,
        noteCount: 0,
      },
      Y.encodeStateAsUpdate(old),
    )
    const viewer = client(t, id, 'view-token')
    await synced(viewer)
    expect(viewer.doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION)
    await waitFor(
      async () => (await storedDoc(t.store, id)).getMap('meta').get('schemaVersion') === SCHEMA_VERSION,
      'migration stored',
    )
  })
})
