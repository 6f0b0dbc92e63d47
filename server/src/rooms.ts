import { migrateBoard } from '../../shared/src/board/migrations'
import { closeCodes } from './closeCodes'
import type { RoomDeps } from './room'
import { Room } from './room'

/**
 * The rooms of one server: boardId → Room. A room is created on the first join and loaded completely
 * (stored updates applied, then `migrateBoard`) before the joining socket gets any message, so no client
 * ever syncs against a half-loaded board.
 *
 * Loading and unloading are synchronous because the BoardStore is (see BoardStore.ts): there is no
 * moment in which a room is "loading" or "unloading" while another socket could join, so the map holds
 * rooms, not promises. A join after an unload simply loads the board afresh.
 */
export type OpenRoomResult = { ok: true; room: Room } | { ok: false; reason: string }

export class Rooms {
  private readonly rooms = new Map<string, Room>()

  constructor(private readonly deps: Omit<RoomDeps, 'onClosed'>) {}

  /** The loaded room for a board that exists in the store. */
  open(boardId: string): OpenRoomResult {
    const existing = this.rooms.get(boardId)
    if (existing && !existing.isClosed) return { ok: true, room: existing }
    const log = this.deps.log.child({ boardId })
    let room: Room
    try {
      room = new Room(boardId, this.deps.store.loadUpdates(boardId), {
        ...this.deps,
        onClosed: (closed) => {
          if (this.rooms.get(boardId) === closed) this.rooms.delete(boardId)
        },
      })
    } catch (error) {
      log.error({ err: error }, 'loading the board failed')
      return { ok: false, reason: 'board could not be loaded' }
    }
    this.rooms.set(boardId, room)
    const migration = migrateBoard(room.doc)
    if (migration.ok) {
      if (migration.from !== migration.to)
        log.info({ from: migration.from, to: migration.to }, 'board migrated')
    } else if (migration.reason === 'newer-than-this-build') {
      // The server does not interpret the document, so a newer one is still served as is.
      log.warn({ message: migration.message }, 'board is newer than this build')
    } else {
      // A failed step may have left a partial change in memory; drop it unsaved rather than serve it.
      log.error({ message: migration.message }, 'migrating the board failed')
      room.close(closeCodes.internalError, 'board could not be migrated')
      return { ok: false, reason: 'board could not be migrated' }
    }
    log.info('room loaded')
    return { ok: true, room }
  }

  get size(): number {
    return this.rooms.size
  }

  /** Shutdown: flush everything, then unload every room, closing its sockets with 1001. */
  unloadAll(reason: string): void {
    this.deps.queue.flush()
    for (const room of [...this.rooms.values()]) room.unload(reason)
  }
}
