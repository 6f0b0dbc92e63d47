import { createHash } from 'node:crypto'
import pg from 'pg'
import type { Logger } from '../log'
import { contentDocument } from '../permissions/documents'
import type {
  BoardLinks,
  BoardRecord,
  BoardStore,
  NewBoard,
  SavedTemplateRecord,
  SealedTokens,
  StoredUpdate,
  UpdateToAppend,
} from './BoardStore'

// BoardStore on PostgreSQL (`pg`), selected by DATABASE_URL=postgres://… (main.ts). Same tables as the
// SQLite store: boards, and board_updates keyed (board_id, document, seq). `compact` writes its parts at
// the seqs just up to upToSeq, freed by deleting the rows it replaces.
//
// Several instances append to one document (REDIS_URL), so its seqs must commit in order: a reader that
// has seen seq N must never later find a row below N, or a compaction up to N (or a catch-up that read
// up to N) would miss it. A database sequence does not promise that (seq 10 may commit after seq 11), so
// every write to a document first takes a transaction-scoped advisory lock of that document, and the
// seq is max + 1 read under it. The locks of one batch are taken in one statement, in key order, so two
// instances' batches never deadlock. (The sequence of migration 1 is left in place, unused.)
//
// A pool of connections; every statement is a named prepared statement (parsed once per connection).
// Migrations are versioned (schema_migrations) and run at start-up under an advisory lock, so instances
// starting together migrate once. An append resolves only after COMMIT, i.e. once PostgreSQL reports the
// transaction durable under its own settings (synchronous_commit, fsync).

interface Migration {
  version: number
  sql: string
}

/** Append-only: never edit a released migration, add the next version. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  edit_token_hash BYTEA NOT NULL,
  view_token_hash BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  note_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX boards_by_updated_at ON boards (updated_at DESC);
CREATE SEQUENCE board_updates_seq;
CREATE TABLE board_updates (
  board_id TEXT NOT NULL REFERENCES boards (id),
  document TEXT NOT NULL,
  seq BIGINT NOT NULL DEFAULT nextval('board_updates_seq'),
  update_bytes BYTEA NOT NULL,
  compacted BOOLEAN NOT NULL DEFAULT false,
  PRIMARY KEY (board_id, document, seq)
);`,
  },
  {
    // Facilitator links and the sealed tokens a stronger link hands out (permissions/links.ts).
    version: 2,
    sql: `
ALTER TABLE boards
  ADD COLUMN facilitator_token_hash BYTEA,
  ADD COLUMN view_sealed_for_edit BYTEA,
  ADD COLUMN view_sealed_for_facilitator BYTEA,
  ADD COLUMN edit_sealed_for_facilitator BYTEA;`,
  },
  {
    // Templates saved from boards (POST /api/templates); the body is the template's JSON text.
    version: 3,
    sql: `
CREATE TABLE templates (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  body TEXT NOT NULL
);`,
  },
]

/** Any constant; serialises migrations of instances that start at once. */
const migrationLockKey = 0x6a62_0001
/** Serialises template saves, so that the count limit holds across instances (READ COMMITTED alone lets two pass). */
const templatesLockKey = 0x6a62_0002
/** The first key of every document lock (the two-int form), apart from migrationLockKey's. */
const documentLockSpace = 0x6a62

/** A document's lock key: 32 bits of a hash (a collision only makes two documents wait for each other). */
const documentLockKey = (boardId: string, document: string) =>
  createHash('sha256').update(`${boardId}/${document}`).digest().readInt32BE(0)

/** Every document a write touches, each once, in key order (the same order in every instance). */
const lockKeys = (rows: readonly { boardId: string; document: string }[]) =>
  [...new Set(rows.map((row) => documentLockKey(row.boardId, row.document)))].sort((a, b) => a - b)

interface BoardRow {
  id: string
  title: string
  edit_token_hash: Buffer
  view_token_hash: Buffer
  facilitator_token_hash: Buffer | null
  view_sealed_for_edit: Buffer | null
  view_sealed_for_facilitator: Buffer | null
  edit_sealed_for_facilitator: Buffer | null
  created_at: string
  updated_at: string
  note_count: number
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

const optionalBytes = (blob: Buffer | null) => (blob === null ? undefined : new Uint8Array(blob))
const optionalBuffer = (bytes: Uint8Array | undefined) => (bytes === undefined ? null : toBuffer(bytes))

/** The six link columns, in the order the statements below take them. */
const linkValues = (links: BoardLinks) => [
  toBuffer(links.editTokenHash),
  toBuffer(links.viewTokenHash),
  optionalBuffer(links.facilitatorTokenHash),
  optionalBuffer(links.sealed?.viewForEdit),
  optionalBuffer(links.sealed?.viewForFacilitator),
  optionalBuffer(links.sealed?.editForFacilitator),
]

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
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    noteCount: row.note_count,
  }
}

const statements = {
  insertBoard: `INSERT INTO boards (id, title, created_at, updated_at, note_count, edit_token_hash, view_token_hash,
      facilitator_token_hash, view_sealed_for_edit, view_sealed_for_facilitator, edit_sealed_for_facilitator)
    VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10)`,
  // IS NOT DISTINCT FROM, so that an absent facilitator hash (NULL) compares equal to NULL.
  swapLinks: `UPDATE boards SET edit_token_hash = $2, view_token_hash = $3, facilitator_token_hash = $4,
      view_sealed_for_edit = $5, view_sealed_for_facilitator = $6, edit_sealed_for_facilitator = $7
    WHERE id = $1 AND edit_token_hash = $8 AND view_token_hash = $9
      AND facilitator_token_hash IS NOT DISTINCT FROM $10`,
  selectBoard: 'SELECT * FROM boards WHERE id = $1',
  selectBoards: 'SELECT * FROM boards ORDER BY updated_at DESC, id',
  updateSummary: 'UPDATE boards SET title = $2, note_count = $3, updated_at = $4 WHERE id = $1',
  appendRow: `INSERT INTO board_updates (board_id, document, seq, update_bytes)
      SELECT $1, $2, coalesce(max(seq), 0) + 1, $3 FROM board_updates WHERE board_id = $1 AND document = $2
    RETURNING seq`,
  lockDocuments: `SELECT count(pg_advisory_xact_lock(${documentLockSpace}, key)) FROM unnest($1::int4[]) AS key`,
  insertPart:
    'INSERT INTO board_updates (board_id, document, seq, update_bytes, compacted) VALUES ($1, $2, $3, $4, true)',
  selectUpdates:
    'SELECT seq, update_bytes, compacted FROM board_updates WHERE board_id = $1 AND document = $2 ORDER BY seq',
  selectDocuments: 'SELECT DISTINCT document FROM board_updates WHERE board_id = $1',
  deleteUpTo: 'DELETE FROM board_updates WHERE board_id = $1 AND document = $2 AND seq <= $3',
  selectLastSeq: 'SELECT max(seq) AS seq FROM board_updates WHERE board_id = $1 AND document = $2',
  lockTemplates: `SELECT pg_advisory_xact_lock(${templatesLockKey})`,
  insertTemplate: `INSERT INTO templates (id, title, description, created_at, body)
      SELECT $1, $2, $3, $4, $5 WHERE (SELECT count(*) FROM templates) < $6`,
  selectTemplate: 'SELECT * FROM templates WHERE id = $1',
  selectTemplates: 'SELECT id, title, description, created_at FROM templates ORDER BY created_at, id',
} as const

interface TemplateRow {
  id: string
  title: string
  description: string
  created_at: string
  body: string
}

const templateSummary = (row: Omit<TemplateRow, 'body'>) => ({
  id: row.id,
  title: row.title,
  description: row.description,
  createdAt: Number(row.created_at),
})

type Queryable = pg.Pool | pg.PoolClient

/** A named prepared statement: PostgreSQL parses and plans it once per connection. */
function run<Row extends pg.QueryResultRow>(
  db: Queryable,
  name: keyof typeof statements,
  values: unknown[],
): Promise<pg.QueryResult<Row>> {
  return db.query<Row>({ name, text: statements[name], values })
}

async function migrate(pool: pg.Pool, log: Logger | undefined): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey])
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    )
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    )
    const current = rows[0]?.version ?? 0
    const newest = migrations.at(-1)?.version ?? 0
    if (current > newest) {
      throw new Error(
        `the database's schema is version ${current}, newer than this server knows (${newest}); run a newer server`,
      )
    }
    for (const migration of migrations.filter((m) => m.version > current)) {
      await client.query(migration.sql)
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        migration.version,
        Date.now(),
      ])
      log?.info({ version: migration.version }, 'applied PostgreSQL schema migration')
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/** Opens a pool on `url`, checks it can connect and brings the schema up to date; rejects otherwise. */
export async function openPostgresStore(
  url: string,
  options: { log?: Logger; maxConnections?: number } = {},
): Promise<BoardStore> {
  // A bounded connect: with the database down, a write fails (and the room says so) instead of hanging.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
  })
  // An idle connection the server drops (restart, network) must not crash the process; the pool replaces it.
  pool.on('error', (error) => options.log?.error({ err: error }, 'PostgreSQL connection lost'))
  try {
    await migrate(pool, options.log)
  } catch (error) {
    await pool.end().catch(() => {})
    throw error
  }

  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  const lockDocuments = (client: pg.PoolClient, rows: readonly { boardId: string; document: string }[]) =>
    run(client, 'lockDocuments', [lockKeys(rows)])

  const appendRow = async (client: pg.PoolClient, { boardId, document, update }: UpdateToAppend) => {
    const { rows } = await run<{ seq: string }>(client, 'appendRow', [boardId, document, toBuffer(update)])
    return Number(rows[0]!.seq)
  }

  return {
    createBoard: (board: NewBoard, initialUpdate) =>
      transaction(async (client) => {
        await run(client, 'insertBoard', [
          board.id,
          board.title,
          board.createdAt,
          board.noteCount,
          ...linkValues(board),
        ])
        await appendRow(client, { boardId: board.id, document: contentDocument, update: initialUpdate })
      }),
    async getBoard(id) {
      const { rows } = await run<BoardRow>(pool, 'selectBoard', [id])
      return rows[0] && toRecord(rows[0])
    },
    async listBoards() {
      const { rows } = await run<BoardRow>(pool, 'selectBoards', [])
      return rows.map(toRecord)
    },
    async updateSummary(id, summary) {
      const { rowCount } = await run(pool, 'updateSummary', [
        id,
        summary.title,
        summary.noteCount,
        summary.updatedAt,
      ])
      if (rowCount === 0) throw new Error(`unknown board ${JSON.stringify(id)}`)
    },
    async updateLinks(id, expected, next) {
      const { rowCount } = await run(pool, 'swapLinks', [
        id,
        ...linkValues(next),
        ...linkValues(expected).slice(0, 3),
      ])
      return rowCount === 1
    },
    async loadUpdates(boardId, document): Promise<StoredUpdate[]> {
      const { rows } = await run<{ seq: string; update_bytes: Buffer; compacted: boolean }>(
        pool,
        'selectUpdates',
        [boardId, document],
      )
      return rows.map((row) => ({
        seq: Number(row.seq),
        update: new Uint8Array(row.update_bytes),
        compacted: row.compacted,
      }))
    },
    async listDocuments(boardId): Promise<string[]> {
      const { rows } = await run<{ document: string }>(pool, 'selectDocuments', [boardId])
      return rows.map((row) => row.document)
    },
    appendUpdates: (batch) =>
      transaction(async (client) => {
        await lockDocuments(client, batch)
        const seqs: number[] = []
        // In order, one after another: seqs must follow the batch's order.
        for (const row of batch) seqs.push(await appendRow(client, row))
        return seqs
      }),
    compact: (boardId, document, parts, upToSeq) =>
      transaction(async (client) => {
        await lockDocuments(client, [{ boardId, document }])
        await run(client, 'deleteUpTo', [boardId, document, upToSeq])
        // Every seq up to upToSeq is free now; the parts end at it, so they load before every kept row.
        for (const [i, part] of parts.entries()) {
          await run(client, 'insertPart', [boardId, document, upToSeq - parts.length + 1 + i, toBuffer(part)])
        }
        const { rows } = await run<{ seq: string | null }>(client, 'selectLastSeq', [boardId, document])
        return rows[0]?.seq == null ? upToSeq : Number(rows[0].seq)
      }),
    createTemplate: (template: SavedTemplateRecord, maxCount: number) =>
      transaction(async (client) => {
        await run(client, 'lockTemplates', [])
        const { rowCount } = await run(client, 'insertTemplate', [
          template.id,
          template.title,
          template.description,
          template.createdAt,
          template.body,
          maxCount,
        ])
        return rowCount === 1
      }),
    async getTemplate(id) {
      const { rows } = await run<TemplateRow>(pool, 'selectTemplate', [id])
      return rows[0] && { ...templateSummary(rows[0]), body: rows[0].body }
    },
    async listTemplates() {
      const { rows } = await run<TemplateRow>(pool, 'selectTemplates', [])
      return rows.map(templateSummary)
    },
    async ping() {
      await pool.query('SELECT 1')
    },
    close: () => pool.end(),
  }
}
