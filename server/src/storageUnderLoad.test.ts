import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { BoardStore } from './storage/BoardStore'
import { openSqliteStore } from './storage/sqliteStore'
import { testScope } from './testing/testScope'
import {
  type CreatedBoard,
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
 * Compaction and idle unload/reload racing many writers lose nothing. "Acknowledged" = a key some client
 * received from the server (it relays only what is stored). Every client is a fresh doc that is destroyed
 * when its session ends, so no client can re-upload a key the server dropped and hide the loss. At the end
 * the store itself (reopened from disk) and a fresh client after a restart must hold every such key.
 */

const { cleanups } = testScope()

/** Counts compactions that reached the store. */
function countingCompactions(counter: { compactions: number }) {
  return (inner: BoardStore): BoardStore => ({
    ...inner,
    async compact(boardId, document, parts, upToSeq) {
      const lastSeq = await inner.compact(boardId, document, parts, upToSeq)
      counter.compactions++
      return lastSeq
    },
  })
}

function observe(client: TestClient, relayed: Set<string>): void {
  client.doc.getMap('keys').observe((event: Y.YMapEvent<unknown>) => {
    if (event.transaction.origin !== client.provider) return
    for (const key of event.keysChanged) relayed.add(key)
  })
}

/** One editing session: a fresh client that writes `writes` keys, lingers a little, and is destroyed. */
async function session(
  t: TestServer,
  board: CreatedBoard,
  name: string,
  writes: number,
  relayed: Set<string>,
): Promise<void> {
  const client = connectClient(t, board.id, board.editToken)
  try {
    observe(client, relayed)
    await synced(client)
    for (let i = 0; i < writes; i++) {
      client.doc.getMap('keys').set(`${name}:${i}`, i)
      await sleep(1 + (i % 3))
    }
    await sleep(Math.random() * 30)
  } finally {
    client.destroy()
  }
}

/** Stops the server, then checks the reopened store and a fresh client on a restarted server. */
async function expectAllStored(t: TestServer, board: CreatedBoard, relayed: Set<string>): Promise<void> {
  await t.stop()
  const reopened = openSqliteStore(t.dataDir)
  const stored = new Set((await storedDoc(reopened, board.id)).getMap('keys').keys())
  await reopened.close()
  expect([...relayed].filter((key) => !stored.has(key))).toEqual([])

  const again = await startTestServer({ dataDir: t.dataDir })
  cleanups.push(() => again.stop())
  const reader = connectClient(again, board.id, board.viewToken)
  cleanups.push(() => reader.destroy())
  await synced(reader)
  const present = new Set(reader.doc.getMap('keys').keys())
  expect([...relayed].filter((key) => !present.has(key))).toEqual([])
}

describe('storage under load', () => {
  it('loses no acknowledged write while compactions race 6 writers (compactEveryUpdates: 3)', async () => {
    const counter = { compactions: 0 }
    const t = await startTestServer({
      config: { compactEveryUpdates: 3 },
      wrapStore: countingCompactions(counter),
    })
    const board = await createBoard(t.httpUrl)
    const relayed = new Set<string>()
    const writers = Array.from({ length: 6 }, () => connectClient(t, board.id, board.editToken))
    for (const w of writers) {
      cleanups.push(() => w.destroy())
      observe(w, relayed)
    }
    await Promise.all(writers.map(synced))
    const perWriter = 60
    await Promise.all(
      writers.map(async (w, i) => {
        for (let n = 0; n < perWriter; n++) {
          w.doc.getMap('keys').set(`w${i}:${n}`, n)
          await sleep(1)
        }
      }),
    )
    // Every writer stays connected, so each key must reach the other five.
    await waitFor(() => relayed.size === 6 * perWriter, 'every key relayed', 15_000)
    for (const w of writers) w.destroy()
    expect(counter.compactions).toBeGreaterThanOrEqual(5)
    await expectAllStored(t, board, relayed)
  }, 30_000)

  it('loses no acknowledged write while the board unloads and reloads between sessions (idleUnloadMs: 5)', async () => {
    const counter = { compactions: 0 }
    const t = await startTestServer({
      config: { idleUnloadMs: 5, compactEveryUpdates: 10 },
      wrapStore: countingCompactions(counter),
    })
    const board = await createBoard(t.httpUrl)
    const relayed = new Set<string>()
    // Rounds of 3 overlapping sessions. Between rounds the board is empty for about idleUnloadMs, so the
    // next round joins before, during or after the unload (flush, summary, compaction, drop).
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        [0, 1, 2].map(async (i) => {
          await sleep(Math.random() * 10)
          await session(t, board, `r${round}s${i}`, 8, relayed)
        }),
      )
      await sleep(Math.random() * 15)
    }
    const unloads = t.logs.filter((l) => l.msg === 'room unloaded' && l.boardId === board.id).length
    expect(unloads).toBeGreaterThanOrEqual(2)
    expect(relayed.size).toBeGreaterThan(20)
    await expectAllStored(t, board, relayed)
  }, 30_000)
})
