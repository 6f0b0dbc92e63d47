import { existsSync, mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Logger } from '../log'

/*
 * Opens `<dataDir>/journeyboard.sqlite` and proves it is sound before the server takes a single edit.
 *
 * A database that is not usable (garbage, truncated, an empty file where one was, a data dir that is a
 * file or cannot be opened) is REFUSED with a DatabaseOpenError naming the file and how to restore it,
 * and main.ts exits non-zero. Never "repair" by starting a fresh empty database over it: that would turn
 * a recoverable incident into silent loss of every board, and the next backup would copy the empty file.
 *
 * `PRAGMA quick_check` runs on every open. It is O(size) (it reads every page but skips the index
 * cross-check of integrity_check): about 0.3–0.4 s per 100 MB on the 2-core dev machine, measured on a
 * 101.6 MB database of 290 boards × 250 updates, against which a slow start is a fair price.
 */

export const sqliteFileName = 'journeyboard.sqlite'

export class DatabaseOpenError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'DatabaseOpenError'
  }
}

/** What an operator does with an unusable database file; also in docs/reliability.md. */
export function restoreAdvice(file: string): string {
  return (
    `Refusing to start rather than create an empty database over it. To restore: stop the server, ` +
    `move ${file} (and any ${path.basename(file)}-wal / -shm beside it) aside, copy your latest backup ` +
    `(npm run backup) to ${file}, and start again. See docs/reliability.md.`
  )
}

export function openDatabase(dataDir: string, log?: Logger): Database.Database {
  const file = path.join(dataDir, sqliteFileName)
  try {
    mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    throw new DatabaseOpenError(
      file,
      `DATA_DIR ${dataDir} is not a usable directory (${codeOf(error)}): ${message(error)}`,
      { cause: error },
    )
  }
  // SQLite treats an empty file as a new database, so a database truncated to 0 bytes would come back
  // empty without a word. The server never leaves one behind (its first statement writes the header).
  if (existsSync(file) && statSync(file).size === 0 && !hasContent(`${file}-wal`)) {
    throw new DatabaseOpenError(
      file,
      `${file} is empty (0 bytes) but exists: it was truncated or its first start was cut short. ` +
        `If this is a brand-new install, delete it. ${restoreAdvice(file)}`,
    )
  }
  let db: Database.Database | undefined
  try {
    db = new Database(file)
    db.pragma('journal_mode = WAL')
    const started = performance.now()
    const rows = db.pragma('quick_check') as { quick_check: string }[]
    const problems = rows.map((row) => row.quick_check).filter((result) => result !== 'ok')
    if (problems.length > 0) {
      throw new DatabaseOpenError(
        file,
        `${file} failed PRAGMA quick_check: ${problems.slice(0, 5).join('; ')}. ${restoreAdvice(file)}`,
      )
    }
    log?.info(
      { file, bytes: statSync(file).size, quickCheckMs: Math.round(performance.now() - started) },
      'database checked',
    )
    return db
  } catch (error) {
    db?.close()
    if (error instanceof DatabaseOpenError) throw error
    const code = codeOf(error)
    // Corruption means restoring; anything else (permissions, a directory in the way) is fixed in place.
    const advice = /^SQLITE_(CORRUPT|NOTADB)/.test(code)
      ? restoreAdvice(file)
      : `Check that ${dataDir} is a directory this user can read and write.`
    throw new DatabaseOpenError(file, `${file} cannot be opened (${code}: ${message(error)}). ${advice}`, {
      cause: error,
    })
  }
}

const hasContent = (file: string) => existsSync(file) && statSync(file).size > 0
const codeOf = (error: unknown) => (error as { code?: string }).code ?? 'error'
const message = (error: unknown) => (error instanceof Error ? error.message : String(error))
