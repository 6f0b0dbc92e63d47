import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { readBoardSummary } from '../../shared/src/board/schema'
import { seedBoard } from '../render/seedBoard'
import { connectOurProvider, whenSynced } from '../sync/ourProvider'
import { type OurServer, startOurServer } from '../sync/ourServer'
import { databaseFileBytes, readStoredBytes } from './storedBytes'

/**
 * Storage and cold load of one large board, on one data folder:
 *  1. seed N notes, then stop the server gracefully: it unloads the board and compacts it, as it does
 *     with every board nobody has open (the server decides how: one row, or rows of at most
 *     SYNC_CHUNK_BYTES);
 *  2. read what SQLite holds for the board and compare with the encoded Yjs state of the same document;
 *  3. start the server again on the same folder and time a client from connect to synced: the board
 *     comes from disk, nothing of it is in memory. A second client then shows the warm figure.
 */
export interface StorageResult {
  notes: number
  /** Rows the board occupies after the shutdown's compaction. */
  rowsAfterCompaction: number
  storedBytes: number
  encodedStateBytes: number
  /** storedBytes / encodedStateBytes. */
  ratio: number
  storedBytesPerNote: number
  /** The SQLite file (+WAL) after shutdown, per note; includes indexes, the boards row and free pages. */
  fileBytesPerNote: number
}

export interface ColdLoadResult {
  notes: number
  serverStartMs: number
  coldSyncMs: number
  warmSyncMs: number
  notesSynced: number
}

const syncTimeoutMs = 60_000

async function timeSync(
  server: OurServer,
  boardId: string,
  token: string,
): Promise<{ ms: number; doc: Y.Doc }> {
  const doc = new Y.Doc()
  const started = performance.now()
  const provider = connectOurProvider(server.port, boardId, token, doc)
  try {
    if (!(await whenSynced(provider, syncTimeoutMs))) throw new Error(`no sync within ${syncTimeoutMs} ms`)
    return { ms: Math.round(performance.now() - started), doc }
  } finally {
    provider.destroy()
  }
}

export async function measureStorageAndColdLoad(
  notes: number,
): Promise<{ storage: StorageResult; coldLoad: ColdLoadResult }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jb-bench-storage-'))
  let server: OurServer | undefined
  try {
    server = await startOurServer({ dataDir })
    const seeded = await seedBoard(server, notes)
    await server.stop()
    server = undefined
    const stored = readStoredBytes(dataDir, seeded.id)

    const restarted = performance.now()
    server = await startOurServer({ dataDir })
    const serverStartMs = Math.round(performance.now() - restarted)
    const cold = await timeSync(server, seeded.id, seeded.editToken)
    const warm = await timeSync(server, seeded.id, seeded.editToken)
    const encodedStateBytes = Y.encodeStateAsUpdate(cold.doc).byteLength
    const notesSynced = readBoardSummary(cold.doc).noteCount
    cold.doc.destroy()
    warm.doc.destroy()
    await server.stop()
    server = undefined
    const fileBytes = databaseFileBytes(dataDir)
    return {
      storage: {
        notes,
        rowsAfterCompaction: stored.rows,
        storedBytes: stored.updateBytes,
        encodedStateBytes,
        ratio: Number((stored.updateBytes / encodedStateBytes).toFixed(3)),
        storedBytesPerNote: Math.round(stored.updateBytes / notes),
        fileBytesPerNote: Math.round(fileBytes / notes),
      },
      coldLoad: { notes, serverStartMs, coldSyncMs: cold.ms, warmSyncMs: warm.ms, notesSynced },
    }
  } finally {
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
