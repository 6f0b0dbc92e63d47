import type Database from 'better-sqlite3'

/**
 * Brings board_updates from an older layout to the current one, in one transaction, keeping every row
 * and its seq: databases from before chunked compaction lack `compacted` (their old single merged row
 * counts as appended, so the next compaction splits it), and those from before per-board seqs have a
 * rowid table with a global AUTOINCREMENT seq and a separate index. Global seqs are unique and increase
 * per board, so they carry over unchanged as per-board seqs.
 */
export function migrateUpdatesTable(db: Database.Database, createTable: (name: string) => string): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(board_updates)').all()
  if (!columns.some((c) => c.name === 'compacted'))
    db.exec('ALTER TABLE board_updates ADD COLUMN compacted INTEGER NOT NULL DEFAULT 0')
  const table = db
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'board_updates'",
    )
    .get()
  if (table && /WITHOUT\s+ROWID/i.test(table.sql)) return
  db.transaction(() => {
    db.exec(`
      DROP TABLE IF EXISTS board_updates_keyed;
      ${createTable('board_updates_keyed')}
      INSERT INTO board_updates_keyed (board_id, seq, update_bytes, compacted)
        SELECT board_id, seq, update_bytes, compacted FROM board_updates;
      DROP TABLE board_updates;
      ALTER TABLE board_updates_keyed RENAME TO board_updates;
    `)
    const sequences = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")
      .get()
    if (sequences) db.exec("DELETE FROM sqlite_sequence WHERE name = 'board_updates'")
  })()
}
