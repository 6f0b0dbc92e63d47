import type Database from 'better-sqlite3'
import { contentDocument } from '../permissions/documents'

// Brings board_updates from an older layout to the current one, in one transaction, keeping every row
// and its seq. Three older layouts exist: from before chunked compaction (no `compacted`: the old single
// merged row counts as appended, so the next compaction splits it), from before per-board seqs (a rowid
// table with a global AUTOINCREMENT seq and a separate index), and from before a board had several
// documents (keyed (board_id, seq), no `document`). Every row of those is the board's content document.
// Global seqs are unique and increase per board, so they carry over unchanged as per-document seqs.

export function migrateUpdatesTable(db: Database.Database, createTable: (name: string) => string): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(board_updates)').all()
  if (columns.some((c) => c.name === 'document')) return
  const compacted = columns.some((c) => c.name === 'compacted') ? 'compacted' : '0'
  db.transaction(() => {
    db.exec(`
      DROP TABLE IF EXISTS board_updates_keyed;
      ${createTable('board_updates_keyed')}
      INSERT INTO board_updates_keyed (board_id, document, seq, update_bytes, compacted)
        SELECT board_id, '${contentDocument}', seq, update_bytes, ${compacted} FROM board_updates;
      DROP TABLE board_updates;
      ALTER TABLE board_updates_keyed RENAME TO board_updates;
    `)
    const sequences = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")
      .get()
    if (sequences) db.exec("DELETE FROM sqlite_sequence WHERE name = 'board_updates'")
  })()
}
