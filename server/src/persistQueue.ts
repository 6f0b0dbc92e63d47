import type { Logger } from './log'
import type { BoardStore } from './storage/BoardStore'

/**
 * PERSIST BEFORE BROADCAST. Every update a room applies is queued here together with the relay that
 * should follow it. Once per tick (setImmediate) the updates of ALL rooms are written in one transaction;
 * only when that write succeeds do the queued relays run. Replies that carry document state (sync step 2)
 * are queued as after-write actions too, so nothing a client receives can be newer than the disk.
 *
 * If the combined write fails, each room is retried in a transaction of its own, so one failing board
 * does not take the others down; a room whose own write fails is told via `persistFailed` and its relays
 * are dropped (never sent).
 */
export interface PersistTarget {
  readonly boardId: string
  /** The target's updates are on disk; `lastSeq` is undefined when it had no updates this round. */
  persisted(lastSeq: number | undefined, appendedRows: number): void
  persistFailed(error: unknown): void
}

interface Pending {
  updates: Uint8Array[]
  /** Relays and replies, in the order they were queued. */
  afterWrite: (() => void)[]
}

export class PersistQueue {
  private readonly pending = new Map<PersistTarget, Pending>()
  private scheduled: NodeJS.Immediate | undefined

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
  ) {}

  /** Queues an update for the next write; `relay` runs only after it is stored. */
  addUpdate(target: PersistTarget, update: Uint8Array, relay: () => void): void {
    const pending = this.pendingFor(target)
    pending.updates.push(update)
    pending.afterWrite.push(relay)
  }

  /** Runs `action` after the next write, e.g. a sync step 2 reply computed from the then-persisted doc. */
  afterNextWrite(target: PersistTarget, action: () => void): void {
    this.pendingFor(target).afterWrite.push(action)
  }

  /** Forgets everything queued for a target whose room is being discarded. */
  discard(target: PersistTarget): void {
    this.pending.delete(target)
  }

  /** Writes everything queued now; used by the tick, by unload and by shutdown. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled)
    this.scheduled = undefined
    if (this.pending.size === 0) return
    const entries = [...this.pending]
    this.pending.clear()

    const written = this.writeAll(entries) ?? entries.map(([target, p]) => this.writeOne(target, p))
    entries.forEach(([target, pending], i) => {
      const result = written[i]!
      if (result.ok) {
        target.persisted(result.lastSeq, pending.updates.length)
        for (const action of pending.afterWrite) this.runAction(target, action)
      } else {
        target.persistFailed(result.error)
      }
    })
  }

  private pendingFor(target: PersistTarget): Pending {
    let pending = this.pending.get(target)
    if (!pending) {
      pending = { updates: [], afterWrite: [] }
      this.pending.set(target, pending)
    }
    this.scheduled ??= setImmediate(() => this.flush())
    return pending
  }

  /** One transaction for every room; undefined if it failed, so the caller retries room by room. */
  private writeAll(entries: [PersistTarget, Pending][]): WriteResult[] | undefined {
    const batch = entries.flatMap(([t, p]) => p.updates.map((update) => ({ boardId: t.boardId, update })))
    if (batch.length === 0) return entries.map(() => ({ ok: true, lastSeq: undefined }))
    try {
      const seqs = this.store.appendUpdates(batch)
      let offset = 0
      return entries.map(([, p]) => {
        offset += p.updates.length
        return { ok: true, lastSeq: p.updates.length > 0 ? seqs[offset - 1] : undefined }
      })
    } catch (error) {
      if (entries.length === 1) return [{ ok: false, error }]
      this.log.warn({ err: error, boards: entries.length }, 'batched write failed; retrying board by board')
      return undefined
    }
  }

  private writeOne(target: PersistTarget, pending: Pending): WriteResult {
    if (pending.updates.length === 0) return { ok: true, lastSeq: undefined }
    try {
      const seqs = this.store.appendUpdates(
        pending.updates.map((update) => ({ boardId: target.boardId, update })),
      )
      return { ok: true, lastSeq: seqs.at(-1) }
    } catch (error) {
      return { ok: false, error }
    }
  }

  private runAction(target: PersistTarget, action: () => void): void {
    try {
      action()
    } catch (error) {
      // A relay that throws is a bug; it must not stop the other relays or the flush.
      this.log.error({ err: error, boardId: target.boardId }, 'after-write action failed')
    }
  }
}

type WriteResult = { ok: true; lastSeq: number | undefined } | { ok: false; error: unknown }
