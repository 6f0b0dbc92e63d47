import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqliteStore, sqliteFileName } from './sqliteStore'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('sqliteStore on a database from before chunked compaction', () => {
  it('adds the compacted column, counts the old merged row as appended, and compacts it into parts', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'jb-sqlite-'))
    dirs.push(dataDir)
    mkdirSync(dataDir, { recursive: true })
    const old = new Database(path.join(dataDir, sqliteFileName))
    old.pragma('journal_mode = WAL')
    old.exec(`
      CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, edit_token_hash BLOB NOT NULL,
        view_token_hash BLOB NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
        note_count INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE board_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT NOT NULL REFERENCES boards (id), update_bytes BLOB NOT NULL);
      INSERT INTO boards VALUES ('a', 'Old', x'00', x'00', 1, 1, 0);
      INSERT INTO board_updates (seq, board_id, update_bytes) VALUES (7, 'a', x'0000');
    `)
    old.close()

    const store = openSqliteStore(dataDir)
    expect(await store.loadUpdates('a')).toEqual([
      { seq: 7, update: new Uint8Array([0, 0]), compacted: false },
    ])
    const lastSeq = await store.compact('a', [new Uint8Array([1]), new Uint8Array([2])], 7)
    const rows = await store.loadUpdates('a')
    expect(rows.map((r) => [[...r.update], r.compacted])).toEqual([
      [[1], true],
      [[2], true],
    ])
    expect(rows.at(-1)!.seq).toBe(lastSeq)
    await store.close()
  })
})
