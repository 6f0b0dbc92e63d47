import { statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/**
 * What the server keeps on disk for one board, read straight from its SQLite file (read-only, beside
 * the running server, which WAL allows). Table and file names are the server's (storage/sqliteStore.ts:
 * `board_updates(board_id, seq, update_bytes)` in `<DATA_DIR>/journeyboard.sqlite`).
 */
export const sqliteFileName = 'journeyboard.sqlite'

export interface StoredBytes {
  rows: number
  updateBytes: number
}

export function readStoredBytes(dataDir: string, boardId: string): StoredBytes {
  const db = new Database(path.join(dataDir, sqliteFileName), { readonly: true, fileMustExist: true })
  try {
    const result = db
      .prepare<[string], { rows: number; bytes: number | null }>(
        'SELECT COUNT(*) AS rows, SUM(LENGTH(update_bytes)) AS bytes FROM board_updates WHERE board_id = ?',
      )
      .get(boardId)
    return { rows: result?.rows ?? 0, updateBytes: result?.bytes ?? 0 }
  } finally {
    db.close()
  }
}

/** Size of the database file plus its WAL, bytes. */
export function databaseFileBytes(dataDir: string): number {
  const size = (file: string) => {
    try {
      return statSync(path.join(dataDir, file)).size
    } catch {
      return 0
    }
  }
  return size(sqliteFileName) + size(`${sqliteFileName}-wal`)
}
