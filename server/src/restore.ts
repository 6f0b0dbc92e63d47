import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { readConfigFromEnv } from './config'
import { sqliteFileName } from './storage/openDatabase'

/*
 * `npm run restore -- <backup-file>` with the server STOPPED: puts a backup made by `npm run backup` in
 * place as `$DATA_DIR/journeyboard.sqlite`. The steps an operator would otherwise do by hand, minus the
 * easy mistake: a stale `-wal` left beside the old file would be replayed into the restored one.
 *
 * 1. The backup must pass `PRAGMA integrity_check`.
 * 2. The current database must not be in use: taking SQLite's exclusive lock fails while a server has it
 *    open, and the restore stops with "stop the server first".
 * 3. The current file and its -wal / -shm are MOVED aside (`….before-restore-<time>`), never deleted.
 * 4. The backup is copied in under a temporary name and renamed into place.
 */

export interface RestoreSummary {
  file: string
  /** Where the previous database went, if there was one. */
  movedAside: string[]
}

export function restoreBackup(backupFile: string, dataDir: string, now = new Date()): RestoreSummary {
  if (!existsSync(backupFile)) throw new Error(`no backup at ${backupFile}`)
  const backup = new Database(backupFile, { readonly: true, fileMustExist: true })
  try {
    const check = (backup.pragma('integrity_check') as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    )
    if (check.join() !== 'ok')
      throw new Error(`${backupFile} failed integrity_check: ${check.slice(0, 5).join('; ')}`)
  } finally {
    backup.close()
  }
  mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, sqliteFileName)
  if (existsSync(file)) assertNotInUse(file)
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const movedAside: string[] = []
  for (const suffix of ['', '-wal', '-shm']) {
    const current = `${file}${suffix}`
    if (!existsSync(current)) continue
    const aside = `${file}.before-restore-${stamp}${suffix}`
    renameSync(current, aside)
    movedAside.push(aside)
  }
  const incoming = `${file}.restoring-${process.pid}`
  copyFileSync(backupFile, incoming)
  renameSync(incoming, file)
  return { file, movedAside }
}

/** Throws if another process (a running server) has the database open. */
function assertNotInUse(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: 0 })
  try {
    // A WAL connection holds a shared lock on the file for as long as it is open, so this fails with
    // SQLITE_BUSY while the server runs.
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE; COMMIT')
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'SQLITE_BUSY') throw new Error(`${file} is in use: stop the server first`)
    // A corrupt current database is a reason to restore, not a reason to stop.
    if (!/^SQLITE_(CORRUPT|NOTADB)/.test(code ?? '')) throw error
  } finally {
    db.close()
  }
}

function main(argv: readonly string[]): void {
  const backupFile = argv[0]
  if (!backupFile || argv.length > 1) {
    process.stderr.write(
      'usage: npm run restore -- <backup-file>   (server stopped; DATA_DIR, default ./data)\n',
    )
    process.exit(2)
  }
  const { dataDir } = readConfigFromEnv(process.env)
  try {
    const summary = restoreBackup(path.resolve(backupFile), dataDir)
    process.stdout.write(`${JSON.stringify({ msg: 'backup restored', ...summary })}\n`)
  } catch (error) {
    process.stderr.write(`restore failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2))
}
