/*
 * Names what went wrong in a store call, so the log line and the close reason tell an operator what to do
 * instead of "internal error". SQLite's extended codes (SQLITE_FULL, SQLITE_CORRUPT, SQLITE_IOERR_WRITE, …)
 * arrive on `error.code` from better-sqlite3; a network store can set the same codes.
 */

export type StoreFailureKind =
  | 'disk full'
  | 'database corrupt'
  | 'storage unavailable'
  | 'database unreachable'
  | 'store error'

/**
 * PostgreSQL is down, restarting or out of reach: a refused or dropped connection (Node's errno codes),
 * an administrator's shutdown (57P01–57P03), or a connection exception (class 08). `pg` reports a
 * connection that ended mid-query by message only.
 */
const unreachable = (code: string, message: string) =>
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|57P0[123]|08\w{3})$/.test(code) ||
  /Connection terminated|timeout exceeded when trying to connect/.test(message)

export interface StoreFailure {
  kind: StoreFailureKind
  /** One sentence for the operator, logged beside the error. */
  action: string
}

export function describeStoreFailure(error: unknown): StoreFailure {
  const code = String((error as { code?: unknown } | undefined)?.code ?? '')
  const message = error instanceof Error ? error.message : ''
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return { kind: 'disk full', action: 'free space in DATA_DIR; edits resume when clients reconnect' }
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code))
    return {
      kind: 'database corrupt',
      action: 'stop the server and restore the latest backup (docs/reliability.md)',
    }
  if (/^SQLITE_(IOERR|CANTOPEN|READONLY|PERM)/.test(code) || /^E(ACCES|PERM|IO|ROFS)$/.test(code))
    return { kind: 'storage unavailable', action: 'check that DATA_DIR is mounted, readable and writable' }
  if (unreachable(code, message))
    return {
      kind: 'database unreachable',
      action: 'check that PostgreSQL at DATABASE_URL is up; edits resume when clients reconnect',
    }
  return { kind: 'store error', action: 'see the error; edits resume when clients reconnect' }
}
