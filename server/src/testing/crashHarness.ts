import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type * as Y from 'yjs'
import { connectClient, createBoard, type TestClient, waitFor } from './clients'
import { type RunningMain, startMain } from './mainProcess'

/*
 * kill -9 in a loop. Each cycle: N stock WebsocketProviders write uniquely keyed entries
 * (`<client>:<n>` in the map `crash`) as fast as `writeIntervalMs` allows; every client records the keys
 * it RECEIVED FROM THE SERVER (transaction origin = its provider). The server only relays what it has
 * stored, so those keys are what was acknowledged. At a random moment the server gets SIGKILL, the clients
 * are destroyed at once (so none can re-upload its own copy and hide a loss), the server is started again
 * on the same DATA_DIR, and a fresh read-only client checks that every key ever received by anyone, in
 * this cycle or an earlier one, is on the board.
 *
 * Low COMPACT_EVERY_UPDATES by default, so kills also land during compactions. Used by
 * crashCycles.test.ts (3 short cycles) and by the bench (`runCrashCycles({ cycles: 20, … })`). The same
 * across three instances on PostgreSQL + Redis, one killed per cycle: clusterCrashCycles.ts.
 */

export interface CrashCycleOptions {
  cycles: number
  /** Writing clients per cycle (each also observes the others). At least 2, or nothing is relayed. */
  clients: number
  /** Writers run this long at most; the kill lands at a uniformly random moment in [0.2, 1] × durationMs. */
  durationMs: number
  /** Pause between two writes of one client (default 5 ms). */
  writeIntervalMs?: number
  /** COMPACT_EVERY_UPDATES for the server (default 40). */
  compactEveryUpdates?: number
  /** Progress lines (one per cycle). */
  log?: (line: string) => void
}

export interface CrashCycleResult {
  /** Cycles completed (kill, restart, check). */
  cycles: number
  /** Sum over cycles of the keys checked after the restart (every key received so far, cumulative). */
  updatesChecked: number
  /** Distinct keys seen by a client via the server that were missing after a restart. Must be 0. */
  lost: number
  /** Up to 20 of the missing keys, for the failure message. */
  lostKeys: string[]
  /** Distinct acknowledged keys at the end of the run. */
  distinctKeys: number
  /** When each kill landed, in ms after the writers started. */
  killAtMs: number[]
  /** Time from spawning the server to `listening`, per restart. */
  restartMs: number[]
}

const crashMapName = 'crash'

interface Writer {
  client: TestClient
  timer: NodeJS.Timeout
}

export async function runCrashCycles(options: CrashCycleOptions): Promise<CrashCycleResult> {
  if (options.clients < 2) throw new Error(`runCrashCycles needs at least 2 clients, got ${options.clients}`)
  const writeIntervalMs = options.writeIntervalMs ?? 5
  const env = { COMPACT_EVERY_UPDATES: String(options.compactEveryUpdates ?? 40) }
  const root = mkdtempSync(path.join(tmpdir(), 'jb-crash-'))
  const dataDir = path.join(root, 'data')
  const acknowledged = new Set<string>()
  const lost = new Set<string>()
  const result: CrashCycleResult = {
    cycles: 0,
    updatesChecked: 0,
    lost: 0,
    lostKeys: [],
    distinctKeys: 0,
    killAtMs: [],
    restartMs: [],
  }
  let server: RunningMain | undefined
  let writers: Writer[] = []
  try {
    server = await startTimed(dataDir, env, result)
    const board = await createBoard(server.httpUrl, { template: 'blank' })
    for (let cycle = 0; cycle < options.cycles; cycle++) {
      const running: RunningMain = server
      writers = Array.from({ length: options.clients }, () => {
        const client = connectClient(running, board.id, board.editToken)
        observeRelayed(client, acknowledged)
        return { client, timer: undefined as unknown as NodeJS.Timeout }
      })
      await Promise.all(writers.map((w) => syncedWithin(w.client)))
      writers.forEach((writer, i) => {
        const name = `c${cycle}-${i}`
        let n = 0
        writer.timer = setInterval(() => {
          writer.client.doc.getMap<number>(crashMapName).set(`${name}:${n}`, n)
          n++
        }, writeIntervalMs)
      })
      const killAt = Math.round((0.2 + 0.8 * Math.random()) * options.durationMs)
      await new Promise((resolve) => setTimeout(resolve, killAt))
      running.child.kill('SIGKILL')
      // Destroyed before the restart: a provider that reconnected would re-upload its doc and mask a loss.
      for (const writer of writers) clearInterval(writer.timer)
      await running.exited
      for (const writer of writers) writer.client.destroy()
      writers = []
      result.killAtMs.push(killAt)

      server = await startTimed(dataDir, env, result)
      const present = await readKeys(server, board.id, board.viewToken)
      const missing = [...acknowledged].filter((key) => !present.has(key))
      result.cycles++
      result.updatesChecked += acknowledged.size
      for (const key of missing) lost.add(key)
      result.lost = lost.size
      result.lostKeys = [...lost].slice(0, 20)
      options.log?.(
        `crash cycle ${cycle + 1}/${options.cycles}: killed at ${killAt} ms, ${acknowledged.size} acknowledged keys checked, ${missing.length} missing`,
      )
    }
    result.distinctKeys = acknowledged.size
    return result
  } finally {
    for (const writer of writers) {
      clearInterval(writer.timer)
      writer.client.destroy()
    }
    server?.child.kill('SIGKILL')
    await server?.exited
    rmSync(root, { recursive: true, force: true })
  }
}

/** Generous: a shared 2-core machine under load can take seconds to start a server and sync. */
const syncTimeoutMs = 30_000
export const syncedWithin = (client: TestClient) =>
  waitFor(() => client.provider.synced, 'a crash-test client to sync', syncTimeoutMs)

/** Records every key of the crash map that reached this client from the server. */
export function observeRelayed(client: TestClient, into: Set<string>): void {
  client.doc.getMap(crashMapName).observe((event: Y.YMapEvent<unknown>) => {
    if (event.transaction.origin !== client.provider) return
    for (const key of event.keysChanged) into.add(key)
  })
}

async function startTimed(
  dataDir: string,
  env: Record<string, string>,
  result: CrashCycleResult,
): Promise<RunningMain> {
  const started = performance.now()
  const server = await startMain(dataDir, env)
  result.restartMs.push(Math.round(performance.now() - started))
  return server
}

/** The keys a fresh read-only client finds on the board. */
async function readKeys(server: RunningMain, boardId: string, viewToken: string): Promise<Set<string>> {
  const reader = connectClient(server, boardId, viewToken)
  try {
    await syncedWithin(reader)
    return new Set(reader.doc.getMap(crashMapName).keys())
  } finally {
    reader.destroy()
  }
}
