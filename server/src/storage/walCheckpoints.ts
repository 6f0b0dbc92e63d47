import type Database from 'better-sqlite3'
import type { Logger } from '../log'

/*
 * When the WAL is copied back into the database. SQLite's default runs that checkpoint inside whichever
 * commit pushes the WAL past 1,000 pages: under load that is about once a second, and each one fsyncs
 * twice on the event loop, holding up every relay waiting behind it (it was the whole p99 tail of the
 * sync benchmark). Here the checkpoint runs once the store has had no commit for `quietMs`, which a
 * workshop's bursty edits give many times a minute, and, so that the WAL stays bounded under sustained
 * load, right after a commit once roughly `maxWalBytes` have been written since the last one.
 *
 * Passive mode: it never waits for a reader, and a failure (disk full, I/O error) is logged, not thrown:
 * the commits themselves are already durable in the WAL, and the next checkpoint tries again.
 */

export interface WalCheckpoints {
  /** Call after every write transaction, with the bytes of the rows it wrote. */
  committed(bytes: number): void
  stop(): void
}

export interface WalCheckpointOptions {
  quietMs?: number
  maxWalBytes?: number
}

export function scheduleWalCheckpoints(
  db: Database.Database,
  log?: Logger,
  { quietMs = 250, maxWalBytes = 64 * 1024 * 1024 }: WalCheckpointOptions = {},
): WalCheckpoints {
  db.pragma('wal_autocheckpoint = 0')
  const pageSize = db.pragma('page_size', { simple: true }) as number
  let lastCommitAt = 0
  /**
   * What the WAL grew by since the last checkpoint, estimated (SQLite counts frames only when it
   * checkpoints): a commit writes at least one whole page, plus the pages its rows fill.
   */
  let walBytes = 0

  const checkpoint = () => {
    walBytes = 0
    try {
      db.pragma('wal_checkpoint(PASSIVE)')
    } catch (error) {
      log?.error({ err: error }, 'WAL checkpoint failed; the WAL keeps the commits and the next one retries')
    }
  }
  const timer = setInterval(() => {
    if (walBytes > 0 && performance.now() - lastCommitAt >= quietMs) checkpoint()
  }, quietMs)
  timer.unref()

  return {
    committed(bytes) {
      lastCommitAt = performance.now()
      walBytes += pageSize + bytes
      if (walBytes >= maxWalBytes) checkpoint()
    },
    stop() {
      clearInterval(timer)
    },
  }
}
