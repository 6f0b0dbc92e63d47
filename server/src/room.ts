import { Awareness, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { readBoardSummary } from '../../shared/src/board/schema'
import { closeCodes } from './closeCodes'
import type { ServerConfig } from './config'
import { type Connection, closeConnection, isConnection, type TransactionOrigin } from './connection'
import type { Logger } from './log'
import type { PersistQueue, PersistTarget } from './persistQueue'
import { encodeAwarenessMessage, encodeSyncStep1, encodeUpdateMessage, send } from './protocol'
import type { BoardStore, StoredUpdate } from './storage/BoardStore'

/**
 * A room is one board in memory: its Y.Doc, its Awareness and its connections (y-websocket-server's
 * WSSharedDoc, with storage and roles added). The doc is loaded from the store before any socket joins.
 * Every doc update that is not from 'load' goes through the PersistQueue and is relayed only after it is
 * stored. Awareness (presence) is never stored and is relayed at once.
 */
export interface RoomDeps {
  store: BoardStore
  queue: PersistQueue
  config: ServerConfig
  log: Logger
  now: () => number
  /** Called once when the room is gone from memory (unloaded, failed or shut down). */
  onClosed: (room: Room) => void
}

export class Room implements PersistTarget {
  readonly doc = new Y.Doc()
  readonly awareness = new Awareness(this.doc)
  readonly connections = new Set<Connection>()
  private closed = false
  private idleTimer: NodeJS.Timeout | undefined
  private summaryTimer: NodeJS.Timeout | undefined
  /** Rows the store holds for this board; compaction runs when it passes config.compactEveryUpdates. */
  private storedRows: number
  private lastSeq: number | undefined
  /** Epoch ms of the last client edit that reached the disk and is not yet in the boards row. */
  private unsummarisedEditAt: number | undefined

  constructor(
    readonly boardId: string,
    stored: StoredUpdate[],
    private readonly deps: RoomDeps,
  ) {
    this.storedRows = stored.length
    this.lastSeq = stored.at(-1)?.seq
    const load: TransactionOrigin = 'load'
    this.doc.transact(() => {
      for (const row of stored) Y.applyUpdate(this.doc, row.update, load)
    }, load)
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  get isClosed(): boolean {
    return this.closed
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
    if (!this.connections.delete(conn) || this.closed) return
    if (conn.awarenessIds.size > 0) removeAwarenessStates(this.awareness, [...conn.awarenessIds], conn)
    if (this.connections.size === 0) {
      this.idleTimer = setTimeout(() => this.unload(), this.deps.config.idleUnloadMs)
    }
  }

  /**
   * Applies a client's update. Returns false if Yjs cannot decode it (the caller closes the socket).
   * If Yjs throws halfway through applying, the doc may hold a partial, unstored change, so the room is
   * dropped and reloaded from disk on the next join.
   */
  applyClientUpdate(update: Uint8Array, conn: Connection): boolean {
    try {
      Y.decodeUpdate(update)
    } catch {
      return false
    }
    try {
      Y.applyUpdate(this.doc, update, conn)
      return true
    } catch (error) {
      this.deps.log.error({ err: error, boardId: this.boardId, connId: conn.id }, 'applying an update failed')
      closeConnection(conn, closeCodes.invalidUpdate, 'Yjs could not apply the update')
      this.close(closeCodes.internalError, 'board reloading after a bad update')
      return false
    }
  }

  /** Runs after everything queued so far is on disk (see PersistQueue). */
  afterPersist(action: () => void): void {
    this.deps.queue.afterNextWrite(this, action)
  }

  broadcast(message: Uint8Array, except?: Connection): void {
    for (const conn of this.connections) if (conn !== except) send(conn, message)
  }

  persisted(lastSeq: number | undefined, appendedRows: number): void {
    if (lastSeq === undefined || this.closed) return
    this.lastSeq = lastSeq
    this.storedRows += appendedRows
    if (this.storedRows > this.deps.config.compactEveryUpdates) this.compact()
  }

  persistFailed(error: unknown): void {
    this.deps.log.error({ err: error, boardId: this.boardId }, 'storing edits failed; dropping the room')
    this.close(closeCodes.internalError, 'could not store edits; reconnect to resync')
  }

  /** Flushes, records the summary, compacts and forgets the room (idle unload and shutdown). */
  unload(reason = 'board unloaded'): void {
    if (this.closed) return
    this.deps.queue.flush()
    if (this.closed) return // the flush failed and already dropped the room
    this.writeSummary()
    if (this.storedRows > 1) this.compact()
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
    this.deps.queue.addUpdate(this, update, () => {
      if (from) this.noteEdit()
      this.broadcast(encodeUpdateMessage(update), from)
    })
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const from = isConnection(origin) ? origin : undefined
    if (from) {
      for (const id of [...change.added, ...change.updated]) from.awarenessIds.add(id)
      for (const id of change.removed) from.awarenessIds.delete(id)
    }
    const changed = [...change.added, ...change.updated, ...change.removed]
    this.broadcast(encodeAwarenessMessage(this.awareness, changed), from)
  }

  /** A client edit reached the disk: the boards row is refreshed at most once per summaryDebounceMs. */
  private noteEdit(): void {
    this.unsummarisedEditAt = this.deps.now()
    this.summaryTimer ??= setTimeout(() => {
      this.summaryTimer = undefined
      this.writeSummary()
    }, this.deps.config.summaryDebounceMs)
  }

  private writeSummary(): void {
    if (this.unsummarisedEditAt === undefined || this.closed) return
    try {
      const { title, noteCount } = readBoardSummary(this.doc)
      this.deps.store.updateSummary(this.boardId, { title, noteCount, updatedAt: this.unsummarisedEditAt })
      this.unsummarisedEditAt = undefined
    } catch (error) {
      // The summary is a convenience copy; the edits themselves are already stored.
      this.deps.log.error({ err: error, boardId: this.boardId }, 'updating the board summary failed')
    }
  }

  /** Called only right after a successful write, when the doc holds exactly what is stored. */
  private compact(): void {
    if (this.lastSeq === undefined) return
    try {
      this.deps.store.compact(this.boardId, Y.encodeStateAsUpdate(this.doc), this.lastSeq)
      this.storedRows = 1
    } catch (error) {
      // Not fatal: the uncompacted rows still hold everything.
      this.deps.log.error({ err: error, boardId: this.boardId }, 'compaction failed')
    }
  }
}
