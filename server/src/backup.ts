import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { readConfigFromEnv } from './config'
import { sqliteFileName } from './storage/openDatabase'

/*
 * `npm run backup -- <dest-file>`: an online backup of `$DATA_DIR/journeyboard.sqlite`, safe while the
 * server runs and writes. It uses SQLite's backup API (better-sqlite3 `db.backup`) from a connection of its
 * own; with WAL, readers never block the server's writer, nor it them.
 *
 * The backup API restarts whenever another process writes between two of its steps, so with a busy server
 * a page-by-page copy could restart forever. All pages are therefore copied in ONE step, inside one read
 * snapshot: the copy is the database exactly as of one committed transaction, i.e. it holds every edit the
 * server had relayed when the step began.
 *
 * The copy is written next to the destination, checked with `PRAGMA integrity_check`, switched to
 * rollback-journal mode (one self-contained file), fsynced and only then renamed to <dest-file>, so a
 * failed or interrupted backup never leaves a file that looks like a good one.
 */

export interface BackupSummary {
  file: string
  bytes: number
  boards: number
  updateRows: number
  durationMs: number
}

/** Every page in one backup step (see above); better-sqlite3 caps the step size at 2^31 − 1. */
const allPages = 0x7fffffff

export async function backupDatabase(dataDir: string, destFile: string): Promise<BackupSummary> {
  const started = performance.now()
  const source = path.join(dataDir, sqliteFileName)
  if (!existsSync(source)) throw new Error(`no database at ${source} (is DATA_DIR right?)`)
  if (existsSync(destFile)) throw new Error(`${destFile} already exists; choose a new file name`)
  const partial = `${destFile}.partial-${process.pid}`
  const db = new Database(source, { fileMustExist: true })
  try {
    await db.backup(partial, { progress: () => allPages })
  } finally {
    db.close()
  }
  try {
    const copy = new Database(partial, { fileMustExist: true })
    let counts: { boards: number; updateRows: number }
    try {
      const check = (copy.pragma('integrity_check') as { integrity_check: string }[]).map(
        (row) => row.integrity_check,
      )
      if (check.join() !== 'ok')
        throw new Error(`the copy failed integrity_check: ${check.slice(0, 5).join('; ')}`)
      copy.pragma('journal_mode = DELETE')
      counts = copy
        .prepare<[], { boards: number; updateRows: number }>(
          'SELECT (SELECT count(*) FROM boards) AS boards, (SELECT count(*) FROM board_updates) AS updateRows',
        )
        .get()!
    } finally {
      copy.close()
    }
    const fd = openSync(partial, 'r')
    fsyncSync(fd)
    closeSync(fd)
    renameSync(partial, destFile)
    return {
      file: destFile,
      bytes: statSync(destFile).size,
      ...counts,
      durationMs: Math.round(performance.now() - started),
    }
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const dest = argv[0]
  if (!dest || argv.length > 1) {
    process.stderr.write('usage: npm run backup -- <dest-file>   (reads DATA_DIR, default ./data)\n')
    process.exit(2)
  }
  const { dataDir } = readConfigFromEnv(process.env)
  try {
    const summary = await backupDatabase(dataDir, path.resolve(dest))
    process.stdout.write(`${JSON.stringify({ msg: 'backup written', ...summary })}\n`)
  } catch (error) {
    process.stderr.write(`backup failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main(process.argv.slice(2))
}
