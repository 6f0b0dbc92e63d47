import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getNotes } from '../../shared/src/board/schema'
import { encodeStateInChunks } from './sync/stateChunks'
import { fillLargeBoard } from './testing/largeBoard'
import { testScope } from './testing/testScope'
import {
  connectClient,
  createBoard,
  startTestServer,
  storedDoc,
  synced,
  type TestClient,
  type TestServer,
  waitFor,
} from './testing/testServer'
import { startThrottledProxy, type ThrottledProxy } from './testing/throttledProxy'

/*
 * A large board's first sync over a slow link, with the stock WebsocketProvider on real sockets.
 *
 * The stock client (y-websocket 3.1.0) reconnects when no message arrived for 30 s; that constant is
 * module-private, so the test plays the same watchdog at `clientTimeoutMs` (checking the provider's own
 * `wsLastMessageReceived`, closing its socket as the provider does) and scales the board and the link
 * to match. Defaults: 1.5 MiB at 256 KiB/s is 6 s for one frame against a 2 s timeout, as 20 MB at
 * 200 KB/s is 100 s against 30 s. The full-size run (about 2 minutes):
 *   LARGE_BOARD_BYTES=20000000 LARGE_BOARD_LINK_BPS=200000 LARGE_BOARD_CLIENT_TIMEOUT_MS=30000 \
 *   LARGE_BOARD_CHUNK_BYTES=524288 npx vitest run server/src/largeBoardSync.test.ts
 */

const KiB = 1024
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const boardBytes = env('LARGE_BOARD_BYTES', 1.5 * 1024 * KiB)
const linkBytesPerSecond = env('LARGE_BOARD_LINK_BPS', 256 * KiB)
const clientTimeoutMs = env('LARGE_BOARD_CLIENT_TIMEOUT_MS', 2_000)
const syncChunkBytes = env('LARGE_BOARD_CHUNK_BYTES', 64 * KiB)
const transferMs = (boardBytes / linkBytesPerSecond) * 1000

const { cleanups } = testScope()

/** A server holding a board of about boardBytes, compacted (unloaded once), and a slow proxy to it. */
async function largeBoardBehindSlowLink(chunkBytes: number) {
  const t: TestServer = await startTestServer({ config: { syncChunkBytes: chunkBytes, idleUnloadMs: 100 } })
  cleanups.push(() => t.stop())
  const board = await createBoard(t.httpUrl)
  const seeder = connectClient(t, board.id, board.editToken)
  await synced(seeder)
  const local = new Y.Doc()
  Y.applyUpdate(local, Y.encodeStateAsUpdate(seeder.doc))
  const notes = fillLargeBoard(local, boardBytes)
  // A few big updates (each under maxMessageBytes), as an import would send: stored as rows larger than
  // syncChunkBytes at first, which the compaction at unload splits.
  for (const piece of encodeStateInChunks(local, Math.min(4 * chunkBytes, 4 * 1024 * KiB)))
    Y.applyUpdate(seeder.doc, piece)
  const stored = () => t.logs.filter((l) => l.msg === 'room unloaded').length
  await waitFor(
    async () => (await storedDoc(t.store, board.id)).getMap('notes').size === notes,
    'seed stored',
    60_000,
  )
  seeder.destroy()
  await waitFor(() => stored() > 0, 'the board to unload (and compact)', 60_000)
  const rows = await t.store.loadUpdates(board.id, 'content')
  const port = t.server.address()!.port
  const proxy: ThrottledProxy = await startThrottledProxy({
    targetPort: port,
    bytesPerSecond: linkBytesPerSecond,
  })
  cleanups.push(() => proxy.close())
  return { t, board, rows, notes, proxyWsUrl: `ws://127.0.0.1:${proxy.port}/ws` }
}

/** The stock client's liveness check at clientTimeoutMs, and the gaps between the messages it received. */
function watchLiveness(client: TestClient) {
  const { provider } = client
  const stats = { reconnects: 0, maxGapMs: 0, messages: 0, connects: 0 }
  let lastAt = 0
  provider.on('status', ({ status }: { status: string }) => {
    if (status !== 'connected' || !provider.ws) return
    stats.connects++
    lastAt = Date.now()
    provider.ws.addEventListener('message', () => {
      stats.messages++
      stats.maxGapMs = Math.max(stats.maxGapMs, Date.now() - lastAt)
      lastAt = Date.now()
    })
  })
  const timer = setInterval(() => {
    if (provider.wsconnected && Date.now() - provider.wsLastMessageReceived > clientTimeoutMs) {
      stats.reconnects++
      provider.ws?.close() // what the provider's own check does (closeWebsocketConnection)
    }
  }, 25)
  cleanups.push(() => clearInterval(timer))
  return stats
}

describe('a large board over a slow link', () => {
  it(
    'syncs fully on the first connection: chunks keep every gap between messages well below the client timeout',
    async () => {
      const { t, board, rows, notes, proxyWsUrl } = await largeBoardBehindSlowLink(syncChunkBytes)
      const storedBytes = rows.reduce((sum, r) => sum + r.update.byteLength, 0)
      // Compaction split the oversized seed row: every stored row fits one message.
      for (const row of rows) expect(row.update.byteLength).toBeLessThanOrEqual(syncChunkBytes)

      const started = Date.now()
      const client = connectClient({ wsUrl: proxyWsUrl }, board.id, board.editToken)
      cleanups.push(() => client.destroy())
      const stats = watchLiveness(client)
      await waitFor(() => client.provider.synced, 'the slow client to sync', transferMs * 3 + 20_000)
      const syncMs = Date.now() - started

      expect(getNotes(client.doc).size).toBe(notes)
      const expected = await storedDoc(t.store, board.id)
      expect(getNotes(client.doc).toJSON()).toEqual(getNotes(expected).toJSON())
      expect(stats.reconnects).toBe(0)
      expect(stats.connects).toBe(1)
      expect(client.closeCodes).toEqual([])
      expect(stats.maxGapMs).toBeLessThan(clientTimeoutMs / 2)
      console.log(
        `largeBoardSync: ${notes} notes, ${storedBytes} bytes in ${rows.length} rows, link ${linkBytesPerSecond} B/s, ` +
          `chunk ${syncChunkBytes} B: synced in ${syncMs} ms, ${stats.messages} messages, ` +
          `largest gap ${stats.maxGapMs} ms (client timeout ${clientTimeoutMs} ms)`,
      )
    },
    transferMs * 3 + 200_000,
  )

  it(
    'negative control: as one sync step 2 (syncChunkBytes = Infinity) the same board never syncs; the client times out and starts over',
    async () => {
      const { board, rows, proxyWsUrl } = await largeBoardBehindSlowLink(Number.POSITIVE_INFINITY)
      expect(rows).toHaveLength(1)
      const client = connectClient({ wsUrl: proxyWsUrl }, board.id, board.viewToken)
      cleanups.push(() => client.destroy())
      const stats = watchLiveness(client)
      await waitFor(() => stats.reconnects >= 1, 'the client to time out', clientTimeoutMs * 3)
      expect(client.provider.synced).toBe(false)
      expect(transferMs).toBeGreaterThan(clientTimeoutMs * 2) // so it would never finish
    },
    transferMs + 200_000,
  )
})
