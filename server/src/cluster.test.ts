import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openPostgresStore } from './storage/postgresStore'
import { runClusterCrashCycles } from './testing/clusterCrashCycles'
import { type RunningMain, startMain } from './testing/mainProcess'
import { testScope } from './testing/testScope'
import {
  connectClient,
  createBoard,
  makeTempDir,
  removeDir,
  synced,
  type TestClient,
  waitFor,
} from './testing/testServer'
import {
  findPostgresBinDir,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from './testing/throwawayPostgres'
import { startThrowawayRedis, type ThrowawayRedis } from './testing/throwawayRedis'

/*
 * Several `npm start` instances (child processes, real sockets) on one throwaway PostgreSQL and one
 * throwaway redis-server, as deploy/compose.yaml runs them: clients of one board spread across the
 * instances converge on the stored state, a view link is read-only on every instance, kill -9 of one
 * instance loses no acknowledged edit (clients reconnect through the others), and PostgreSQL going away
 * refuses writes with a clear message, relays nothing unstored, and service resumes when it returns.
 */

const { cleanups } = testScope()
const binDir = findPostgresBinDir()
if (!binDir) console.warn('PostgreSQL binaries missing: skipping the multi-instance tests')

/** A board's content document as PostgreSQL holds it now, read with a store of the test's own. */
async function storedDoc(url: string, boardId: string): Promise<Y.Doc> {
  const store = await openPostgresStore(url, { maxConnections: 1 })
  try {
    const doc = new Y.Doc()
    for (const row of await store.loadUpdates(boardId, 'content')) Y.applyUpdate(doc, row.update)
    return doc
  } finally {
    await store.close()
  }
}

describe.skipIf(!binDir)('several instances on PostgreSQL + Redis', () => {
  let postgres: ThrowawayPostgres
  let redis: ThrowawayRedis
  beforeAll(async () => {
    ;[postgres, redis] = await Promise.all([startThrowawayPostgres(), startThrowawayRedis()])
  }, 60_000)
  afterAll(async () => {
    await redis?.stop()
    await postgres?.stop()
  }, 30_000)

  async function startInstances(count: number, env: Record<string, string>): Promise<RunningMain[]> {
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    const instances = await Promise.all(
      Array.from({ length: count }, () => startMain(path.join(dir, 'unused'), env)),
    )
    for (const instance of instances) cleanups.push(() => instance.child.kill('SIGKILL'))
    return instances
  }

  const client = (instance: RunningMain, boardId: string, token: string): TestClient => {
    const c = connectClient(instance, boardId, token)
    cleanups.push(() => c.destroy())
    return c
  }

  it('3 instances: random edits from clients on every instance converge, equal the store; views stay read-only', async () => {
    const url = await postgres.createDatabase()
    const instances = await startInstances(3, {
      DATABASE_URL: url,
      REDIS_URL: redis.url,
      COMPACT_EVERY_UPDATES: '30',
    })
    const board = await createBoard(instances[0]!.httpUrl, { template: 'blank' })
    const writers = instances.flatMap((instance) =>
      [0, 1].map(() => client(instance, board.id, board.editToken)),
    )
    const viewers = instances.map((instance) => client(instance, board.id, board.viewToken))
    await Promise.all([...writers, ...viewers].map(synced))

    const until = Date.now() + 1500
    let step = 0
    while (Date.now() < until) {
      for (const [i, writer] of writers.entries()) {
        const doc = writer.doc
        const pick = Math.random()
        if (pick < 0.5) doc.getMap('notes').set(`n${Math.floor(Math.random() * 20)}`, `${i}:${step}`)
        else if (pick < 0.8) doc.getArray<string>('list').insert(0, [`${i}:${step}`])
        else if (doc.getArray('list').length > 0) doc.getArray('list').delete(0, 1)
        else doc.getText('text').insert(0, `${i}`)
      }
      // A viewer's local change must never reach the server's doc, the store or anyone else.
      if (step % 10 === 0)
        for (const [i, viewer] of viewers.entries()) viewer.doc.getMap('notes').set(`viewer${i}`, step)
      step++
      await new Promise((resolve) => setTimeout(resolve, 10))
    }

    // A map's entries in key order: Y.Map's own order is each replica's insertion order.
    const state = (doc: Y.Doc) =>
      JSON.stringify([
        [...doc.getMap('notes').entries()].sort(([a], [b]) => a.localeCompare(b)),
        doc.getArray('list').toJSON(),
        doc.getText('text').toString(),
      ])
    const writerStates = () => writers.map((w) => state(w.doc))
    await waitFor(() => new Set(writerStates()).size === 1, 'every writer to converge', 15_000)
    const stored = await storedDoc(url, board.id)
    expect(writerStates()[0]).toBe(state(stored))
    expect(stored.getArray('list').length + stored.getMap('notes').size).toBeGreaterThan(10)
    for (const i of viewers.keys()) {
      expect(stored.getMap('notes').has(`viewer${i}`)).toBe(false)
      for (const writer of writers) expect(writer.doc.getMap('notes').has(`viewer${i}`)).toBe(false)
    }
  }, 60_000)

  it('kill -9 of one instance, 10 cycles: no acknowledged edit lost, its clients reconnect via the others', async () => {
    const url = await postgres.createDatabase()
    const result = await runClusterCrashCycles({
      cycles: 10,
      durationMs: 400,
      env: { DATABASE_URL: url, REDIS_URL: redis.url },
      log: process.env.CRASH_LOG ? console.log : undefined,
    })
    expect(result.cycles).toBe(10)
    expect(result.lostKeys).toEqual([])
    expect(result.lost).toBe(0)
    expect(result.distinctKeys).toBeGreaterThan(100)
    expect(result.watcherReconnects).toBeGreaterThan(0)
  }, 60_000)

  it('PostgreSQL stopped mid-stream: writes refused saying so, nothing unstored relayed, service resumes', async () => {
    const url = await postgres.createDatabase()
    const instances = await startInstances(2, { DATABASE_URL: url, REDIS_URL: redis.url })
    const board = await createBoard(instances[0]!.httpUrl, { template: 'blank' })
    let writers = instances.map((instance) => client(instance, board.id, board.editToken))
    // Observers hold the view link: reconnecting, they cannot re-upload what they received and so hide
    // a relayed edit the store lacks.
    const observers = instances.map((instance) => client(instance, board.id, board.viewToken))
    await Promise.all([...writers, ...observers].map(synced))
    const relayed = new Set<string>()
    const reasons: string[] = []
    for (const observer of observers)
      observer.doc.getMap('edits').observe((event: Y.YMapEvent<unknown>) => {
        if (event.transaction.origin === observer.provider)
          for (const key of event.keysChanged) relayed.add(key)
      })
    for (const writer of writers)
      writer.provider.on('connection-close', (event) => {
        if (event) reasons.push(event.reason)
      })
    let n = 0
    const writing = setInterval(() => {
      for (const [i, writer] of writers.entries()) writer.doc.getMap('edits').set(`w${i}:${n}`, n)
      n++
    }, 5)
    cleanups.push(() => clearInterval(writing))
    await waitFor(() => relayed.size >= 20, 'edits to flow')

    await postgres.pause()
    cleanups.push(() => postgres.resume())
    const refusal = 'database unreachable: edits not stored; reconnect to resync'
    await waitFor(() => reasons.includes(refusal), 'a write refused, saying why', 15_000)
    await new Promise((resolve) => setTimeout(resolve, 500))
    // Destroyed before PostgreSQL returns, so no writer can re-upload an edit that was relayed unstored.
    clearInterval(writing)
    for (const writer of writers) writer.destroy()
    const relayedBeforeResume = [...relayed]

    await postgres.resume()
    writers = instances.map((instance) => client(instance, board.id, board.editToken))
    await Promise.all(writers.map((w) => waitFor(() => w.provider.synced, 'a writer to sync again', 20_000)))
    for (const [i, writer] of writers.entries()) writer.doc.getMap('edits').set(`after${i}`, 1)
    await waitFor(
      () =>
        observers.every((o) => o.doc.getMap('edits').has('after0') && o.doc.getMap('edits').has('after1')),
      'edits relayed again once PostgreSQL is back',
      20_000,
    )
    const storedKeys = new Set((await storedDoc(url, board.id)).getMap('edits').keys())
    expect(relayedBeforeResume.length).toBeGreaterThanOrEqual(20)
    expect(relayedBeforeResume.filter((key) => !storedKeys.has(key))).toEqual([])
    expect(storedKeys.has('after0') && storedKeys.has('after1')).toBe(true)
  }, 60_000)
})
