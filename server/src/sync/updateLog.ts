import * as Y from 'yjs'
import type { ServerConfig } from '../config'
import type { Logger } from '../log'
import type { BoardStore, StoredUpdate } from '../storage/BoardStore'
import type { CaptureAfterWrite } from './persistQueue'
import { encodeStateInChunks } from './stateChunks'
import { captureSyncReply, type DeliverReply } from './syncReply'

// One document's update log in memory: its stored rows (the same bytes as in the store, in order), the
// seq of the last one, and compaction. The rows let a large document be sent to joining clients a
// bounded piece at a time (syncReply.ts); compaction writes the state as pieces of at most
// syncChunkBytes (stateChunks.ts). They cost about the encoded size of the document once per loaded
// document, shared by every client.
//
// Anything computed from the doc for the store or for a client (a sync reply, a compaction's state) is
// captured when a batch is cut, not after the write, because with an async store later edits may
// already be applied to the doc while a write is in flight (see persistQueue.ts).
//
// With other instances appending to the same document (REDIS_URL), the doc at the cut may lack rows they
// stored below upToSeq that their relay has not delivered yet; deleting those rows would lose them. So
// such a compaction first loads the rows it is about to replace and folds them into its parts. Every row
// below upToSeq is committed by then (a store commits a document's seqs in order, BoardStore.ts), and
// the store's compact deletes only rows up to upToSeq, so nothing deleted is missing from the parts.

export interface UpdateLogDeps {
  store: BoardStore
  boardId: string
  document: string
  config: Pick<ServerConfig, 'syncChunkBytes' | 'compactEveryUpdates'>
  log: Logger
  /** `capture` runs when the doc equals what the next write stores; its result runs after that write. */
  afterNextWrite: (capture: CaptureAfterWrite) => void
  /** Told the encoded size of the whole state whenever compaction measures it (limits/docSize.ts). */
  measured: (bytes: number) => void
  /** Other instances append to this document too (relay.ts): compaction folds in what it replaces. */
  sharedStore: () => boolean
}

/** The state in pieces, with the rows and seq it replaces: what one compaction writes. */
interface PreparedCompaction {
  parts: Uint8Array[]
  /** How many leading rows the parts replace (all of them, when it was prepared). */
  rowsReplaced: number
  appendedRows: number
  upToSeq: number | undefined
}

export class UpdateLog {
  /**
   * The rows as stored (and, between a batch's cut and its write, the rows that batch stores), oldest
   * first. Replaced, never mutated in place, by compaction; captured replies hold a copy.
   */
  private rows: Uint8Array[]
  /** Rows appended as edits since the last compaction; compaction runs when it passes compactEveryUpdates. */
  private appendedRows: number
  private lastSeq: number | undefined
  /** The compaction being written, awaited by unload so it never overlaps the final one. */
  private compacting: Promise<void> | undefined
  private closed = false
  /** Bytes of the rows loaded, for the size guard's first estimate. */
  readonly loadedBytes: number

  constructor(
    private readonly doc: Y.Doc,
    stored: readonly StoredUpdate[],
    private readonly deps: UpdateLogDeps,
  ) {
    this.rows = stored.map((row) => row.update)
    this.appendedRows = stored.filter((row) => !row.compacted).length
    this.lastSeq = stored.at(-1)?.seq
    this.loadedBytes = this.rows.reduce((sum, row) => sum + row.byteLength, 0)
  }

  /** A doc update to be stored: a row from now on (its write follows, or a failed write closes the room). */
  appended(update: Uint8Array): void {
    this.rows.push(update)
  }

  /** An update another instance stored (relay.ts): a row for sync replies, not counted for compaction. */
  storedElsewhere(update: Uint8Array): void {
    if (!this.closed) this.rows.push(update)
  }

  /** A write stored `count` rows, the last with `lastSeq` (undefined: nothing of this document). */
  stored(lastSeq: number | undefined, count: number): void {
    if (lastSeq === undefined || this.closed) return
    // max: a compaction that overlapped this write may already have renumbered its rows higher.
    this.lastSeq = Math.max(this.lastSeq ?? 0, lastSeq)
    this.appendedRows += count
    if (this.appendedRows > this.deps.config.compactEveryUpdates && !this.compacting) {
      // Prepared when the next batch is cut (doc == stored after it), compacted once that batch is written.
      this.compacting = Promise.resolve() // reserved, so later batches don't queue a second one
      this.deps.afterNextWrite(() => {
        const prepared = this.prepareCompaction()
        return () => {
          this.compacting = this.compact(prepared).finally(() => {
            this.compacting = undefined
          })
        }
      })
    }
  }

  /** The answer to a sync step 1, from the rows stored now; call it when the doc equals the store. */
  replyTo(stateVector: Uint8Array): DeliverReply {
    return captureSyncReply(this.doc, this.rows, stateVector, this.deps.config.syncChunkBytes)
  }

  /** Settles once a compaction being written has been (unload waits for it). */
  async settled(): Promise<void> {
    await this.compacting
  }

  /**
   * At unload, once flushed (the doc equals the store): compacts if there were edits since the last
   * compaction, or a row is too big to send in one piece (an old compaction). Never rejects.
   */
  async compactIfDue(): Promise<void> {
    const { syncChunkBytes } = this.deps.config
    const due =
      (this.appendedRows > 0 && this.rows.length > 1) || this.rows.some((r) => r.byteLength > syncChunkBytes)
    if (due && !this.closed) await this.compact(this.prepareCompaction())
  }

  /** `parts` plus every stored row up to `upToSeq`, re-cut into pieces (a shared store's compaction). */
  private async foldInStored(parts: readonly Uint8Array[], upToSeq: number): Promise<Uint8Array[]> {
    const stored = await this.deps.store.loadUpdates(this.deps.boardId, this.deps.document)
    const merged = new Y.Doc()
    try {
      merged.transact(() => {
        for (const part of parts) Y.applyUpdate(merged, part)
        for (const row of stored) if (row.seq <= upToSeq) Y.applyUpdate(merged, row.update)
      })
      const folded = encodeStateInChunks(merged, this.deps.config.syncChunkBytes)
      this.deps.measured(folded.reduce((sum, part) => sum + part.byteLength, 0))
      return folded
    } finally {
      merged.destroy()
    }
  }

  /** The room closed: nothing more is compacted or counted. */
  close(): void {
    this.closed = true
  }

  /** Taken when the doc equals the store up to this.lastSeq: when a batch is cut, or once unload flushed. */
  private prepareCompaction(): PreparedCompaction {
    const parts = encodeStateInChunks(this.doc, this.deps.config.syncChunkBytes)
    this.deps.measured(parts.reduce((sum, part) => sum + part.byteLength, 0))
    return { parts, rowsReplaced: this.rows.length, appendedRows: this.appendedRows, upToSeq: this.lastSeq }
  }

  /** Rows appended after the preparation keep their order after its parts. Never rejects. */
  private async compact(prepared: PreparedCompaction): Promise<void> {
    const { parts, rowsReplaced, appendedRows, upToSeq } = prepared
    if (upToSeq === undefined) return
    const { store, boardId, document } = this.deps
    try {
      const written = this.deps.sharedStore() ? await this.foldInStored(parts, upToSeq) : parts
      if (this.closed) return
      const lastSeq = await store.compact(boardId, document, written, upToSeq)
      this.lastSeq = Math.max(this.lastSeq ?? 0, lastSeq)
      this.rows = [...written, ...this.rows.slice(rowsReplaced)]
      this.appendedRows -= appendedRows
    } catch (error) {
      // Not fatal: the uncompacted rows still hold everything.
      this.deps.log.error({ err: error }, 'compaction failed')
    }
  }
}
