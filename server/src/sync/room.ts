import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { readBoardSummary } from '../../../shared/src/board/schema'
import { closeCodes } from '../closeCodes'
import type { ServerConfig } from '../config'
import { DocSizeGuard } from '../limits/docSize'
import { dropPending, pendingBytes } from '../limits/pendingUpdates'
import type { Logger } from '../log'
import { reject } from '../metrics'
import type { BoardStore, StoredUpdate } from '../storage/BoardStore'
import { describeStoreFailure } from '../storage/storeFailure'
import {
  type AwarenessEntry,
  encodeAwarenessEntries,
  filterAwareness,
  releaseAwarenessIds,
} from './awarenessPolicy'
import { type Connection, closeConnection, isConnection, type TransactionOrigin } from './connection'
import { probeLiveness } from './livenessProbe'
import type { CaptureAfterWrite, PersistQueue, PersistTarget } from './persistQueue'
import { encodeAwarenessMessage, encodeSyncStep1, encodeUpdateMessage, send, sendToAll } from './protocol'
import { encodeStateInChunks } from './stateChunks'
import { captureSyncReply } from './syncReply'

/**
 * A room is one board in memory: its Y.Doc, its Awareness and its connections (y-websocket-server's
 * WSSharedDoc, with storage and roles added). The doc is loaded from the store before any socket joins
 * (see rooms.ts). Every doc update that is not from 'load' is stored before it is relayed: in its message
 * handler when the store commits synchronously (SQLite) and the server is not busy, otherwise through
 * the PersistQueue, relayed once the store resolved the batch's write. Awareness (presence) is never
 * stored and is relayed at once.
 *
 * Anything computed from the doc for the store or for a client (sync step 2, the compaction snapshot) is
 * captured when a batch is cut, not after the write, because with an async store later edits may already
 * be applied to the doc while a write is in flight (see persistQueue.ts).
 *
 * The room also keeps the stored rows themselves (`rows`, the same bytes as in the store, in order),
 * so that a large board can be sent to joining clients a bounded piece at a time (syncReply.ts);
 * compaction writes the state as pieces of at most syncChunkBytes (stateChunks.ts). They cost about
 * the encoded size of the board once per loaded board, shared by every client.
 *
 * Limits that belong to the board live here too: its encoded size (maxDocBytes), the updates parked
 * waiting for missing dependencies (maxPendingBytes, never stored or sent), and who owns which
 * awareness clientID (awarenessPolicy.ts).
 */
export type ApplyResult = 'applied' | 'undecodable' | 'doc-too-large' | 'pending-overflow' | 'room-closed'

export interface RoomDeps {
  store: BoardStore
  queue: PersistQueue
  config: ServerConfig
  log: Logger
  now: () => number
  /** Called once when the room is gone from memory (unloaded, failed or shut down). */
  onClosed: (room: Room) => void
  /** Called when the room has had no connection for config.idleUnloadMs; Rooms then unloads it. */
  onIdle: (room: Room) => void
}

export class Room implements PersistTarget {
  readonly doc = new Y.Doc()
  readonly awareness = new Awareness(this.doc)
  readonly connections = new Set<Connection>()
  /** Awareness clientID → the socket that announced it first; only that socket may change it. */
  private readonly awarenessOwners = new Map<number, Connection>()
  /** Written updates waiting to be relayed together (relay()). */
  private outbox: Relay[] = []
  private readonly size: DocSizeGuard
  private closed = false
  /** Set while unload() runs: the room takes no more joins or messages. */
  private unloading: Promise<void> | undefined
  /** The compaction being written, awaited by unload so it never overlaps the final one. */
  private compacting: Promise<void> | undefined
  private idleTimer: NodeJS.Timeout | undefined
  private summaryTimer: NodeJS.Timeout | undefined
  /**
   * The board's rows as stored (and, between a batch's cut and its write, the rows that batch stores),
   * oldest first. Replaced, never mutated in place, by compaction; captured replies hold a copy.
   */
  private rows: Uint8Array[]
  /** Rows appended as edits since the last compaction; compaction runs when it passes compactEveryUpdates. */
  private appendedRows: number
  private lastSeq: number | undefined
  /** Epoch ms of the last client edit that reached the disk and is not yet in the boards row. */
  private unsummarisedEditAt: number | undefined

  constructor(
    readonly boardId: string,
    stored: StoredUpdate[],
    private readonly deps: RoomDeps,
  ) {
    this.rows = stored.map((row) => row.update)
    this.appendedRows = stored.filter((row) => !row.compacted).length
    this.lastSeq = stored.at(-1)?.seq
    const load: TransactionOrigin = 'load'
    this.doc.transact(() => {
      for (const row of stored) Y.applyUpdate(this.doc, row.update, load)
    }, load)
    const storedBytes = stored.reduce((sum, row) => sum + row.update.byteLength, 0)
    this.size = new DocSizeGuard(this.doc, deps.config.maxDocBytes, storedBytes)
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** Open for joins and messages: neither closed nor unloading. */
  get isOpen(): boolean {
    return !this.closed && this.unloading === undefined
  }

  /** Starts the idle countdown; a join cancels it. Rooms calls this right after loading, too. */
  armIdleTimer(): void {
    clearTimeout(this.idleTimer)
    if (!this.isOpen || this.connections.size > 0) return
    this.idleTimer = setTimeout(() => this.deps.onIdle(this), this.deps.config.idleUnloadMs)
  }

  addConnection(conn: Connection): void {
    clearTimeout(this.idleTimer)
    this.connections.add(conn)
    // Sync step 1 asks the client for what the server lacks; a viewer may not write, so it is not asked.
    if (conn.role === 'edit') send(conn, encodeSyncStep1(this.doc))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) send(conn, encodeAwarenessMessage(this.awareness, states))
  }

  removeConnection(conn: Connection): void {
    conn.awarenessThrottle.dispose()
    if (!this.connections.delete(conn) || this.closed) return
    releaseAwarenessIds(conn, conn.awarenessIds, this.awarenessOwners)
    if (conn.awarenessIds.size > 0) removeAwarenessStates(this.awareness, [...conn.awarenessIds], conn)
    if (this.connections.size === 0) this.armIdleTimer()
  }

  /**
   * Applies a client's update unless Yjs cannot decode it or it would take the board past maxDocBytes
   * (the caller closes the socket; nothing is applied or stored). If Yjs throws halfway through
   * applying, the doc may hold a partial, unstored change, so the room is dropped and reloaded from
   * disk on the next join. Pending data past maxPendingBytes is dropped after the apply.
   */
  applyClientUpdate(update: Uint8Array, conn: Connection): ApplyResult {
    try {
      Y.decodeUpdate(update)
    } catch {
      return 'undecodable'
    }
    if (!this.size.admits(update.byteLength)) return 'doc-too-large'
    try {
      Y.applyUpdate(this.doc, update, conn)
    } catch (error) {
      this.deps.log.error({ err: error, boardId: this.boardId, connId: conn.id }, 'applying an update failed')
      closeConnection(conn, closeCodes.invalidUpdate, 'Yjs could not apply the update')
      this.close(closeCodes.internalError, 'board reloading after a bad update')
      return 'room-closed'
    }
    this.size.applied(update.byteLength)
    const pending = pendingBytes(this.doc)
    if (pending > this.deps.config.maxPendingBytes) {
      conn.log.warn({ pendingBytes: pending }, 'dropping updates with missing dependencies')
      dropPending(this.doc)
      return 'pending-overflow'
    }
    return 'applied'
  }

  /** Applies the awareness entries `conn` may change (awarenessPolicy.ts); the rest are dropped and logged. */
  applyClientAwareness(entries: AwarenessEntry[], conn: Connection): void {
    if (!this.isOpen || conn.closing) return
    const { config } = this.deps
    const { kept, dropped } = filterAwareness(
      entries,
      conn,
      conn.awarenessIds,
      this.awarenessOwners,
      this.awareness,
      config,
      this.awareness.clientID,
    )
    if (dropped.length > 0) {
      for (const { reason, clientID } of dropped) {
        reject(conn.metrics, reason)
        const owner = reason === 'awareness-foreign-client' ? this.awarenessOwners.get(clientID) : undefined
        if (owner && owner !== conn) probeLiveness(owner, config.awarenessProbeTimeoutMs)
      }
      const reasons = [...new Set(dropped.map((d) => d.reason))]
      conn.log.warn({ dropped: dropped.length, kept: kept.length, reasons }, 'dropped awareness entries')
    }
    if (kept.length > 0) applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(kept), conn)
  }

  /** Answers a sync step 1 once the next batch is written, with what is stored then (syncReply.ts). */
  replyToSyncStep1(conn: Connection, stateVector: Uint8Array): void {
    this.afterPersist(() => {
      const deliver = captureSyncReply(this.doc, this.rows, stateVector, this.deps.config.syncChunkBytes)
      return () => deliver(conn)
    })
  }

  /** `capture` runs when the doc equals what the next write stores; its result runs after that write. */
  afterPersist(capture: CaptureAfterWrite): void {
    this.deps.queue.afterNextWrite(this, capture)
  }

  broadcast(message: Uint8Array, except?: Connection): void {
    sendToAll(this.connections, message, except)
  }

  persisted(lastSeq: number | undefined, appendedRows: number): void {
    if (lastSeq === undefined || this.closed) return
    // max: a compaction that overlapped this write may already have renumbered its rows higher.
    this.lastSeq = Math.max(this.lastSeq ?? 0, lastSeq)
    this.appendedRows += appendedRows
    if (this.appendedRows > this.deps.config.compactEveryUpdates && !this.compacting) {
      // Snapshot when the next batch is cut (doc == stored after it), compact once that batch is written.
      this.compacting = Promise.resolve() // reserved, so later batches don't queue a second one
      this.afterPersist(() => {
        const snapshot = this.snapshot()
        return () => {
          this.compacting = this.compact(snapshot).finally(() => {
            this.compacting = undefined
          })
        }
      })
    }
  }

  persistFailed(error: unknown): void {
    // Named (disk full, database corrupt, …) in the log and the close reason, so it says what to do.
    const failure = describeStoreFailure(error)
    this.deps.log.error(
      { err: error, boardId: this.boardId, storeFailure: failure.kind, action: failure.action },
      'storing edits failed; dropping the room',
    )
    this.close(closeCodes.internalError, `${failure.kind}: edits not stored; reconnect to resync`)
  }

  /**
   * Flushes, records the summary, compacts and forgets the room (idle unload and shutdown). From the first
   * line on the room takes no joins or messages (isOpen is false), so after the flush the doc equals the
   * store; Rooms keeps this promise in its map, so a join meanwhile waits and then loads afresh.
   */
  unload(reason = 'board unloaded'): Promise<void> {
    if (this.closed) return Promise.resolve()
    this.unloading ??= this.runUnload(reason)
    return this.unloading
  }

  private async runUnload(reason: string): Promise<void> {
    clearTimeout(this.idleTimer)
    try {
      await this.deps.queue.flush()
      if (this.closed) return // the flush failed and already dropped the room
      await this.compacting
      await this.writeSummary()
      if (this.needsCompaction() && !this.closed) await this.compact(this.snapshot())
    } catch (error) {
      this.deps.log.error({ err: error, boardId: this.boardId }, 'unloading the board failed')
    }
    this.close(closeCodes.goingAway, reason)
    this.deps.log.info({ boardId: this.boardId, reason }, 'room unloaded')
  }

  /** Drops the room without writing anything more: queued updates and relays are discarded. */
  close(code: typeof closeCodes.goingAway | typeof closeCodes.internalError, reason: string): void {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.idleTimer)
    clearTimeout(this.summaryTimer)
    this.deps.queue.discard(this)
    for (const conn of this.connections) closeConnection(conn, code, reason)
    this.connections.clear()
    this.awareness.destroy()
    this.doc.destroy()
    this.deps.onClosed(this)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === 'load') return
    const from = isConnection(origin) ? origin : undefined
    this.rows.push(update) // stored by the write below or the batch it joins; a failed write closes the room
    if (this.deps.queue.canStoreNow()) return this.storeAndRelayNow(update, from)
    this.deps.queue.addUpdate(this, update, () => {
      if (from) this.noteEdit()
      this.relay(update, from)
    })
  }

  /** Stores the update, then relays it, both right now (a synchronous store, not busy; persistQueue.ts). */
  private storeAndRelayNow(update: Uint8Array, from: Connection | undefined): void {
    let seq: number
    try {
      seq = this.deps.queue.storeNow(this, update)
    } catch (error) {
      // The doc now holds an edit the store lacks: the room closes, so nothing from it goes out.
      this.persistFailed(error)
      return
    }
    this.persisted(seq, 1)
    if (from) this.noteEdit()
    this.broadcast(encodeUpdateMessage(update), from)
  }

  /**
   * Relays of one written batch go out together, once its relays have all run (a microtask, before any
   * later batch): with 100 sockets on a board, each message costs 99 socket writes, so the updates of a
   * batch are merged into one message for everyone except their authors, who get the others' updates.
   * Batches grow with load (what arrives during one write forms the next), so this saves most when the
   * server is busiest. A socket's consecutive edits are never merged with each other: a new message starts
   * where an author repeats, so every client still sees each of a peer's edits as a transaction of its own
   * (an observer counting a key's intermediate values sees them all), as without merging.
   */
  private relay(update: Uint8Array, from: Connection | undefined): void {
    if (this.outbox.length === 0) queueMicrotask(this.flushRelays)
    this.outbox.push({ update, from })
  }

  private readonly flushRelays = () => {
    const relays = this.outbox
    this.outbox = []
    let start = 0
    let authors = new Set<Connection>()
    for (let i = 0; i < relays.length; i++) {
      const from = relays[i]!.from
      if (from && authors.has(from)) {
        this.relayMerged(relays.slice(start, i), authors)
        start = i
        authors = new Set()
      }
      if (from) authors.add(from)
    }
    this.relayMerged(relays.slice(start), authors)
  }

  /** `relays` hold at most one edit per author; `authors` are their sockets. */
  private relayMerged(relays: Relay[], authors: Set<Connection>): void {
    if (this.closed || relays.length === 0) return
    if (relays.length === 1) {
      this.broadcast(encodeUpdateMessage(relays[0]!.update), relays[0]!.from)
      return
    }
    const everyone = encodeUpdateMessage(merge(relays.map((r) => r.update)))
    sendToAll(this.connections, everyone, authors)
    for (const author of authors) {
      const others = relays.filter((r) => r.from !== author).map((r) => r.update)
      if (others.length > 0) sendToAll([author], encodeUpdateMessage(merge(others)))
    }
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    // Ownership (conn.awarenessIds) is kept by applyClientAwareness, not here.
    const from = isConnection(origin) ? origin : undefined
    const changed = [...change.added, ...change.updated, ...change.removed]
    this.broadcast(encodeAwarenessMessage(this.awareness, changed), from)
  }

  /** A client edit reached the disk: the boards row is refreshed at most once per summaryDebounceMs. */
  private noteEdit(): void {
    this.unsummarisedEditAt = this.deps.now()
    this.summaryTimer ??= setTimeout(() => {
      this.summaryTimer = undefined
      void this.writeSummary()
    }, this.deps.config.summaryDebounceMs)
  }

  /** Never rejects. */
  private async writeSummary(): Promise<void> {
    const editAt = this.unsummarisedEditAt
    if (editAt === undefined || this.closed) return
    try {
      const { title, noteCount } = readBoardSummary(this.doc)
      this.unsummarisedEditAt = undefined
      await this.deps.store.updateSummary(this.boardId, { title, noteCount, updatedAt: editAt })
    } catch (error) {
      this.unsummarisedEditAt ??= editAt // try again with the next edit or at unload
      // The summary is a convenience copy; the edits themselves are already stored.
      this.deps.log.error({ err: error, boardId: this.boardId }, 'updating the board summary failed')
    }
  }

  /**
   * The state in pieces of at most syncChunkBytes, with the rows and seq it replaces. Taken when the doc
   * equals the store up to this.lastSeq: when a batch is cut, or once unload flushed.
   */
  private snapshot(): Snapshot {
    const parts = encodeStateInChunks(this.doc, this.deps.config.syncChunkBytes)
    this.size.measured(parts.reduce((sum, part) => sum + part.byteLength, 0))
    return { parts, rowsReplaced: this.rows.length, appendedRows: this.appendedRows, upToSeq: this.lastSeq }
  }

  /** At unload: edits since the last compaction, or a row too big to send in one piece (an old compaction). */
  private needsCompaction(): boolean {
    const { syncChunkBytes } = this.deps.config
    return (
      (this.appendedRows > 0 && this.rows.length > 1) || this.rows.some((r) => r.byteLength > syncChunkBytes)
    )
  }

  /** Rows appended after the snapshot keep their order after its parts. Never rejects. */
  private async compact(snapshot: Snapshot): Promise<void> {
    const { parts, rowsReplaced, appendedRows, upToSeq } = snapshot
    if (upToSeq === undefined) return
    try {
      const lastSeq = await this.deps.store.compact(this.boardId, parts, upToSeq)
      this.lastSeq = Math.max(this.lastSeq ?? 0, lastSeq)
      this.rows = [...parts, ...this.rows.slice(rowsReplaced)]
      this.appendedRows -= appendedRows
    } catch (error) {
      // Not fatal: the uncompacted rows still hold everything.
      this.deps.log.error({ err: error, boardId: this.boardId }, 'compaction failed')
    }
  }
}

interface Snapshot {
  parts: Uint8Array[]
  /** How many leading rows of `rows` the parts replace (all of them, when it was taken). */
  rowsReplaced: number
  appendedRows: number
  upToSeq: number | undefined
}

/** Y.mergeUpdates re-encodes even a single update; relaying one needs no merge. */
const merge = (updates: Uint8Array[]) => (updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates))

interface Relay {
  update: Uint8Array
  from: Connection | undefined
}
