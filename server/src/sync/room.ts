import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { closeCodes } from '../closeCodes'
import type { ServerConfig } from '../config'
import { DocSizeGuard } from '../limits/docSize'
import { dropPending, pendingBytes } from '../limits/pendingUpdates'
import type { Logger } from '../log'
import { reject } from '../metrics'
import type { JudgeUpdate } from '../permissions/documentPolicies'
import type { BoardDocument } from '../permissions/documents'
import type { BoardStore, StoredUpdate } from '../storage/BoardStore'
import { describeStoreFailure } from '../storage/storeFailure'
import {
  type AwarenessEntry,
  encodeAwarenessEntries,
  filterAwareness,
  releaseAwarenessIds,
} from './awarenessPolicy'
import { BoardSummary } from './boardSummary'
import { type Connection, closeConnection, isConnection, type TransactionOrigin } from './connection'
import { probeLiveness } from './livenessProbe'
import { encodeAwarenessMessage, encodeSyncStep1 } from './messages'
import type { CaptureAfterWrite, PersistQueue, PersistTarget } from './persistQueue'
import type { ApplyResult, MessageTarget } from './protocol'
import { localRelays, type OpenRelay, type Relay, type RelayTarget } from './relay'
import { send } from './send'
import { UpdateLog } from './updateLog'

// A room is one document of a board in memory: its Y.Doc, its Awareness and its connections
// (y-websocket-server's WSSharedDoc, with storage and permissions added). The doc is loaded from the
// store before any socket joins (see rooms.ts). Every doc update that is not from 'load' is stored
// before it is relayed: in its message handler when the store commits synchronously (SQLite) and the
// server is not busy, otherwise through the PersistQueue, relayed once the store resolved the batch's
// write. Awareness (presence) is never stored and is relayed at once.
//
// The room decides what happens and when; the parts that do it are its own modules: the update log
// (rows, seqs, compaction, sync replies: updateLog.ts), the relay (who gets what, merging a batch's
// relays: relay.ts) and, for the content document, the board's summary row (boardSummary.ts). It talks
// to sockets only through Connection (a PeerSocket underneath), so it runs in a unit test without a
// network.
//
// Limits that belong to the document live here too: its encoded size (maxDocBytes), the updates parked
// waiting for missing dependencies (maxPendingBytes, never stored or sent), and who owns which
// awareness clientID (awarenessPolicy.ts). Who may write, and which updates, is decided by the
// connection's write grant (permissions/documentPolicies.ts), checked here before an update is applied.

/** Joins on a shared store read it again at most this often (Room.catchUpSoon). */
const joinCatchUpIntervalMs = 1_000

/** An unload's close code: 1001 for an idle board, 1012 when the whole instance drains. */
export type UnloadCode = typeof closeCodes.goingAway | typeof closeCodes.serviceRestart

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
  /** Opens each room's relay (relay.ts); local sockets only when absent. */
  relays?: OpenRelay
}

export class Room implements PersistTarget, MessageTarget, RelayTarget {
  readonly doc = new Y.Doc()
  readonly awareness = new Awareness(this.doc)
  readonly connections = new Set<Connection>()
  /** Awareness clientID → the socket that announced it first; only that socket may change it. */
  private readonly awarenessOwners = new Map<number, Connection>()
  private readonly log: Logger
  private readonly updates: UpdateLog
  private readonly relay: Relay
  /** The board's summary row: only the content document has one. */
  private readonly summary: BoardSummary | undefined
  private readonly size: DocSizeGuard
  private closed = false
  /** Set while unload() runs: the room takes no more joins or messages. */
  private unloading: Promise<void> | undefined
  private idleTimer: NodeJS.Timeout | undefined
  /** When this room last read the whole store (its load), for the catch-up on joins (catchUpSoon). */
  private lastCatchUpAt: number
  private catchUpTimer: NodeJS.Timeout | undefined
  private caughtUpSinceLoad = false

  constructor(
    readonly boardId: string,
    readonly document: BoardDocument,
    stored: StoredUpdate[],
    private readonly deps: RoomDeps,
  ) {
    const { config, store } = deps
    this.lastCatchUpAt = deps.now()
    this.log = deps.log.child({ boardId, document: document.name })
    const load: TransactionOrigin = 'load'
    this.doc.transact(() => {
      for (const row of stored) Y.applyUpdate(this.doc, row.update, load)
    }, load)
    this.updates = new UpdateLog(this.doc, stored, {
      store,
      boardId,
      document: document.name,
      config,
      log: this.log,
      afterNextWrite: (capture) => this.afterPersist(capture),
      measured: (bytes) => this.size.measured(bytes),
      sharedStore: () => this.relay.sharedStore,
    })
    this.size = new DocSizeGuard(this.doc, config.maxDocBytes, this.updates.loadedBytes)
    this.relay = (deps.relays ?? localRelays)(this)
    this.summary =
      document.kind === 'content'
        ? new BoardSummary(this.doc, {
            boardId,
            store,
            log: this.log,
            now: deps.now,
            summaryDebounceMs: config.summaryDebounceMs,
          })
        : undefined
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  get documentName(): string {
    return this.document.name
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
    if (this.relay.sharedStore) this.catchUpSoon()
    // Sync step 1 asks the client for what the server lacks; one that may not write is not asked.
    if (conn.write.allowed) send(conn, encodeSyncStep1(this.doc))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) send(conn, encodeAwarenessMessage(this.awareness, states))
  }

  /**
   * With other instances on the store, a join is a hint that one of them went away (its clients
   * reconnect here), possibly after storing an edit it never got to relay: read the store again, at most
   * once per joinCatchUpIntervalMs however many sockets arrive. The joins that come with the load are
   * skipped: the load (and the relay's start) just read the store.
   */
  private catchUpSoon(): void {
    if (this.catchUpTimer) return
    const wait = this.lastCatchUpAt + joinCatchUpIntervalMs - this.deps.now()
    if (!this.caughtUpSinceLoad && wait > 0) return
    this.caughtUpSinceLoad = true
    this.catchUpTimer = setTimeout(
      () => {
        this.catchUpTimer = undefined
        this.lastCatchUpAt = this.deps.now()
        void this.catchUp()
      },
      Math.max(0, wait),
    )
  }

  removeConnection(conn: Connection): void {
    conn.awarenessThrottle.dispose()
    if (!this.connections.delete(conn) || this.closed) return
    releaseAwarenessIds(conn, conn.awarenessIds, this.awarenessOwners)
    if (conn.awarenessIds.size > 0) removeAwarenessStates(this.awareness, [...conn.awarenessIds], conn)
    if (this.connections.size === 0) this.armIdleTimer()
  }

  /**
   * Applies a client's update unless Yjs cannot decode it, the connection's write policy refuses it, or
   * it would take the document past maxDocBytes (nothing is then applied or stored). If Yjs throws
   * halfway through applying, the doc may hold a partial, unstored change, so the room is dropped and
   * reloaded from disk on the next join. Pending data past maxPendingBytes is dropped after the apply.
   */
  applyClientUpdate(update: Uint8Array, conn: Connection): ApplyResult {
    let decoded: ReturnType<typeof Y.decodeUpdate>
    try {
      decoded = Y.decodeUpdate(update)
    } catch {
      return 'undecodable'
    }
    const judge = conn.write.allowed ? conn.write.judge : undefined
    if (judge) {
      const refusal = this.judge(judge, decoded, conn, update)
      if (refusal !== undefined) return { refused: refusal }
    }
    if (!this.size.admits(update.byteLength)) return 'doc-too-large'
    try {
      Y.applyUpdate(this.doc, update, conn)
    } catch (error) {
      this.log.error({ err: error, connId: conn.id }, 'applying an update failed')
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
      const deliver = this.updates.replyTo(stateVector)
      return () => deliver(conn)
    })
  }

  /** `capture` runs when the doc equals what the next write stores; its result runs after that write. */
  afterPersist(capture: CaptureAfterWrite): void {
    this.deps.queue.afterNextWrite(this, capture)
  }

  persisted(lastSeq: number | undefined, appendedRows: number): void {
    if (this.closed) return
    this.updates.stored(lastSeq, appendedRows)
  }

  persistFailed(error: unknown): void {
    // Named (disk full, database corrupt, …) in the log and the close reason, so it says what to do.
    const failure = describeStoreFailure(error)
    this.log.error(
      { err: error, storeFailure: failure.kind, action: failure.action },
      'storing edits failed; dropping the room',
    )
    this.close(closeCodes.internalError, `${failure.kind}: edits not stored; reconnect to resync`)
  }

  /**
   * Flushes, records the summary, compacts and forgets the room (idle unload and shutdown). From the first
   * line on the room takes no joins or messages (isOpen is false), so after the flush the doc equals the
   * store; Rooms keeps this promise in its map, so a join meanwhile waits and then loads afresh.
   */
  unload(reason = 'board unloaded', code: UnloadCode = closeCodes.goingAway): Promise<void> {
    if (this.closed) return Promise.resolve()
    this.unloading ??= this.runUnload(reason, code)
    return this.unloading
  }

  private async runUnload(reason: string, code: UnloadCode): Promise<void> {
    clearTimeout(this.idleTimer)
    try {
      await this.deps.queue.flush()
      if (this.closed) return // the flush failed and already dropped the room
      await this.updates.settled()
      await this.summary?.write()
      await this.updates.compactIfDue()
    } catch (error) {
      this.log.error({ err: error }, 'unloading the board failed')
    }
    this.close(code, reason)
    this.log.info({ reason }, 'room unloaded')
  }

  /** Drops the room without writing anything more: queued updates and relays are discarded. */
  close(code: UnloadCode | typeof closeCodes.internalError, reason: string): void {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.idleTimer)
    clearTimeout(this.catchUpTimer)
    this.summary?.close()
    this.updates.close()
    this.relay.close()
    this.deps.queue.discard(this)
    for (const conn of this.connections) closeConnection(conn, code, reason)
    this.connections.clear()
    this.awareness.destroy()
    this.doc.destroy()
    this.deps.onClosed(this)
  }

  /** A policy that throws is a bug; the update is refused rather than let through unjudged. */
  private judge(
    judge: JudgeUpdate,
    decoded: ReturnType<typeof Y.decodeUpdate>,
    conn: Connection,
    raw: Uint8Array,
  ): string | undefined {
    try {
      return judge(decoded, this.doc, raw)
    } catch (error) {
      this.log.error({ err: error, connId: conn.id }, 'the write policy failed to judge an update')
      return 'the server could not check this change'
    }
  }

  applyRemoteUpdate(update: Uint8Array): void {
    if (!this.isOpen) return
    const relay: TransactionOrigin = 'relay'
    try {
      Y.applyUpdate(this.doc, update, relay)
    } catch (error) {
      // Stored by another instance, so nothing is lost: the next load reads it from the store.
      this.log.error({ err: error }, 'applying a relayed update failed')
      this.close(closeCodes.internalError, 'board reloading after a bad relayed update')
    }
  }

  applyRemoteAwareness(update: Uint8Array): void {
    if (!this.isOpen) return
    try {
      applyAwarenessUpdate(this.awareness, update, 'relay')
    } catch (error) {
      this.log.warn({ err: error }, 'dropped a relayed awareness update')
    }
  }

  async catchUp(): Promise<number | undefined> {
    if (!this.isOpen) return undefined
    try {
      const rows = await this.deps.store.loadUpdates(this.boardId, this.document.name)
      if (!this.isOpen) return undefined
      const relay: TransactionOrigin = 'relay'
      // Rows this doc already holds change nothing; only what is new reaches local sockets.
      this.doc.transact(() => {
        for (const row of rows) Y.applyUpdate(this.doc, row.update, relay)
      }, relay)
      return rows.at(-1)?.seq
    } catch (error) {
      this.log.error({ err: error }, 'catching up from the store failed')
      return undefined
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === 'load') return
    if (origin === 'relay') {
      // Already stored by another instance: a row for sync replies, relayed to local sockets only.
      this.updates.storedElsewhere(update)
      this.relay.storedElsewhere(update)
      return
    }
    const from = isConnection(origin) ? origin : undefined
    this.updates.appended(update) // stored by the write below or the batch it joins; a failed write closes the room
    if (this.deps.queue.canStoreNow()) return this.storeAndRelayNow(update, from)
    this.deps.queue.addUpdate(this, update, () => {
      if (from) this.summary?.editStored()
      this.relay.storedInBatch(update, from)
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
    if (from) this.summary?.editStored()
    this.relay.storedNow(update, from)
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    // Ownership (conn.awarenessIds) is kept by applyClientAwareness, not here.
    const from = isConnection(origin) ? origin : undefined
    const changed = [...change.added, ...change.updated, ...change.removed]
    const message = encodeAwarenessMessage(this.awareness, changed)
    if (origin === 'relay') return this.relay.awarenessFromElsewhere(message)
    this.relay.awareness(message, from)
  }
}
