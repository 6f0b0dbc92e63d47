import type { Logger } from '../log'
import type { BoardRecord, BoardStore, NewBoard } from './BoardStore'
import { openDatabase } from './openDatabase'

/**
 * BoardStore on better-sqlite3. The database is `<dataDir>/journeyboard.sqlite`; openDatabase.ts opens
 * and checks it, and throws a DatabaseOpenError (never creates a fresh one) if it is not sound.
 *
 * Updates are append-only rows (board_id, seq, update); `compact` folds a prefix into a few rows (the
 * merged state in pieces, `compacted = 1`). `seq` is a global AUTOINCREMENT key, so it is monotonic per
 * board without a per-board counter; compaction re-inserts the rows it keeps after its pieces, because
 * no free seqs are guaranteed below them.
 *
 * better-sqlite3 is synchronous; each method is an async function around it, so a call does its work at
 * once and returns a settled promise (errors become rejections). No thread pool: a WAL commit of one
 * batch takes well under a millisecond, less than handing it to a worker would.
 */

const schema = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  edit_token_hash BLOB NOT NULL,
  view_token_hash BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  note_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS boards_by_updated_at ON boards (updated_at DESC);
CREATE TABLE IF NOT EXISTS board_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards (id),
  update_bytes BLOB NOT NULL,
  compacted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS board_updates_by_board ON board_updates (board_id, seq);
`

interface BoardRow {
  id: string
  title: string
  edit_token_hash: Buffer
  view_token_hash: Buffer
  created_at: number
  updated_at: number
  note_count: number
}

interface UpdateRow {
  seq: number
  update_bytes: Buffer
  compacted: number
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

function toRecord(row: BoardRow): BoardRecord {
  return {
    id: row.id,
    title: row.title,
    editTokenHash: new Uint8Array(row.edit_token_hash),
    viewTokenHash: new Uint8Array(row.view_token_hash),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    noteCount: row.note_count,
  }
}

export { sqliteFileName } from './openDatabase'

/** `log` receives the startup check's figures (size, quick_check time). */
export function openSqliteStore(dataDir: string, options: { log?: Logger } = {}): BoardStore {
  const db = openDatabase(dataDir, options.log)
  // WAL (set by openDatabase) + synchronous=NORMAL: a committed transaction survives the process being killed (kill -9), which is
  // what we promise; only an OS crash or power loss can lose the last few commits. FULL would fsync every tick.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.exec(schema)
  // Databases from before chunked compaction lack the column; their old single merged row counts as
  // appended, so the next compaction splits it.
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(board_updates)').all()
  if (!columns.some((c) => c.name === 'compacted'))
    db.exec('ALTER TABLE board_updates ADD COLUMN compacted INTEGER NOT NULL DEFAULT 0')

  const insertBoard = db.prepare(
    `INSERT INTO boards (id, title, edit_token_hash, view_token_hash, created_at, updated_at, note_count)
     VALUES (@id, @title, @editTokenHash, @viewTokenHash, @createdAt, @createdAt, @noteCount)`,
  )
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?')
  const selectBoards = db.prepare<[], BoardRow>('SELECT * FROM boards ORDER BY updated_at DESC, id')
  const updateBoardSummary = db.prepare(
    'UPDATE boards SET title = @title, note_count = @noteCount, updated_at = @updatedAt WHERE id = @id',
  )
  const insertUpdate = db.prepare<[string, Buffer]>(
    'INSERT INTO board_updates (board_id, update_bytes) VALUES (?, ?)',
  )
  const insertRow = db.prepare<[string, Buffer, number]>(
    'INSERT INTO board_updates (board_id, update_bytes, compacted) VALUES (?, ?, ?)',
  )
  const selectUpdates = db.prepare<[string], UpdateRow>(
    'SELECT seq, update_bytes, compacted FROM board_updates WHERE board_id = ? ORDER BY seq',
  )
  const selectUpdatesAfter = db.prepare<[string, number], UpdateRow>(
    'SELECT seq, update_bytes, compacted FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
  )
  const deleteUpdates = db.prepare<[string]>('DELETE FROM board_updates WHERE board_id = ?')

  const createBoardTx = db.transaction((board: NewBoard, initialUpdate: Uint8Array) => {
    insertBoard.run({
      ...board,
      editTokenHash: toBuffer(board.editTokenHash),
      viewTokenHash: toBuffer(board.viewTokenHash),
    })
    insertUpdate.run(board.id, toBuffer(initialUpdate))
  })
  const appendTx = db.transaction((batch: readonly { boardId: string; update: Uint8Array }[]) =>
    batch.map(({ boardId, update }) => Number(insertUpdate.run(boardId, toBuffer(update)).lastInsertRowid)),
  )
  const compactTx = db.transaction((boardId: string, parts: readonly Uint8Array[], upToSeq: number) => {
    const kept = selectUpdatesAfter.all(boardId, upToSeq)
    deleteUpdates.run(boardId)
    let lastSeq = 0
    for (const part of parts) lastSeq = Number(insertRow.run(boardId, toBuffer(part), 1).lastInsertRowid)
    for (const row of kept)
      lastSeq = Number(insertRow.run(boardId, row.update_bytes, row.compacted).lastInsertRowid)
    return lastSeq
  })

  return {
    createBoard: async (board, initialUpdate) => createBoardTx(board, initialUpdate),
    async getBoard(id) {
      const row = selectBoard.get(id)
      return row && toRecord(row)
    },
    listBoards: async () => selectBoards.all().map(toRecord),
    async updateSummary(id, summary) {
      const { changes } = updateBoardSummary.run({ id, ...summary })
      if (changes === 0) throw new Error(`unknown board ${JSON.stringify(id)}`)
    },
    loadUpdates: async (id) =>
      selectUpdates.all(id).map((row) => ({
        seq: row.seq,
        update: new Uint8Array(row.update_bytes),
        compacted: row.compacted === 1,
      })),
    appendUpdates: async (batch) => appendTx(batch),
    compact: async (boardId, parts, upToSeq) => compactTx(boardId, parts, upToSeq),
    close: async () => {
      db.close()
    },
  }
}
