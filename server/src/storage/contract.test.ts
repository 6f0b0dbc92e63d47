import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BoardStore, NewBoard } from './BoardStore'
import { createMemoryStore } from './memoryStore'
import { openSqliteStore } from './sqliteStore'

/** One suite, run against every BoardStore implementation, so they cannot drift apart. */

interface StoreUnderTest {
  open(): BoardStore
  /** Re-opens the same underlying data (sqlite only; memory has nothing to reopen). */
  reopen?: () => BoardStore
  cleanup(): void
}

function sqliteFactory(): StoreUnderTest {
  const dir = mkdtempSync(path.join(tmpdir(), 'jb-store-'))
  return {
    open: () => openSqliteStore(path.join(dir, 'nested', 'data')),
    reopen: () => openSqliteStore(path.join(dir, 'nested', 'data')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

function memoryFactory(): StoreUnderTest {
  return { open: createMemoryStore, cleanup: () => {} }
}

const bytes = (...values: number[]) => new Uint8Array(values)

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

describe.each([
  ['sqlite', sqliteFactory],
  ['memory', memoryFactory],
])('BoardStore contract: %s', (_name, factory) => {
  let subject: StoreUnderTest
  let store: BoardStore

  beforeEach(() => {
    subject = factory()
    store = subject.open()
  })
  afterEach(() => {
    store.close()
    subject.cleanup()
  })

  it('creates a board with its initial update and reads it back', () => {
    store.createBoard(newBoard('a', 1000), bytes(1, 2, 3))
    expect(store.getBoard('a')).toEqual({
      id: 'a',
      title: 'Board a',
      editTokenHash: new Uint8Array(32).fill(1),
      viewTokenHash: new Uint8Array(32).fill(2),
      createdAt: 1000,
      updatedAt: 1000,
      noteCount: 3,
    })
    const rows = store.loadUpdates('a')
    expect(rows.map((r) => [...r.update])).toEqual([[1, 2, 3]])
  })

  it('returns undefined and no updates for an unknown board', () => {
    expect(store.getBoard('nope')).toBeUndefined()
    expect(store.loadUpdates('nope')).toEqual([])
  })

  it('refuses to create the same board id twice', () => {
    store.createBoard(newBoard('a', 1), bytes(1))
    expect(() => store.createBoard(newBoard('a', 2), bytes(2))).toThrow()
  })

  it('appends updates of several boards in one call, with increasing seqs per board', () => {
    store.createBoard(newBoard('a', 1), bytes(0))
    store.createBoard(newBoard('b', 2), bytes(0))
    const seqs = store.appendUpdates([
      { boardId: 'a', update: bytes(1) },
      { boardId: 'b', update: bytes(2) },
      { boardId: 'a', update: bytes(3) },
    ])
    expect(seqs).toHaveLength(3)
    expect(seqs[2]!).toBeGreaterThan(seqs[0]!)
    expect(store.loadUpdates('a').map((r) => [...r.update])).toEqual([[0], [1], [3]])
    expect(store.loadUpdates('b').map((r) => [...r.update])).toEqual([[0], [2]])
    const aSeqs = store.loadUpdates('a').map((r) => r.seq)
    expect(aSeqs).toEqual([...aSeqs].sort((x, y) => x - y))
    expect(aSeqs.at(-1)).toBe(seqs[2])
  })

  it('writes nothing when one entry of a batch is for an unknown board', () => {
    store.createBoard(newBoard('a', 1), bytes(0))
    expect(() =>
      store.appendUpdates([
        { boardId: 'a', update: bytes(1) },
        { boardId: 'missing', update: bytes(2) },
      ]),
    ).toThrow()
    expect(store.loadUpdates('a').map((r) => [...r.update])).toEqual([[0]])
  })

  it('compacts a prefix into one row and keeps later rows after it', () => {
    store.createBoard(newBoard('a', 1), bytes(0))
    store.createBoard(newBoard('b', 1), bytes(9))
    const [, s2] = store.appendUpdates([
      { boardId: 'a', update: bytes(1) },
      { boardId: 'a', update: bytes(2) },
    ])
    store.appendUpdates([{ boardId: 'a', update: bytes(3) }])
    store.compact('a', bytes(7, 7), s2!)
    expect(store.loadUpdates('a').map((r) => [...r.update])).toEqual([[7, 7], [3]])
    expect(store.loadUpdates('b').map((r) => [...r.update])).toEqual([[9]])
    const [s4] = store.appendUpdates([{ boardId: 'a', update: bytes(4) }])
    const rows = store.loadUpdates('a')
    expect(rows.map((r) => [...r.update])).toEqual([[7, 7], [3], [4]])
    expect(rows.at(-1)!.seq).toBe(s4)
  })

  it('updates the summary and lists newest-edited first', () => {
    store.createBoard(newBoard('old', 1000), bytes(0))
    store.createBoard(newBoard('new', 2000), bytes(0))
    expect(store.listBoards().map((b) => b.id)).toEqual(['new', 'old'])
    store.updateSummary('old', { title: 'Renamed', noteCount: 12, updatedAt: 3000 })
    const list = store.listBoards()
    expect(list.map((b) => b.id)).toEqual(['old', 'new'])
    expect(list[0]).toMatchObject({ title: 'Renamed', noteCount: 12, updatedAt: 3000, createdAt: 1000 })
  })

  it('keeps everything across a close and reopen (sqlite)', () => {
    if (!subject.reopen) return
    store.createBoard(newBoard('a', 1), bytes(0))
    store.appendUpdates([{ boardId: 'a', update: bytes(5) }])
    store.close()
    store = subject.reopen()
    expect(store.getBoard('a')?.title).toBe('Board a')
    expect(store.loadUpdates('a').map((r) => [...r.update])).toEqual([[0], [5]])
  })
})
