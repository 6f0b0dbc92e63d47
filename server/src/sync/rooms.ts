import { migrateBoard } from '../../../shared/src/board/migrations'
import { type CloseCode, closeCodes } from '../closeCodes'
import type { Logger } from '../log'
import type { BoardDocument } from '../permissions/documents'
import type { RoomDeps, UnloadCode } from './room'
import { Room } from './room'

// The rooms of one server, one per loaded document: `<boardId>/<document>` → Room. A room is created on
// the first join and loaded completely (stored updates applied, then, for a board's content,
// `migrateBoard`) before any joining socket gets a message, so no client ever syncs against a
// half-loaded document. A document that was never written loads empty (every document but the content
// starts that way).
//
// The store is async, so a document can be loading or unloading while sockets join. The map therefore
// holds the room's *promise*: every join of a loading document awaits the same load (one load per
// document), and a failed load is removed from the map so the next join tries again. An unloading room
// (flush, summary, compact, close) is kept in a second map until that finishes; a join meanwhile waits
// for it and then loads the document afresh, so there are never two live docs for one document and
// nothing written by the unload is missed.
//
// At most config.maxLoadedBoards rooms are held (each loaded document counts): opening one more first
// unloads an idle room (no sockets, oldest loaded first); if every room is in use the join is refused
// with 1013.

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

  /** `onLoaded` sees each room once it is loaded, before any joiner (the facilitation tally listens). */
  constructor(
    private readonly deps: Omit<RoomDeps, 'onClosed' | 'onIdle'> & { onLoaded?: (room: Room) => void },
  ) {}

  /** The room of a document if it is loaded and open now; never loads one (a write policy's lookup). */
  loaded(boardId: string, documentName: string): Room | undefined {
    const room = this.rooms.get(roomKey(boardId, documentName))?.room
    return room?.isOpen ? room : undefined
  }

  /** The loaded room of a document of a board that exists in the store; waits for a load or unload in progress. */
  async open(boardId: string, document: BoardDocument): Promise<OpenRoomResult> {
    const key = roomKey(boardId, document.name)
    for (;;) {
      if (this.closing) return { ok: false, code: closeCodes.goingAway, reason: 'server shutting down' }
      const unloading = this.unloads.get(key)
      if (unloading) {
        await unloading
        continue
      }
      let entry = this.rooms.get(key)
      if (!entry) {
        if (!this.freeSlot()) {
          const reason = `${this.rooms.size} boards are open (the limit); try again later`
          this.deps.log.warn(
            { boardId, document: document.name, loadedBoards: this.rooms.size },
            'join refused: too many boards loaded',
          )
          return { ok: false, code: closeCodes.tryAgainLater, reason }
        }
        entry = this.load(boardId, document)
        this.rooms.set(key, entry)
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

  /** Whether a join of the document can get a room now without unloading anything in use. */
  canOpen(boardId: string, document: BoardDocument): boolean {
    return (
      this.rooms.has(roomKey(boardId, document.name)) ||
      this.rooms.size < this.deps.config.maxLoadedBoards ||
      !!this.idleRoom()
    )
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

  /** Shutdown: refuse new joins, write everything in one batch, then unload every room (1001 or `code`). */
  async unloadAll(reason: string, code: UnloadCode = closeCodes.goingAway): Promise<void> {
    this.closing = true
    await this.deps.queue.flush()
    const rooms = await Promise.all([...this.rooms.values()].map((e) => e.ready.catch(() => undefined)))
    await Promise.all([
      ...rooms.map((room) => room && this.unload(room, reason, code)),
      ...this.unloads.values(),
    ])
  }

  private load(boardId: string, document: BoardDocument): Entry {
    const key = roomKey(boardId, document.name)
    const log = this.deps.log.child({ boardId, document: document.name })
    const entry = {} as Entry
    // entry.room is set before any joiner's `await entry.ready` resumes.
    entry.ready = this.loadRoom(boardId, document, log).then((room) => {
      entry.room = room
      return room
    })
    entry.ready.catch((error: unknown) => {
      log.error({ err: error }, 'loading the board failed')
      // Never cache a failed load: the next join tries again.
      if (this.rooms.get(key) === entry) this.rooms.delete(key)
    })
    return entry
  }

  private async loadRoom(boardId: string, document: BoardDocument, log: Logger): Promise<Room> {
    const key = roomKey(boardId, document.name)
    const stored = await this.deps.store.loadUpdates(boardId, document.name)
    const room = new Room(boardId, document, stored, {
      ...this.deps,
      onClosed: (closed) => {
        if (this.rooms.get(key)?.room === closed) this.rooms.delete(key)
      },
      onIdle: (idle) => void this.unload(idle, 'board unloaded'),
    })
    if (document.kind === 'content') this.migrate(room, log)
    this.deps.onLoaded?.(room)
    // Joiners add themselves in the microtasks that follow; if they all left meanwhile, it unloads.
    room.armIdleTimer()
    log.info('room loaded')
    return room
  }

  /** The board's schema migrations, on its content document only (the others are not a board). */
  private migrate(room: Room, log: Logger): void {
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
      throw new Error(`migrating board ${room.boardId} failed: ${migration.message}`)
    }
  }

  /** Takes the room out of the map for the whole unload, so a join meanwhile waits for it. */
  private unload(room: Room, reason: string, code?: UnloadCode): Promise<void> {
    const key = roomKey(room.boardId, room.documentName)
    const existing = this.unloads.get(key)
    if (existing) return existing
    if (this.rooms.get(key)?.room === room) this.rooms.delete(key)
    const done: Promise<void> = room.unload(reason, code).finally(() => {
      if (this.unloads.get(key) === done) this.unloads.delete(key)
    })
    this.unloads.set(key, done)
    return done
  }
}

const roomKey = (boardId: string, document: string) => `${boardId}/${document}`
