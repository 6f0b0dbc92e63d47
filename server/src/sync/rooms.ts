import { migrateBoard } from '../../../shared/src/board/migrations'
import { type CloseCode, closeCodes } from '../closeCodes'
import type { Logger } from '../log'
import type { RoomDeps } from './room'
import { Room } from './room'

/**
 * The rooms of one server: boardId → Room. A room is created on the first join and loaded completely
 * (stored updates applied, then `migrateBoard`) before any joining socket gets a message, so no client
 * ever syncs against a half-loaded board.
 *
 * The store is async, so a board can be loading or unloading while sockets join. The map therefore holds
 * the room's *promise*: every join of a loading board awaits the same load (one load per board), and a
 * failed load is removed from the map so the next join tries again. An unloading board (flush, summary,
 * compact, close) is kept in a second map until that finishes; a join meanwhile waits for it and then
 * loads the board afresh, so there are never two live docs for one board and nothing written by the
 * unload is missed.
 *
 * At most config.maxLoadedBoards rooms are held: opening one more first unloads an idle room (no
 * sockets, oldest loaded first); if every room is in use the join is refused with 1013.
 */
export type OpenRoomResult = { ok: true; room: Room } | { ok: false; code: CloseCode; reason: string }

interface Entry {
  ready: Promise<Room>
  /** Set once loaded, so onClosed can tell whether the map still points at this room. */
  room?: Room
}

export class Rooms {
  private readonly rooms = new Map<string, Entry>()
  private readonly unloads = new Map<string, Promise<void>>()
  private closing = false

  constructor(private readonly deps: Omit<RoomDeps, 'onClosed' | 'onIdle'>) {}

  /** The loaded room for a board that exists in the store; waits for a load or unload in progress. */
  async open(boardId: string): Promise<OpenRoomResult> {
    for (;;) {
      if (this.closing) return { ok: false, code: closeCodes.goingAway, reason: 'server shutting down' }
      const unloading = this.unloads.get(boardId)
      if (unloading) {
        await unloading
        continue
      }
      let entry = this.rooms.get(boardId)
      if (!entry) {
        if (!this.freeSlot()) {
          const reason = `${this.rooms.size} boards are open (the limit); try again later`
          this.deps.log.warn(
            { boardId, loadedBoards: this.rooms.size },
            'join refused: too many boards loaded',
          )
          return { ok: false, code: closeCodes.tryAgainLater, reason }
        }
        entry = this.load(boardId)
        this.rooms.set(boardId, entry)
      }
      try {
        const room = await entry.ready
        // Closed (failed write) or unloading since it loaded: look again, which waits or reloads.
        if (room.isOpen) return { ok: true, room }
      } catch {
        return { ok: false, code: closeCodes.internalError, reason: 'board could not be loaded' }
      }
    }
  }

  get size(): number {
    return this.rooms.size
  }

  /** Whether a join of `boardId` can get a room now without unloading anything in use. */
  canOpen(boardId: string): boolean {
    return this.rooms.has(boardId) || this.rooms.size < this.deps.config.maxLoadedBoards || !!this.idleRoom()
  }

  /** Makes room for one more board if needed, by unloading an idle one; false if all are in use. */
  private freeSlot(): boolean {
    if (this.rooms.size < this.deps.config.maxLoadedBoards) return true
    const idle = this.idleRoom()
    if (!idle) return false
    void this.unload(idle, 'unloaded to make room for another board')
    return true
  }

  private idleRoom(): Room | undefined {
    for (const entry of this.rooms.values()) {
      const room = entry.room
      if (room?.isOpen && room.connections.size === 0) return room
    }
    return undefined
  }

  /** Shutdown: refuse new joins, write everything in one batch, then unload every room (1001). */
  async unloadAll(reason: string): Promise<void> {
    this.closing = true
    await this.deps.queue.flush()
    const rooms = await Promise.all([...this.rooms.values()].map((e) => e.ready.catch(() => undefined)))
    await Promise.all([...rooms.map((room) => room && this.unload(room, reason)), ...this.unloads.values()])
  }

  private load(boardId: string): Entry {
    const log = this.deps.log.child({ boardId })
    const entry = {} as Entry
    // entry.room is set before any joiner's `await entry.ready` resumes.
    entry.ready = this.loadRoom(boardId, log).then((room) => {
      entry.room = room
      return room
    })
    entry.ready.catch((error: unknown) => {
      log.error({ err: error }, 'loading the board failed')
      // Never cache a failed load: the next join tries again.
      if (this.rooms.get(boardId) === entry) this.rooms.delete(boardId)
    })
    return entry
  }

  private async loadRoom(boardId: string, log: Logger): Promise<Room> {
    const stored = await this.deps.store.loadUpdates(boardId)
    const room = new Room(boardId, stored, {
      ...this.deps,
      onClosed: (closed) => {
        if (this.rooms.get(boardId)?.room === closed) this.rooms.delete(boardId)
      },
      onIdle: (idle) => void this.unload(idle, 'board unloaded'),
    })
    const migration = migrateBoard(room.doc)
    if (migration.ok) {
      if (migration.from !== migration.to)
        log.info({ from: migration.from, to: migration.to }, 'board migrated')
    } else if (migration.reason === 'newer-than-this-build') {
      // The server does not interpret the document, so a newer one is still served as is.
      log.warn({ message: migration.message }, 'board is newer than this build')
    } else {
      // A failed step may have left a partial change in memory; drop it unsaved rather than serve it.
      room.close(closeCodes.internalError, 'board could not be migrated')
      throw new Error(`migrating board ${boardId} failed: ${migration.message}`)
    }
    // Joiners add themselves in the microtasks that follow; if they all left meanwhile, it unloads.
    room.armIdleTimer()
    log.info('room loaded')
    return room
  }

  /** Takes the room out of the map for the whole unload, so a join meanwhile waits for it. */
  private unload(room: Room, reason: string): Promise<void> {
    const { boardId } = room
    const existing = this.unloads.get(boardId)
    if (existing) return existing
    if (this.rooms.get(boardId)?.room === room) this.rooms.delete(boardId)
    const done: Promise<void> = room.unload(reason).finally(() => {
      if (this.unloads.get(boardId) === done) this.unloads.delete(boardId)
    })
    this.unloads.set(boardId, done)
    return done
  }
}
