import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqliteStore, sqliteFileName } from './sqliteStore'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jb-sqlite-'))
  dirs.push(dir)
  return dir
}

const oldBoardsTable = `
  CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, edit_token_hash BLOB NOT NULL,
    view_token_hash BLOB NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    note_count INTEGER NOT NULL DEFAULT 0);`

/** A data dir holding a database an older server wrote: the boards table plus `sql`. */
function oldDatabase(sql: string): string {
  const dir = dataDir()
  const old = new Database(path.join(dir, sqliteFileName))
  old.pragma('journal_mode = WAL')
  old.exec(oldBoardsTable + sql)
  old.close()
  return dir
}

describe('sqliteStore on a database an older server wrote', () => {
  it('adds the link columns to old board rows, which keep their two hashes and have no facilitator', async () => {
    const edit = new Uint8Array(32).fill(7)
    const view = new Uint8Array(32).fill(8)
    const dir = oldDatabase(`
      INSERT INTO boards VALUES ('a', 'Old', x'${Buffer.from(edit).toString('hex')}',
        x'${Buffer.from(view).toString('hex')}', 1, 1, 0);
    `)
    const store = openSqliteStore(dir)
    const row = (await store.getBoard('a'))!
    expect(row.editTokenHash).toEqual(edit)
    expect(row.viewTokenHash).toEqual(view)
    expect(row.facilitatorTokenHash).toBeUndefined()
    expect(row.sealed).toEqual({})
    // A rotation's compare-and-swap matches the old row (absent facilitator included), and only it.
    const next = { editTokenHash: edit, viewTokenHash: new Uint8Array(32).fill(9), sealed: {} }
    expect(await store.updateLinks('a', { editTokenHash: edit, viewTokenHash: edit }, next)).toBe(false)
    const facilitated = { ...row, facilitatorTokenHash: new Uint8Array(32) }
    expect(await store.updateLinks('a', facilitated, next)).toBe(false)
    expect(await store.updateLinks('a', row, next)).toBe(true)
    expect((await store.getBoard('a'))!.viewTokenHash).toEqual(next.viewTokenHash)
    expect(await store.updateLinks('a', row, next)).toBe(false)
    await store.close()
    // Opening it again finds the columns in place.
    const again = openSqliteStore(dir)
    expect((await again.getBoard('a'))!.viewTokenHash).toEqual(next.viewTokenHash)
    await again.close()
  })

  it('adds the templates table to a database from before saved templates, keeping its boards', async () => {
    const dir = oldDatabase(`INSERT INTO boards VALUES ('a', 'Old', x'01', x'02', 1, 1, 0);`)
    const store = openSqliteStore(dir)
    try {
      expect((await store.getBoard('a'))?.title).toBe('Old')
      expect(await store.listTemplates()).toEqual([])
      const template = { id: 'saved-x', title: 'T', description: '', createdAt: 5, body: '{}' }
      expect(await store.createTemplate(template, 500)).toBe(true)
      expect(await store.getTemplate('saved-x')).toEqual(template)
    } finally {
      await store.close()
    }
  })

  it('adds the compacted column, counts the old merged row as appended, and compacts it into parts', async () => {
    const dir = oldDatabase(`
      CREATE TABLE board_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT NOT NULL REFERENCES boards (id), update_bytes BLOB NOT NULL);
      INSERT INTO boards VALUES ('a', 'Old', x'00', x'00', 1, 1, 0);
      INSERT INTO board_updates (seq, board_id, update_bytes) VALUES (7, 'a', x'0000');
    `)
    const store = openSqliteStore(dir)
    expect(await store.loadUpdates('a', 'content')).toEqual([
      { seq: 7, update: new Uint8Array([0, 0]), compacted: false },
    ])
    const lastSeq = await store.compact('a', 'content', [new Uint8Array([1]), new Uint8Array([2])], 7)
    const rows = await store.loadUpdates('a', 'content')
    expect(rows.map((r) => [[...r.update], r.compacted])).toEqual([
      [[1], true],
      [[2], true],
    ])
    expect(rows.at(-1)!.seq).toBe(lastSeq)
    await store.close()
  })

  it('moves rows from the global AUTOINCREMENT table to per-board keys, keeping every seq, and appends above them', async () => {
    const dir = oldDatabase(`
      CREATE TABLE board_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT NOT NULL REFERENCES boards (id), update_bytes BLOB NOT NULL,
        compacted INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX board_updates_by_board ON board_updates (board_id, seq);
      INSERT INTO boards VALUES ('a', 'A', x'00', x'00', 1, 1, 0), ('b', 'B', x'00', x'00', 1, 1, 0);
      INSERT INTO board_updates (seq, board_id, update_bytes, compacted) VALUES
        (3, 'a', x'01', 1), (4, 'b', x'02', 0), (9, 'a', x'03', 0), (12, 'b', x'04', 0);
    `)
    const store = openSqliteStore(dir)
    expect(await store.loadUpdates('a', 'content')).toEqual([
      { seq: 3, update: new Uint8Array([1]), compacted: true },
      { seq: 9, update: new Uint8Array([3]), compacted: false },
    ])
    expect((await store.loadUpdates('b', 'content')).map((r) => r.seq)).toEqual([4, 12])
    expect(
      await store.appendUpdates([{ boardId: 'a', document: 'content', update: new Uint8Array([5]) }]),
    ).toEqual([10])
    await store.close()

    const db = new Database(path.join(dir, sqliteFileName), { readonly: true })
    const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'board_updates'").get() as {
      sql: string
    }
    db.close()
    expect(sql).toMatch(/WITHOUT ROWID/)
    expect(sql).toMatch(/PRIMARY KEY \(board_id, document, seq\)/)
    // Opening again finds nothing to migrate and keeps the rows.
    const again = openSqliteStore(dir)
    expect((await again.loadUpdates('a', 'content')).map((r) => r.seq)).toEqual([3, 9, 10])
    await again.close()
  })

  it('makes the rows of a table keyed (board_id, seq) the content document, keeping seqs, and keeps documents apart', async () => {
    const dir = oldDatabase(`
      CREATE TABLE board_updates (board_id TEXT NOT NULL REFERENCES boards (id), seq INTEGER NOT NULL,
        update_bytes BLOB NOT NULL, compacted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (board_id, seq)) WITHOUT ROWID;
      INSERT INTO boards VALUES ('a', 'A', x'00', x'00', 1, 1, 0), ('b', 'B', x'00', x'00', 1, 1, 0);
      INSERT INTO board_updates VALUES ('a', 1, x'01', 1), ('a', 2, x'02', 0), ('b', 5, x'03', 0);
    `)
    const store = openSqliteStore(dir)
    expect(await store.loadUpdates('a', 'content')).toEqual([
      { seq: 1, update: new Uint8Array([1]), compacted: true },
      { seq: 2, update: new Uint8Array([2]), compacted: false },
    ])
    expect((await store.loadUpdates('b', 'content')).map((r) => r.seq)).toEqual([5])
    expect(await store.loadUpdates('a', 'facilitation')).toEqual([])
    // The content's seqs go on from the old ones; another document of the board starts its own.
    const seqs = await store.appendUpdates([
      { boardId: 'a', document: 'content', update: new Uint8Array([4]) },
      { boardId: 'a', document: 'facilitation', update: new Uint8Array([9]) },
    ])
    expect(seqs).toEqual([3, 1])
    await store.close()
    const again = openSqliteStore(dir)
    expect((await again.loadUpdates('a', 'content')).map((r) => [...r.update])).toEqual([[1], [2], [4]])
    expect((await again.loadUpdates('a', 'facilitation')).map((r) => [...r.update])).toEqual([[9]])
    await again.close()
  })

  it('gives compacted parts the seqs just below the rows it keeps, which stay as they are', async () => {
    const store = openSqliteStore(dataDir())
    const board = { title: 'A', editTokenHash: new Uint8Array(32), viewTokenHash: new Uint8Array(32) }
    await store.createBoard({ id: 'a', ...board, createdAt: 1, noteCount: 0 }, new Uint8Array([0]))
    const seqs = await store.appendUpdates(
      [1, 2, 3].map((n) => ({ boardId: 'a', document: 'content', update: new Uint8Array([n]) })),
    )
    expect(seqs).toEqual([2, 3, 4])
    const parts = [new Uint8Array([7]), new Uint8Array([8]), new Uint8Array([9])]
    expect(await store.compact('a', 'content', parts, 2)).toBe(4)
    const rows = await store.loadUpdates('a', 'content')
    expect(rows.map((r) => [r.seq, r.update[0], r.compacted])).toEqual([
      [0, 7, true],
      [1, 8, true],
      [2, 9, true],
      [3, 2, false],
      [4, 3, false],
    ])
    await store.close()
  })
})
