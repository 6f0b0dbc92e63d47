import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import type { BoardStore } from '../storage/BoardStore'
import { openPostgresStore } from '../storage/postgresStore'
import { connectClient, createBoard, type TestClient, waitFor } from './clients'
import { observeRelayed, syncedWithin } from './crashHarness'
import { type RunningMain, startMain } from './mainProcess'
import { type RoundRobinProxy, startRoundRobinProxy } from './roundRobinProxy'

/*
 * The crash harness (crashHarness.ts) across instances: three `npm start` processes on one PostgreSQL
 * and one Redis (`env` holds DATABASE_URL and REDIS_URL). Each cycle, writers connected straight to
 * every instance write uniquely keyed entries; every key a client RECEIVED FROM A SERVER was stored
 * (relayed only after the write), so it is acknowledged. One instance (each in turn) gets SIGKILL at a
 * random moment; its writers are destroyed at once (a provider that reconnected would re-upload its doc
 * and hide a loss), and PostgreSQL itself is read (not a survivor, whose copy may still be catching up
 * from Redis) to check that every key acknowledged so far is stored. Watchers with the view token (they cannot re-upload anything) stay connected through a
 * sticky-free round-robin proxy for the whole run: those on the killed instance reconnect through the
 * proxy to the others, and after every cycle each watcher must be synced again and hold every
 * acknowledged key. The killed instance is restarted (on a new port) while the check runs.
 */

export interface ClusterCrashOptions {
  cycles: number
  /** DATABASE_URL and REDIS_URL (and anything else) for every instance. */
  env: { DATABASE_URL: string; REDIS_URL: string } & Record<string, string>
  /** Writers per instance per cycle (default 1). */
  writersPerInstance?: number
  /** Watchers through the proxy (default 6). */
  watchers?: number
  /** The kill lands at a uniformly random moment in [0.2, 1] × durationMs after the writers start. */
  durationMs: number
  writeIntervalMs?: number
  log?: (line: string) => void
}

export interface ClusterCrashResult {
  cycles: number
  /** Distinct acknowledged keys missing from the store after a kill. Must be 0. */
  lost: number
  lostKeys: string[]
  distinctKeys: number
  /** Watcher connections closed by a kill (each then reconnected through the proxy). */
  watcherReconnects: number
}

const instanceCount = 3
const crashMapName = 'crash'

export async function runClusterCrashCycles(options: ClusterCrashOptions): Promise<ClusterCrashResult> {
  const writersPerInstance = options.writersPerInstance ?? 1
  const writeIntervalMs = options.writeIntervalMs ?? 5
  const root = mkdtempSync(path.join(tmpdir(), 'jb-cluster-crash-'))
  const dataDir = path.join(root, 'unused') // PostgreSQL holds everything; no instance writes DATA_DIR
  const env = { COMPACT_EVERY_UPDATES: '40', ...options.env }
  const acknowledged = new Set<string>()
  const lost = new Set<string>()
  const result: ClusterCrashResult = {
    cycles: 0,
    lost: 0,
    lostKeys: [],
    distinctKeys: 0,
    watcherReconnects: 0,
  }
  const instances: RunningMain[] = await Promise.all(
    Array.from({ length: instanceCount }, () => startMain(dataDir, env)),
  )
  let proxy: RoundRobinProxy | undefined
  let watchers: TestClient[] = []
  let writers: { client: TestClient; timer?: NodeJS.Timeout; on: number }[] = []
  let restarting: Promise<void> | undefined
  let database: BoardStore | undefined
  try {
    database = await openPostgresStore(options.env.DATABASE_URL, { maxConnections: 1 })
    proxy = await startRoundRobinProxy(instances.map((i) => i.port))
    const board = await createBoard(instances[0]!.httpUrl, { template: 'blank' })
    const running = proxy
    watchers = Array.from({ length: options.watchers ?? 6 }, () =>
      connectClient(running, board.id, board.viewToken),
    )
    await Promise.all(watchers.map(syncedWithin))

    for (let cycle = 0; cycle < options.cycles; cycle++) {
      const victim = cycle % instanceCount
      writers = instances.flatMap((instance, on) =>
        Array.from({ length: writersPerInstance }, () => {
          const client = connectClient(instance, board.id, board.editToken)
          observeRelayed(client, acknowledged)
          return { client, on }
        }),
      )
      await Promise.all(writers.map((w) => syncedWithin(w.client)))
      writers.forEach((writer, i) => {
        let n = 0
        writer.timer = setInterval(() => {
          writer.client.doc.getMap<number>(crashMapName).set(`c${cycle}-${i}:${n}`, n)
          n++
        }, writeIntervalMs)
      })
      const closesBefore = watchers.reduce((sum, w) => sum + w.closeCodes.length, 0)
      const killAt = Math.round((0.2 + 0.8 * Math.random()) * options.durationMs)
      await new Promise((resolve) => setTimeout(resolve, killAt))
      const dead = instances[victim]!
      dead.child.kill('SIGKILL')
      for (const writer of writers) clearInterval(writer.timer)
      for (const writer of writers.filter((w) => w.on === victim)) writer.client.destroy()
      await dead.exited
      proxy.setBackends(instances.filter((_, i) => i !== victim).map((i) => i.port))

      // Restarted while the survivors are checked; it rejoins the proxy once listening.
      const restarted = startMain(dataDir, env).then((instance) => {
        restarting = undefined
        instances[victim] = instance
        running.setBackends(instances.map((i) => i.port))
      })
      restarting = restarted
      // Only keys acknowledged before the read began must be in it: the survivors' in-flight edits are
      // stored and relayed while it runs (those are checked next cycle and at the end).
      const ackedBeforeRead = [...acknowledged]
      const present = await storedKeys(database, board.id)
      const missing = ackedBeforeRead.filter((key) => !present.has(key))
      for (const key of missing) lost.add(key)
      // Keys the survivors' writers got acknowledged after the read are checked next cycle.
      const expected = [...present].filter((key) => acknowledged.has(key))
      await waitFor(
        () =>
          watchers.every((w) => {
            const keys = w.doc.getMap(crashMapName)
            return w.provider.wsconnected && w.provider.synced && expected.every((key) => keys.has(key))
          }),
        'every watcher to be connected and hold every acknowledged key',
        20_000,
      )
      result.watcherReconnects += watchers.reduce((sum, w) => sum + w.closeCodes.length, 0) - closesBefore
      for (const writer of writers.filter((w) => w.on !== victim)) writer.client.destroy()
      writers = []
      await restarted
      result.cycles++
      result.lost = lost.size
      result.lostKeys = [...lost].slice(0, 20)
      options.log?.(
        `cluster crash cycle ${cycle + 1}/${options.cycles}: killed instance ${victim} at ${killAt} ms, ${acknowledged.size} acknowledged keys checked, ${missing.length} missing`,
      )
    }
    const finalAcked = [...acknowledged]
    const finalPresent = await storedKeys(database, board.id)
    for (const key of finalAcked) if (!finalPresent.has(key)) lost.add(key)
    result.lost = lost.size
    result.lostKeys = [...lost].slice(0, 20)
    result.distinctKeys = acknowledged.size
    return result
  } finally {
    for (const writer of writers) {
      clearInterval(writer.timer)
      writer.client.destroy()
    }
    for (const watcher of watchers) watcher.destroy()
    await proxy?.close()
    await restarting?.catch(() => undefined)
    await database?.close()
    for (const instance of instances) instance.child.kill('SIGKILL')
    await Promise.all(instances.map((i) => i.exited))
    rmSync(root, { recursive: true, force: true })
  }
}

async function storedKeys(database: BoardStore, boardId: string): Promise<Set<string>> {
  const doc = new Y.Doc()
  try {
    for (const row of await database.loadUpdates(boardId, 'content')) Y.applyUpdate(doc, row.update)
    return new Set(doc.getMap(crashMapName).keys())
  } finally {
    doc.destroy()
  }
}
