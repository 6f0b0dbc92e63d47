import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { waitFor } from '../testing/clients'
import type { BoardStore } from './BoardStore'
import { openSqliteStore, sqliteFileName } from './sqliteStore'
import type { WalCheckpointOptions } from './walCheckpoints'

// Observed through the database file itself: with WAL, commits land in the -wal file and only a
// checkpoint copies them into journeyboard.sqlite, so its size says whether one ran.
const dirs: string[] = []
const stores: BoardStore[] = []
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function open(checkpoints: WalCheckpointOptions) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jb-wal-'))
  dirs.push(dataDir)
  const store = openSqliteStore(dataDir, { checkpoints })
  stores.push(store)
  const hash = new Uint8Array(32)
  await store.createBoard(
    { id: 'a', title: 'A', editTokenHash: hash, viewTokenHash: hash, createdAt: 1, noteCount: 0 },
    new Uint8Array([0]),
  )
  const dbBytes = () => statSync(path.join(dataDir, sqliteFileName)).size
  /** `count` commits of one 2 KiB row each, as the persist queue makes them under load. */
  const commit = async (count: number) => {
    for (let i = 0; i < count; i++)
      await store.appendUpdates([{ boardId: 'a', document: 'content', update: new Uint8Array(2048) }])
  }
  return { dbBytes, commit }
}

describe('WAL checkpoints', () => {
  it('leaves the WAL alone while commits keep coming (SQLite would checkpoint inside a commit)', async () => {
    const { dbBytes, commit } = await open({ quietMs: 60_000, maxWalBytes: 1024 ** 3 })
    const before = dbBytes()
    await commit(1200) // past the 1,000 pages at which SQLite's own autocheckpoint would run
    expect(dbBytes()).toBe(before)
  })

  it('checkpoints once the store has been quiet for quietMs', async () => {
    const { dbBytes, commit } = await open({ quietMs: 30, maxWalBytes: 1024 ** 3 })
    const before = dbBytes()
    await commit(100)
    await waitFor(() => dbBytes() > before + 100 * 2048, 'the checkpoint after 30 ms without a commit', 2_000)
  })

  it('checkpoints right after a commit once about maxWalBytes were written, even without a pause', async () => {
    const { dbBytes, commit } = await open({ quietMs: 60_000, maxWalBytes: 256 * 1024 })
    const before = dbBytes()
    await commit(60) // ~60 × (4 KiB page + 2 KiB row) ≈ 360 KiB of WAL
    expect(dbBytes()).toBeGreaterThan(before + 30 * 2048)
  })
})
