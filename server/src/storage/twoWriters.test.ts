import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  findPostgresBinDir,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../testing/throwawayPostgres'
import type { BoardStore } from './BoardStore'
import { openPostgresStore } from './postgresStore'
import { openSqliteStore } from './sqliteStore'

// Two stores on one database, as two instances (REDIS_URL) have: both append to the same document at
// once while a third connection keeps reading it. Every append must succeed with a seq of its own, and
// seqs must become visible in order — once a reader has seen seq N it never later finds a new row below
// N — because a compaction or a catch-up that read up to N relies on having seen everything below it.

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const board = {
  id: 'b1',
  title: 'Two writers',
  editTokenHash: new Uint8Array(32).fill(1),
  viewTokenHash: new Uint8Array(32).fill(2),
  createdAt: 1,
  noteCount: 0,
}

async function twoWritersAndAReader(a: BoardStore, b: BoardStore, reader: BoardStore, rounds: number) {
  await a.createBoard(board, new Uint8Array([0]))
  let writing = true
  const violations: string[] = []
  const reading = (async () => {
    let seen = new Set<number>()
    let maxSeen = 0
    while (writing) {
      const seqs = (await reader.loadUpdates(board.id, 'content')).map((row) => row.seq)
      for (const seq of seqs)
        if (!seen.has(seq) && seq <= maxSeen) violations.push(`seq ${seq} appeared after ${maxSeen} was seen`)
      seen = new Set(seqs)
      maxSeen = Math.max(maxSeen, ...seqs)
      await new Promise((resolve) => setImmediate(resolve))
    }
  })()
  const write = async (store: BoardStore, name: string) => {
    const seqs: number[] = []
    for (let i = 0; i < rounds; i++) {
      const rows = [1, 2].map((j) => ({
        boardId: board.id,
        document: 'content',
        update: Buffer.from(`${name}${i}.${j}`),
      }))
      seqs.push(...(await store.appendUpdates(rows)))
    }
    return seqs
  }
  try {
    const [seqsA, seqsB] = await Promise.all([write(a, 'a'), write(b, 'b')])
    const all = [...seqsA, ...seqsB]
    expect(new Set(all).size).toBe(all.length)
    const stored = await reader.loadUpdates(board.id, 'content')
    expect(stored).toHaveLength(1 + all.length)
    expect(new Set(stored.map((row) => Buffer.from(row.update).toString()))).toContain(`b${rounds - 1}.2`)
  } finally {
    writing = false
    await reading
  }
  expect(violations.slice(0, 5)).toEqual([])
}

describe('two writers on one SQLite file', () => {
  it('never hand out the same seq (no seq is cached in memory)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jb-two-writers-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const stores = [openSqliteStore(dir), openSqliteStore(dir), openSqliteStore(dir)]
    cleanups.push(async () => {
      for (const store of stores) await store.close()
    })
    await twoWritersAndAReader(stores[0]!, stores[1]!, stores[2]!, 100)
  })
})

const binDir = findPostgresBinDir()
if (!binDir) console.warn('PostgreSQL binaries missing: skipping two writers on PostgreSQL')

describe.skipIf(!binDir)('two writers on one PostgreSQL database', () => {
  let postgres: ThrowawayPostgres
  beforeAll(async () => {
    postgres = await startThrowawayPostgres()
  }, 60_000)
  afterAll(() => postgres?.stop(), 30_000)

  it('make seqs visible in order: no row ever appears below a seq already seen', async () => {
    const url = await postgres.createDatabase()
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url, { maxConnections: 4 })))
    cleanups.push(async () => {
      for (const store of stores) await store.close()
    })
    await twoWritersAndAReader(stores[0]!, stores[1]!, stores[2]!, 150)
  }, 30_000)
})
