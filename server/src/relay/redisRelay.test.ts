import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ServerConfig } from '../config'
import { createLogger } from '../log'
import type { BoardStore } from '../storage/BoardStore'
import { openSqliteStore } from '../storage/sqliteStore'
import { type SyncHarness, startSyncHarness } from '../testing/syncHarness'
import { startThrowawayRedis, type ThrowawayRedis } from '../testing/throwawayRedis'
import { createRedisRelays, type RedisRelays } from './redisRelay'

// Two instances (two Rooms, each with its own persist queue and SQLite connection) on one shared SQLite
// file, relaying through a real throwaway redis-server: an edit on one reaches the other's sockets, and
// after Redis restarts (empty) relaying resumes.

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const quiet = createLogger({ level: process.env.RELAY_LOG ?? 'silent' })

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

async function instance(dir: string, redis: ThrowawayRedis, first: boolean, config?: Partial<ServerConfig>) {
  const store: BoardStore = openSqliteStore(dir)
  const relays: RedisRelays = createRedisRelays(redis.url, quiet, { blockMs: 50 })
  const harness: SyncHarness = await startSyncHarness({
    store,
    relays: relays.open,
    boardExists: !first,
    config,
  })
  cleanups.push(async () => {
    await harness.stop()
    await relays.close()
    await store.close()
  })
  const room = await harness.open()
  const client = harness.connect()
  room.addConnection(client.conn)
  return { store, relays, harness, room, client }
}

/** An update of a client holding `doc`'s state that sets notes[key]. */
function edit(doc: Y.Doc, key: string, value: string): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(client)
  client.getMap('notes').set(key, value)
  return Y.encodeStateAsUpdate(client, before)
}

describe('Redis relay', () => {
  it('relays a stored edit between two instances on one store, and resumes after Redis restarts', async () => {
    const redis = await startThrowawayRedis()
    cleanups.push(() => redis.stop())
    const dir = mkdtempSync(path.join(tmpdir(), 'jb-relay-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const a = await instance(dir, redis, true)
    const b = await instance(dir, redis, false)
    await until(() => a.relays.instanceId !== b.relays.instanceId, 'two instance ids')

    expect(a.room.applyClientUpdate(edit(a.room.doc, 'n1', 'from a'), a.client.conn)).toBe('applied')
    const notesOfB = () => b.client.socket.receivedDoc().getMap('notes')
    await until(() => notesOfB().get('n1') === 'from a', 'b to receive the edit')
    expect(b.room.doc.getMap('notes').get('n1')).toBe('from a')

    const rows = async () => (await a.store.loadUpdates(a.harness.boardId, a.room.documentName)).length
    const rowsAfterFirst = await rows()

    await redis.restart()
    expect(b.room.applyClientUpdate(edit(b.room.doc, 'n2', 'from b'), b.client.conn)).toBe('applied')
    await until(() => a.client.socket.receivedDoc().getMap('notes').get('n2') === 'from b', 'a after restart')
    // A second edit of b's: both instances append to one document of one file (seqs are max + 1 in the
    // INSERT, storage/twoWriters.test.ts), and a's rows are in it too.
    expect(b.room.applyClientUpdate(edit(b.room.doc, 'n3', 'from b again'), b.client.conn)).toBe('applied')
    await until(() => a.client.socket.receivedDoc().getMap('notes').get('n3') === 'from b again', 'a, 2nd')

    // Each edit stored once, by the instance that took it; nothing relayed was stored again.
    expect(await rows()).toBe(rowsAfterFirst + 2)
    const stored = new Y.Doc()
    for (const row of await a.store.loadUpdates(a.harness.boardId, a.room.documentName))
      Y.applyUpdate(stored, row.update)
    for (const doc of [a.room.doc, b.room.doc])
      expect(doc.getMap('notes').toJSON()).toEqual(stored.getMap('notes').toJSON())
  }, 20_000)

  it('never compacts away a row another instance stored that this one has not received yet', async () => {
    const redis = await startThrowawayRedis()
    cleanups.push(() => redis.stop())
    const dir = mkdtempSync(path.join(tmpdir(), 'jb-relay-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const a = await instance(dir, redis, true)
    const b = await instance(dir, redis, false, { compactEveryUpdates: 5 })
    const rowsOf = () => a.store.loadUpdates(a.harness.boardId, a.room.documentName)

    // Redis answers nothing: a stores its edit, but b does not hear of it.
    redis.freeze()
    cleanups.push(() => redis.resume())
    expect(a.room.applyClientUpdate(edit(a.room.doc, 'from-a', 'kept'), a.client.conn)).toBe('applied')
    // b's edits come after a's row, so b's compaction replaces it (upToSeq is b's last seq).
    for (let i = 0; i < 8; i++)
      expect(b.room.applyClientUpdate(edit(b.room.doc, `b${i}`, 'x'), b.client.conn)).toBe('applied')
    expect(b.room.doc.getMap('notes').has('from-a')).toBe(false)
    const deadline = Date.now() + 5000
    while (!(await rowsOf()).some((row) => row.compacted)) {
      if (Date.now() > deadline) throw new Error('b never compacted')
      await new Promise((r) => setTimeout(r, 10))
    }

    const stored = new Y.Doc()
    for (const row of await rowsOf()) Y.applyUpdate(stored, row.update)
    expect(stored.getMap('notes').get('from-a')).toBe('kept')
    expect(stored.getMap('notes').get('b7')).toBe('x')
    redis.resume()
  }, 20_000)

  it('catches up from the store when sockets join, so an edit stored but never relayed reaches everyone', async () => {
    const redis = await startThrowawayRedis()
    cleanups.push(() => redis.stop())
    const dir = mkdtempSync(path.join(tmpdir(), 'jb-relay-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const b = await instance(dir, redis, true)
    // What an instance killed between its COMMIT and its XADD leaves behind: a row no relay announces.
    const other = openSqliteStore(dir)
    cleanups.push(() => other.close())
    await new Promise((r) => setTimeout(r, 1100)) // past the joins that come with the load
    await other.appendUpdates([
      {
        boardId: b.harness.boardId,
        document: b.room.documentName,
        update: edit(b.room.doc, 'orphan', 'stored'),
      },
    ])
    const notesOfB = () => b.client.socket.receivedDoc().getMap('notes')
    await new Promise((r) => setTimeout(r, 300))
    expect(notesOfB().has('orphan')).toBe(false)

    // The dead instance's clients reconnect here.
    const newcomer = b.harness.connect()
    b.room.addConnection(newcomer.conn)
    await until(() => notesOfB().get('orphan') === 'stored', 'the existing client to get the orphaned edit')
    expect(b.room.doc.getMap('notes').get('orphan')).toBe('stored')
  }, 20_000)
})

/** Waits until the relays' ping answers (its connection is ready), failing after 5 s. */
async function answers(relays: RedisRelays): Promise<void> {
  const deadline = Date.now() + 5000
  for (;;) {
    try {
      await relays.ping(2000)
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((r) => setTimeout(r, 50))
    }
  }
}

describe('readiness ping', () => {
  it('times out on a frozen Redis, answers again after a restart, and leaves no unhandled rejection behind', async () => {
    const redis = await startThrowawayRedis()
    cleanups.push(() => redis.stop())
    const relays = createRedisRelays(redis.url, quiet, { blockMs: 50 })
    cleanups.push(() => relays.close())
    await answers(relays)
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    cleanups.push(() => {
      process.off('unhandledRejection', onUnhandled)
    })
    redis.freeze()
    await expect(relays.ping(100)).rejects.toThrow(/did not answer in 100 ms/)
    // The ping still waiting on the frozen server fails when its connection goes (killed while frozen).
    await redis.restart()
    await answers(relays)
    expect(unhandled).toEqual([])
  })
})
