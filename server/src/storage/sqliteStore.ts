import type { Logger } from '../log'
import { contentDocument } from '../permissions/documents'
import type {
  BoardLinks,
  BoardRecord,
  BoardStore,
  NewBoard,
  SavedTemplateRecord,
  SealedTokens,
  UpdateToAppend,
} from './BoardStore'
import { migrateBoardLinks } from './boardLinksMigration'
import { openDatabase } from './openDatabase'
import { migrateUpdatesTable } from './updatesTableMigration'
import { scheduleWalCheckpoints, type WalCheckpointOptions } from './walCheckpoints'

// BoardStore on better-sqlite3. The database is `<dataDir>/journeyboard.sqlite`; openDatabase.ts opens
// and checks it, and throws a DatabaseOpenError (never creates a fresh one) if it is not sound.
//
// Updates are append-only rows keyed (board_id, document, seq); `compact` folds a prefix of one
// document into a few rows (the merged state in pieces, `compacted = 1`) that take the seqs just below
// the rows it keeps, which stay as they are. Each append takes max(seq) + 1 of its document in the same
// statement, so an append touches one b-tree and no sequence table (under load the cost of a commit is
// most of what persistence costs, docs/performance.md), and two processes on one file never collide.
//
// better-sqlite3 is synchronous; each method is an async function around it, so a call does its work at
// once and returns a settled promise (errors become rejections). No thread pool: a WAL commit of one
// batch takes well under a millisecond, less than handing it to a worker would. The slow part of WAL,
// the checkpoint (copying pages back and fsyncing), is kept out of busy moments by walCheckpoints.ts.

const schema = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  edit_token_hash BLOB NOT NULL,
  view_token_hash BLOB NOT NULL,
  facilitator_token_hash BLOB,
  view_sealed_for_edit BLOB,
  view_sealed_for_facilitator BLOB,
  edit_sealed_for_facilitator BLOB,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  note_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS boards_by_updated_at ON boards (updated_at DESC);
${updatesTable('board_updates')}
CREATE TABLE IF NOT EXISTS templates (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  body TEXT NOT NULL
);
`

/**
 * Keyed by (board, document, seq) with no rowid: an append writes one b-tree page, not a table, an index
 * and a sequence. `document` names one of the board's documents (permissions/documents.ts).
 */
function updatesTable(name: string): string {
  return `CREATE TABLE IF NOT EXISTS ${name} (
  board_id TEXT NOT NULL REFERENCES boards (id),
  document TEXT NOT NULL,
  seq INTEGER NOT NULL,
  update_bytes BLOB NOT NULL,
  compacted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (board_id, document, seq)
) WITHOUT ROWID;`
}

interface BoardRow {
  id: string
  title: string
  edit_token_hash: Buffer
  view_token_hash: Buffer
  facilitator_token_hash: Buffer | null
  view_sealed_for_edit: Buffer | null
  view_sealed_for_facilitator: Buffer | null
  edit_sealed_for_facilitator: Buffer | null
  created_at: number
  updated_at: number
  note_count: number
}

interface TemplateRow {
  id: string
  title: string
  description: string
  created_at: number
  body: string
}

const templateSummary = (row: Omit<TemplateRow, 'body'>) => ({
  id: row.id,
  title: row.title,
  description: row.description,
  createdAt: row.created_at,
})

interface UpdateRow {
  seq: number
  update_bytes: Buffer
  compacted: number
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

const optionalBytes = (blob: Buffer | null) => (blob === null ? undefined : new Uint8Array(blob))
const optionalBuffer = (bytes: Uint8Array | undefined) => (bytes === undefined ? null : toBuffer(bytes))

/** The link columns of a row, as named parameters (for insert and compare-and-swap). */
function linkParams(links: BoardLinks) {
  return {
    editTokenHash: toBuffer(links.editTokenHash),
    viewTokenHash: toBuffer(links.viewTokenHash),
    facilitatorTokenHash: optionalBuffer(links.facilitatorTokenHash),
    viewForEdit: optionalBuffer(links.sealed?.viewForEdit),
    viewForFacilitator: optionalBuffer(links.sealed?.viewForFacilitator),
    editForFacilitator: optionalBuffer(links.sealed?.editForFacilitator),
  }
}

function toRecord(row: BoardRow): BoardRecord {
  const sealed: SealedTokens = {}
  const viewForEdit = optionalBytes(row.view_sealed_for_edit)
  const viewForFacilitator = optionalBytes(row.view_sealed_for_facilitator)
  const editForFacilitator = optionalBytes(row.edit_sealed_for_facilitator)
  if (viewForEdit) sealed.viewForEdit = viewForEdit
  if (viewForFacilitator) sealed.viewForFacilitator = viewForFacilitator
  if (editForFacilitator) sealed.editForFacilitator = editForFacilitator
  return {
    id: row.id,
    title: row.title,
    editTokenHash: new Uint8Array(row.edit_token_hash),
    viewTokenHash: new Uint8Array(row.view_token_hash),
    facilitatorTokenHash: optionalBytes(row.facilitator_token_hash),
    sealed,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    noteCount: row.note_count,
  }
}

export { sqliteFileName } from './openDatabase'

/** `log` receives the startup check's figures (size, quick_check time) and checkpoint failures. */
export function openSqliteStore(
  dataDir: string,
  options: { log?: Logger; checkpoints?: WalCheckpointOptions } = {},
): BoardStore {
  const db = openDatabase(dataDir, options.log)
  // WAL (set by openDatabase) + synchronous=NORMAL: a committed transaction survives the process being
  // killed (kill -9), which is what we promise; only an OS crash or power loss can lose the last few
  // commits. FULL would fsync every tick.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.exec(schema)
  migrateUpdatesTable(db, updatesTable)
  migrateBoardLinks(db)
  const checkpoints = scheduleWalCheckpoints(db, options.log, options.checkpoints)

  const insertBoard = db.prepare(
    `INSERT INTO boards (id, title, edit_token_hash, view_token_hash, facilitator_token_hash,
       view_sealed_for_edit, view_sealed_for_facilitator, edit_sealed_for_facilitator, created_at, updated_at, note_count)
     VALUES (@id, @title, @editTokenHash, @viewTokenHash, @facilitatorTokenHash,
       @viewForEdit, @viewForFacilitator, @editForFacilitator, @createdAt, @createdAt, @noteCount)`,
  )
  // `IS` rather than `=` so that an absent facilitator hash (NULL) compares equal to NULL.
  const swapLinks = db.prepare(
    `UPDATE boards SET edit_token_hash = @editTokenHash, view_token_hash = @viewTokenHash,
       facilitator_token_hash = @facilitatorTokenHash, view_sealed_for_edit = @viewForEdit,
       view_sealed_for_facilitator = @viewForFacilitator, edit_sealed_for_facilitator = @editForFacilitator
     WHERE id = @id AND edit_token_hash = @oldEditTokenHash AND view_token_hash = @oldViewTokenHash
       AND facilitator_token_hash IS @oldFacilitatorTokenHash`,
  )
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?')
  const selectBoards = db.prepare<[], BoardRow>('SELECT * FROM boards ORDER BY updated_at DESC, id')
  const updateBoardSummary = db.prepare(
    'UPDATE boards SET title = @title, note_count = @noteCount, updated_at = @updatedAt WHERE id = @id',
  )
  const insertRow = db.prepare<[string, string, number, Buffer, number]>(
    'INSERT INTO board_updates (board_id, document, seq, update_bytes, compacted) VALUES (?, ?, ?, ?, ?)',
  )
  const selectUpdates = db.prepare<[string, string], UpdateRow>(
    'SELECT seq, update_bytes, compacted FROM board_updates WHERE board_id = ? AND document = ? ORDER BY seq',
  )
  const selectDocuments = db.prepare<[string], { document: string }>(
    'SELECT DISTINCT document FROM board_updates WHERE board_id = ?',
  )
  const selectLastSeq = db.prepare<[string, string], { seq: number | null }>(
    'SELECT max(seq) AS seq FROM board_updates WHERE board_id = ? AND document = ?',
  )
  // The count is taken inside the INSERT: one statement holds the write lock from the count to the
  // write, so two saves (even from two processes on the file) cannot both take the last place.
  const insertTemplate = db.prepare<[SavedTemplateRecord & { maxCount: number }]>(
    `INSERT INTO templates (id, title, description, created_at, body)
       SELECT @id, @title, @description, @createdAt, @body WHERE (SELECT count(*) FROM templates) < @maxCount`,
  )
  const selectTemplate = db.prepare<[string], TemplateRow>('SELECT * FROM templates WHERE id = ?')
  const selectTemplates = db.prepare<[], Omit<TemplateRow, 'body'>>(
    'SELECT id, title, description, created_at FROM templates ORDER BY created_at, id',
  )
  const deleteUpdatesUpTo = db.prepare<[string, string, number]>(
    'DELETE FROM board_updates WHERE board_id = ? AND document = ? AND seq <= ?',
  )

  // The seq is max + 1 taken inside the INSERT itself, never a counter kept in memory: a second process
  // on the same file (a backup, a restore check, a second instance in a test) appends to the same
  // document, and a cached next seq would collide with its rows. One statement holds SQLite's write
  // lock from the read to the write, so two processes can never take the same seq, and seqs commit in
  // order. The max is one seek down the primary key.
  const appendRow = db.prepare<[{ boardId: string; document: string; update: Buffer }], { seq: number }>(
    `INSERT INTO board_updates (board_id, document, seq, update_bytes, compacted)
       SELECT @boardId, @document, coalesce(max(seq), 0) + 1, @update, 0
       FROM board_updates WHERE board_id = @boardId AND document = @document
     RETURNING seq`,
  )
  // all(), not get(): get() resets the statement after its first row, and an autocommit's failure at
  // that point (disk full while committing) would be dropped silently, with the edit then relayed.
  const appendOne = (boardId: string, document: string, update: Uint8Array) =>
    appendRow.all({ boardId, document, update: toBuffer(update) })[0]!.seq

  const createBoardTx = db.transaction((board: NewBoard, initialUpdate: Uint8Array) => {
    insertBoard.run({
      id: board.id,
      title: board.title,
      createdAt: board.createdAt,
      noteCount: board.noteCount,
      ...linkParams(board),
    })
    appendOne(board.id, contentDocument, initialUpdate)
  })
  const append = ({ boardId, document, update }: UpdateToAppend) => appendOne(boardId, document, update)
  const appendTx = db.transaction((batch: readonly UpdateToAppend[]) => batch.map(append))
  const appendUpdatesNow = (batch: readonly UpdateToAppend[]) => {
    // One row is one statement, atomic on its own: no BEGIN/COMMIT round trips (most commits at light load).
    const seqs = batch.length === 1 ? [append(batch[0]!)] : appendTx(batch)
    checkpoints.committed(batch.reduce((sum, row) => sum + row.update.byteLength, 0))
    return seqs
  }
  const compactTx = db.transaction(
    (boardId: string, document: string, parts: readonly Uint8Array[], upToSeq: number) => {
      deleteUpdatesUpTo.run(boardId, document, upToSeq)
      // Every seq up to upToSeq is free now; the parts end at it, so they load before every kept row.
      parts.forEach((part, i) => {
        insertRow.run(boardId, document, upToSeq - parts.length + 1 + i, toBuffer(part), 1)
      })
      return selectLastSeq.get(boardId, document)?.seq ?? upToSeq
    },
  )

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
    async updateLinks(id, expected, next) {
      const old = linkParams(expected)
      const { changes } = swapLinks.run({
        id,
        ...linkParams(next),
        oldEditTokenHash: old.editTokenHash,
        oldViewTokenHash: old.viewTokenHash,
        oldFacilitatorTokenHash: old.facilitatorTokenHash,
      })
      return changes === 1
    },
    loadUpdates: async (boardId, document) =>
      selectUpdates.all(boardId, document).map((row) => ({
        seq: row.seq,
        update: new Uint8Array(row.update_bytes),
        compacted: row.compacted === 1,
      })),
    listDocuments: async (boardId) => selectDocuments.all(boardId).map((row) => row.document),
    appendUpdatesNow,
    appendUpdates: async (batch) => appendUpdatesNow(batch),
    async compact(boardId, document, parts, upToSeq) {
      const lastSeq = compactTx(boardId, document, parts, upToSeq)
      checkpoints.committed(parts.reduce((sum, part) => sum + part.byteLength, 0))
      return lastSeq
    },
    createTemplate: async (template, maxCount) => insertTemplate.run({ ...template, maxCount }).changes === 1,
    async getTemplate(id) {
      const row = selectTemplate.get(id)
      return row && { ...templateSummary(row), body: row.body }
    },
    listTemplates: async () => selectTemplates.all().map(templateSummary),
    async ping() {
      // A file that was deleted or became unreadable fails this; an open handle alone proves nothing.
      db.prepare('SELECT count(*) FROM boards LIMIT 1').get()
    },
    close: async () => {
      checkpoints.stop()
      db.close()
    },
  }
}
