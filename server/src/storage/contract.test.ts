import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { slowStore } from '../testing/slowStore'
import {
  findPostgresBinDir,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../testing/throwawayPostgres'
import type { BoardStore, NewBoard, SavedTemplateRecord } from './BoardStore'
import { createMemoryStore } from './memoryStore'
import { openPostgresStore } from './postgresStore'
import { openSqliteStore } from './sqliteStore'

// One suite, run against every BoardStore implementation, so they cannot drift apart. Stores that keep
// their data across a close (SQLite, PostgreSQL) also run the durable suite, and stores that
// commit synchronously (SQLite, memory) the appendUpdatesNow suite: each lists its stores, so none is
// skipped quietly.

interface StoreUnderTest {
  /** Opens the store; called again after a close, it opens the same underlying data. */
  open(): BoardStore | Promise<BoardStore>
  cleanup(): void
}

function sqliteFactory(): StoreUnderTest {
  const dir = mkdtempSync(path.join(tmpdir(), 'jb-store-'))
  return {
    open: () => openSqliteStore(path.join(dir, 'nested', 'data')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

// One PostgreSQL server for the file (initdb takes seconds), a fresh database for each test. Without the
// binaries the PostgreSQL suites are skipped, and say so: .ci/run installs them.
const postgresBinDir = findPostgresBinDir()
if (!postgresBinDir) {
  console.warn(
    'PostgreSQL binaries missing (/usr/lib/postgresql/*/bin): skipping the PostgreSQL store contract',
  )
}
let postgres: ThrowawayPostgres | undefined
if (postgresBinDir) {
  beforeAll(async () => {
    postgres = await startThrowawayPostgres()
  }, 60_000)
  afterAll(async () => {
    await postgres?.stop()
  }, 30_000)
}

function postgresFactory(): StoreUnderTest {
  let url: Promise<string> | undefined
  return {
    async open() {
      if (!postgres) throw new Error('the throwaway PostgreSQL server did not start')
      url ??= postgres.createDatabase()
      return openPostgresStore(await url, { maxConnections: 4 })
    },
    cleanup: () => {},
  }
}

const withPostgres = <T>(suites: [string, T][]): [string, T][] =>
  postgresBinDir ? suites : suites.filter(([name]) => name !== 'postgres')

function memoryFactory(): StoreUnderTest {
  return { open: createMemoryStore, cleanup: () => {} }
}

/** The latency wrapper the race tests use must not change what a store does, only when. */
function slowMemoryFactory(): StoreUnderTest {
  return {
    open: () =>
      slowStore(createMemoryStore(), { appendUpdates: 5, loadUpdates: 5, compact: 5, createBoard: 1 }),
    cleanup: () => {},
  }
}

/** A fresh store for each test, closed after it; a test may replace `store` by reopening `subject`. */
function storeEachTest(factory: () => StoreUnderTest) {
  const current = {} as { subject: StoreUnderTest; store: BoardStore }
  beforeEach(async () => {
    current.subject = factory()
    current.store = await current.subject.open()
  })
  afterEach(async () => {
    await current.store.close()
    current.subject.cleanup()
  })
  return current
}

const bytes = (...values: number[]) => new Uint8Array(values)
const content = 'content'
const loaded = async (store: BoardStore, boardId: string, document: string) =>
  (await store.loadUpdates(boardId, document)).map((r) => [...r.update])

function template(id: string, createdAt: number): SavedTemplateRecord {
  return {
    id,
    title: `Template ${id}`,
    description: `About ${id}`,
    createdAt,
    body: JSON.stringify({ stages: [{ title: 'é 日本' }] }),
  }
}

function newBoard(id: string, createdAt: number): NewBoard {
  return {
    id,
    title: `Board ${id}`,
    editTokenHash: new Uint8Array(32).fill(1),
    viewTokenHash: new Uint8Array(32).fill(2),
    createdAt,
    noteCount: 3,
  }
}

describe.each(
  withPostgres([
    ['sqlite', sqliteFactory],
    ['postgres', postgresFactory],
    ['memory', memoryFactory],
    ['memory behind slowStore', slowMemoryFactory],
  ]),
)('BoardStore contract: %s', (_name, factory) => {
  const current = storeEachTest(factory)

  it('creates a board with its initial update and reads it back', async () => {
    await current.store.createBoard(newBoard('a', 1000), bytes(1, 2, 3))
    expect(await current.store.getBoard('a')).toEqual({
      id: 'a',
      title: 'Board a',
      editTokenHash: new Uint8Array(32).fill(1),
      viewTokenHash: new Uint8Array(32).fill(2),
      sealed: {},
      createdAt: 1000,
      updatedAt: 1000,
      noteCount: 3,
    })
    const rows = await current.store.loadUpdates('a', content)
    expect(rows.map((r) => [...r.update])).toEqual([[1, 2, 3]])
  })

  it('stores saved templates, lists them oldest first without bodies, and reads one back', async () => {
    expect(await current.store.listTemplates()).toEqual([])
    expect(await current.store.getTemplate('saved-none')).toBeUndefined()
    expect(await current.store.createTemplate(template('saved-b', 20), 10)).toBe(true)
    expect(await current.store.createTemplate(template('saved-a', 10), 10)).toBe(true)
    expect(await current.store.listTemplates()).toEqual([
      { id: 'saved-a', title: 'Template saved-a', description: 'About saved-a', createdAt: 10 },
      { id: 'saved-b', title: 'Template saved-b', description: 'About saved-b', createdAt: 20 },
    ])
    expect(await current.store.getTemplate('saved-b')).toEqual(template('saved-b', 20))
    await expect(current.store.createTemplate(template('saved-a', 30), 10)).rejects.toThrow()
  })

  it('stores no template past the limit, even when saves race for the last place', async () => {
    for (let i = 0; i < 3; i++)
      expect(await current.store.createTemplate(template(`saved-${i}`, i), 5)).toBe(true)
    const racing = await Promise.all(
      Array.from({ length: 6 }, (_, i) => current.store.createTemplate(template(`saved-r${i}`, 10 + i), 5)),
    )
    expect(racing.filter(Boolean)).toHaveLength(2)
    expect(await current.store.listTemplates()).toHaveLength(5)
    expect(await current.store.getTemplate(`saved-r${racing.indexOf(false)}`)).toBeUndefined()
  })

  it('swaps links only while the three hashes are the expected ones (compare-and-swap)', async () => {
    const links = {
      editTokenHash: new Uint8Array(32).fill(1),
      viewTokenHash: new Uint8Array(32).fill(2),
      facilitatorTokenHash: new Uint8Array(32).fill(3),
      sealed: { viewForEdit: bytes(9, 9), editForFacilitator: bytes(8) },
    }
    await current.store.createBoard({ ...newBoard('a', 1), ...links }, bytes(0))
    expect(await current.store.getBoard('a')).toMatchObject(links)
    const next = { ...links, viewTokenHash: new Uint8Array(32).fill(4), sealed: { viewForEdit: bytes(7) } }
    const stale = { ...links, facilitatorTokenHash: undefined }
    expect(await current.store.updateLinks('a', stale, next)).toBe(false)
    expect(await current.store.updateLinks('missing', links, next)).toBe(false)
    expect(await current.store.updateLinks('a', links, next)).toBe(true)
    const row = await current.store.getBoard('a')
    expect(row?.viewTokenHash).toEqual(next.viewTokenHash)
    expect(row?.sealed).toEqual({ viewForEdit: bytes(7) })
    // The first swap won: a second one from the same old row loses.
    expect(await current.store.updateLinks('a', links, { ...links })).toBe(false)
  })

  it('answers every method with a promise and reports failures as rejections, never as throws', async () => {
    await current.store.createBoard(newBoard('a', 1), bytes(0))
    const calls: [string, () => Promise<unknown>][] = [
      ['createBoard', () => current.store.createBoard(newBoard('a', 2), bytes(1))],
      [
        'updateSummary',
        () => current.store.updateSummary('missing', { title: 't', noteCount: 0, updatedAt: 1 }),
      ],
      [
        'appendUpdates',
        () => current.store.appendUpdates([{ boardId: 'missing', document: content, update: bytes(1) }]),
      ],
    ]
    for (const [name, call] of calls) {
      let result: Promise<unknown> | undefined
      expect(() => {
        result = call()
      }, name).not.toThrow()
      expect(result, name).toBeInstanceOf(Promise)
      await expect(result, name).rejects.toThrow()
    }
    for (const result of [
      current.store.getBoard('a'),
      current.store.listBoards(),
      current.store.loadUpdates('a', content),
    ]) {
      expect(result).toBeInstanceOf(Promise)
      await result
    }
  })

  it('appends several batches in sequence, each resolving with seqs above the last', async () => {
    await current.store.createBoard(newBoard('a', 1), bytes(0))
    let last = 0
    for (let i = 1; i <= 5; i++) {
      const seqs = await current.store.appendUpdates([{ boardId: 'a', document: content, update: bytes(i) }])
      expect(seqs[0]!).toBeGreaterThan(last)
      last = seqs[0]!
    }
    expect((await current.store.loadUpdates('a', content)).map((r) => [...r.update])).toEqual([
      [0],
      [1],
      [2],
      [3],
      [4],
      [5],
    ])
  })

  it('lets a compaction and an append of the same board overlap', async () => {
    await current.store.createBoard(newBoard('a', 1), bytes(0))
    const [s1] = await current.store.appendUpdates([{ boardId: 'a', document: content, update: bytes(1) }])
    await Promise.all([
      current.store.compact('a', content, [bytes(8)], s1!),
      current.store.appendUpdates([{ boardId: 'a', document: content, update: bytes(2) }]),
    ])
    expect((await current.store.loadUpdates('a', content)).map((r) => [...r.update])).toEqual([[8], [2]])
  })

  it('returns undefined and no updates for an unknown board', async () => {
    expect(await current.store.getBoard('nope')).toBeUndefined()
    expect(await current.store.loadUpdates('nope', content)).toEqual([])
  })

  it('refuses to create the same board id twice', async () => {
    await current.store.createBoard(newBoard('a', 1), bytes(1))
    await expect(current.store.createBoard(newBoard('a', 2), bytes(2))).rejects.toThrow()
  })

  it('appends updates of several boards in one call, with increasing seqs per board', async () => {
    await current.store.createBoard(newBoard('a', 1), bytes(0))
    await current.store.createBoard(newBoard('b', 2), bytes(0))
    const seqs = await current.store.appendUpdates([
      { boardId: 'a', document: content, update: bytes(1) },
      { boardId: 'b', document: content, update: bytes(2) },
      { boardId: 'a', document: content, update: bytes(3) },
    ])
    expect(seqs).toHaveLength(3)
    expect(seqs[2]!).toBeGreaterThan(seqs[0]!)
    expect((await current.store.loadUpdates('a', content)).map((r) => [...r.update])).toEqual([[0], [1], [3]])
    expect((await current.store.loadUpdates('b', content)).map((r) => [...r.update])).toEqual([[0], [2]])
    const aSeqs = (await current.store.loadUpdates('a', content)).map((r) => r.seq)
    expect(aSeqs).toEqual([...aSeqs].sort((x, y) => x - y))
    expect(aSeqs.at(-1)).toBe(seqs[2])
  })

  it('writes nothing when one entry of a batch is for an unknown board', async () => {
    await current.store.createBoard(newBoard('a', 1), bytes(0))
    await expect(
      current.store.appendUpdates([
        { boardId: 'a', document: content, update: bytes(1) },
        { boardId: 'missing', document: content, update: bytes(2) },
      ]),
    ).rejects.toThrow()
    expect((await current.store.loadUpdates('a', content)).map((r) => [...r.update])).toEqual([[0]])
  })

  it('compacts a prefix into one row and keeps later rows after it', async () => {
    await current.store.createBoard(newBoard('a', 1), bytes(0))
    await current.store.createBoard(newBoard('b', 1), bytes(9))
    const [, s2] = await current.store.appendUpdates([
      { boardId: 'a', document: content, update: bytes(1) },
      { boardId: 'a', document: content, update: bytes(2) },
    ])
    await current.store.appendUpdates([{ boardId: 'a', document: content, update: bytes(3) }])
    const lastSeq = await current.store.compact('a', content, [bytes(7, 7)], s2!)
    expect((await current.store.loadUpdates('a', content)).map((r) => [...r.update])).toEqual([[7, 7], [3]])
    expect((await current.store.loadUpdates('a', content)).at(-1)!.seq).toBe(lastSeq)
    expect((await current.store.loadUpdates('b', content)).map((r) => [...r.update])).toEqual([[9]])
    const [s4] = await current.store.appendUpdates([{ boardId: 'a', document: content, update: bytes(4) }])
    expect(s4!).toBeGreaterThan(lastSeq)
    const rows = await current.store.loadUpdates('a', content)
    expect(rows.map((r) => [...r.update])).toEqual([[7, 7], [3], [4]])
    expect(rows.at(-1)!.seq).toBe(s4)
  })

  it('compacts into several parts, in order, ahead of the rows it keeps, and marks them compacted', async () => {
    await current.store.createBoard(newBoard('a', 1), bytes(0))
    await current.store.createBoard(newBoard('b', 1), bytes(9))
    const [s1] = await current.store.appendUpdates([{ boardId: 'a', document: content, update: bytes(1) }])
    await current.store.appendUpdates([
      { boardId: 'b', document: content, update: bytes(8) },
      { boardId: 'a', document: content, update: bytes(2) },
      { boardId: 'a', document: content, update: bytes(3) },
    ])
    // More parts than rows replaced: the parts need seqs the board never had.
    const lastSeq = await current.store.compact('a', content, [bytes(5), bytes(6), bytes(7), bytes(8)], s1!)
    const rows = await current.store.loadUpdates('a', content)
    expect(rows.map((r) => [...r.update])).toEqual([[5], [6], [7], [8], [2], [3]])
    expect(rows.map((r) => r.compacted)).toEqual([true, true, true, true, false, false])
    expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((x, y) => x - y))
    expect(rows.at(-1)!.seq).toBe(lastSeq)
    expect((await current.store.loadUpdates('b', content)).map((r) => [...r.update])).toEqual([[9], [8]])
    // A second compaction replaces the parts too.
    expect(await current.store.compact('a', content, [bytes(4)], lastSeq)).toBeGreaterThanOrEqual(lastSeq)
    expect((await current.store.loadUpdates('a', content)).map((r) => [...r.update])).toEqual([[4]])
  })

  it('updates the summary and lists newest-edited first', async () => {
    await current.store.createBoard(newBoard('old', 1000), bytes(0))
    await current.store.createBoard(newBoard('new', 2000), bytes(0))
    expect((await current.store.listBoards()).map((b) => b.id)).toEqual(['new', 'old'])
    await current.store.updateSummary('old', { title: 'Renamed', noteCount: 12, updatedAt: 3000 })
    const list = await current.store.listBoards()
    expect(list.map((b) => b.id)).toEqual(['old', 'new'])
    expect(list[0]).toMatchObject({ title: 'Renamed', noteCount: 12, updatedAt: 3000, createdAt: 1000 })
  })

  it('keeps the documents of one board apart: rows, seqs, compaction', async () => {
    await current.store.createBoard(newBoard('a', 1), bytes(0))
    await current.store.createBoard(newBoard('b', 1), bytes(9))
    expect(await loaded(current.store, 'a', 'facilitation')).toEqual([]) // a document never written is empty
    const seqs = await current.store.appendUpdates([
      { boardId: 'a', document: content, update: bytes(1) },
      { boardId: 'a', document: 'facilitation', update: bytes(2) },
      { boardId: 'a', document: 'private/p1', update: bytes(3) },
      { boardId: 'a', document: 'facilitation', update: bytes(4) },
      { boardId: 'b', document: 'facilitation', update: bytes(5) },
    ])
    expect(seqs[3]!).toBeGreaterThan(seqs[1]!)
    expect(await loaded(current.store, 'a', content)).toEqual([[0], [1]])
    expect(await loaded(current.store, 'a', 'facilitation')).toEqual([[2], [4]])
    expect(await loaded(current.store, 'a', 'private/p1')).toEqual([[3]])
    expect(await loaded(current.store, 'a', 'private/p2')).toEqual([])
    expect(await loaded(current.store, 'b', 'facilitation')).toEqual([[5]])
    expect(await loaded(current.store, 'b', content)).toEqual([[9]])

    const lastSeq = await current.store.compact('a', 'facilitation', [bytes(6)], seqs[3]!)
    expect(await loaded(current.store, 'a', 'facilitation')).toEqual([[6]])
    expect((await current.store.loadUpdates('a', 'facilitation')).at(-1)!.seq).toBe(lastSeq)
    expect(await loaded(current.store, 'a', content)).toEqual([[0], [1]])
    expect(await loaded(current.store, 'a', 'private/p1')).toEqual([[3]])
    expect(await loaded(current.store, 'b', 'facilitation')).toEqual([[5]])
    const [next] = await current.store.appendUpdates([
      { boardId: 'a', document: 'facilitation', update: bytes(7) },
    ])
    expect(next!).toBeGreaterThan(lastSeq)
    expect(await loaded(current.store, 'a', 'facilitation')).toEqual([[6], [7]])
  })

  it('refuses an append to any document of an unknown board', async () => {
    await expect(
      current.store.appendUpdates([{ boardId: 'missing', document: 'facilitation', update: bytes(1) }]),
    ).rejects.toThrow()
  })
})

describe.each(
  withPostgres([
    ['sqlite', sqliteFactory],
    ['postgres', postgresFactory],
  ]),
)('BoardStore contract, stores that keep data: %s', (_name, factory) => {
  const current = storeEachTest(factory)

  it('keeps saved templates across a close and reopen', async () => {
    await current.store.createTemplate(template('saved-k', 5), 500)
    await current.store.close()
    current.store = await current.subject.open()
    expect(await current.store.getTemplate('saved-k')).toEqual(template('saved-k', 5))
  })

  it('keeps every board, document, summary and row across a close and reopen', async () => {
    await current.store.createBoard(newBoard('a', 1), bytes(0))
    await current.store.appendUpdates([
      { boardId: 'a', document: content, update: bytes(5) },
      { boardId: 'a', document: 'private/p1', update: bytes(6) },
    ])
    await current.store.updateSummary('a', { title: 'Renamed', noteCount: 4, updatedAt: 7 })
    await current.store.close()
    current.store = await current.subject.open()
    expect(await current.store.getBoard('a')).toMatchObject({
      title: 'Renamed',
      noteCount: 4,
      updatedAt: 7,
    })
    expect(await loaded(current.store, 'a', content)).toEqual([[0], [5]])
    expect(await loaded(current.store, 'a', 'private/p1')).toEqual([[6]])
    // Seqs go on above the stored ones after a reopen.
    const before = (await current.store.loadUpdates('a', content)).at(-1)!.seq
    const [seq] = await current.store.appendUpdates([{ boardId: 'a', document: content, update: bytes(8) }])
    expect(seq!).toBeGreaterThan(before)
  })
})

describe.each([
  ['sqlite', sqliteFactory],
  ['memory', memoryFactory],
])('BoardStore contract, stores that commit synchronously: %s', (_name, factory) => {
  const current = storeEachTest(factory)
  const appendNow: NonNullable<BoardStore['appendUpdatesNow']> = (batch) => {
    expect(current.store.appendUpdatesNow).toBeTypeOf('function')
    return current.store.appendUpdatesNow!(batch)
  }

  it('appendUpdatesNow has stored the rows when it returns, with seqs in order among appendUpdates', async () => {
    await current.store.createBoard(newBoard('a', 1), bytes(0))
    const [s1] = await current.store.appendUpdates([{ boardId: 'a', document: content, update: bytes(1) }])
    const now = appendNow([
      { boardId: 'a', document: content, update: bytes(2) },
      { boardId: 'a', document: 'facilitation', update: bytes(3) },
      { boardId: 'a', document: content, update: bytes(4) },
    ])
    expect(now).toHaveLength(3)
    expect(now[0]!).toBeGreaterThan(s1!)
    expect(now[2]!).toBeGreaterThan(now[0]!)
    // No await between the call and this read: the rows are there already.
    const pending = current.store.loadUpdates('a', content)
    expect((await pending).map((r) => [...r.update])).toEqual([[0], [1], [2], [4]])
    expect((await pending).at(-1)!.seq).toBe(now[2])
    expect(await loaded(current.store, 'a', 'facilitation')).toEqual([[3]])
    const [s5] = await current.store.appendUpdates([{ boardId: 'a', document: content, update: bytes(5) }])
    expect(s5!).toBeGreaterThan(now[2]!)
  })

  it('appendUpdatesNow throws, rather than rejects, and stores nothing when one entry is for an unknown board', async () => {
    await current.store.createBoard(newBoard('a', 1), bytes(0))
    expect(() =>
      appendNow([
        { boardId: 'a', document: content, update: bytes(1) },
        { boardId: 'missing', document: content, update: bytes(2) },
      ]),
    ).toThrow()
    expect(await loaded(current.store, 'a', content)).toEqual([[0]])
  })
})
