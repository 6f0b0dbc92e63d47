import type { Logger } from '../log'
import type { BoardStore } from '../storage/BoardStore'

/*
 * PERSIST BEFORE BROADCAST. Every update a room applies is queued here together with the relay that
 * should follow it. Once per tick (setImmediate) the queued updates of ALL rooms become one batch, written
 * with one `appendUpdates` call (one transaction); only when that promise resolves do the batch's relays
 * run, in the order they were queued.
 *
 * The store is async, so a write can take a while (a network round trip). Ordering is kept by three rules:
 * - One batch in flight at a time. Whatever arrives meanwhile is queued for the next batch, which starts
 *   only after the current one settled and its relays ran, so relays never overtake each other.
 * - A batch is cut only while nothing is in flight, so at that moment each room's doc holds exactly what
 *   will be stored once the batch commits. Replies that carry document state (sync step 2) and the state
 *   a compaction writes are therefore computed right then ("capture") and delivered after the write ("deliver"):
 *   nothing a client receives can be newer than the store, even while later edits are already applied.
 * - A room that is discarded (closed) while its batch is in flight gets no callbacks at all.
 *
 * If the combined write fails, each room is retried in a write of its own, so one failing board does not
 * take the others down; a room whose own write fails is told via `persistFailed` and its actions are
 * dropped (never sent).
 *
 * A store that commits synchronously (SQLite, memory) lets updates skip the queue while the server is
 * not busy (`canStoreNow`): each is stored inside its message handler and relayed right after. Past
 * about 1,000 updates a second they are queued as above, so a busy server pays one commit per turn,
 * not one per update. A store that answers later always goes through the queue.
 */

export interface PersistTarget {
  readonly boardId: string
  /** The board's document the target's updates belong to (BoardStore.ts). */
  readonly documentName: string
  /** The target's updates are stored; `lastSeq` is undefined when it had no updates this round. */
  persisted(lastSeq: number | undefined, appendedRows: number): void
  persistFailed(error: unknown): void
}

/** Called when the batch is cut (doc == what the batch stores); the function it returns runs after the write. */
export type CaptureAfterWrite = () => () => void

interface Pending {
  updates: Uint8Array[]
  /** Relays and replies, in the order they were queued. */
  captures: CaptureAfterWrite[]
}

interface Batch {
  entries: { target: PersistTarget; updates: Uint8Array[]; actions: (() => void)[] }[]
}

export class PersistQueue {
  private readonly synchronousStore: boolean
  private readonly maxStoredNowPerWindow: number
  /** Updates seen (stored now or queued) in the current rate window and in the one before it. */
  private windowStart = Number.NEGATIVE_INFINITY
  private windowUpdates = 0
  private previousWindowUpdates = 0
  private pending = new Map<PersistTarget, Pending>()
  /** Settles when the batch now being collected has been written (or failed) and its actions ran. */
  private pendingDone: Deferred | undefined
  private inFlight: Promise<void> | undefined
  private scheduled: NodeJS.Immediate | undefined
  private readonly discarded = new WeakSet<PersistTarget>()

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
    /** Told how long each appendUpdates call took (the persist latency metric). */
    private readonly observeWriteSeconds: (seconds: number) => void = () => {},
    /** Above this many updates a second, a synchronous store's updates are batched too (canStoreNow). */
    maxStoredNowPerSecond = 1000,
  ) {
    this.synchronousStore = store.appendUpdatesNow !== undefined
    this.maxStoredNowPerWindow = (maxStoredNowPerSecond * rateWindowMs) / 1000
  }

  /**
   * Called once per update, before storing it: whether it may be stored with storeNow and relayed at
   * once. Yes when the store commits synchronously, nothing is queued or being written (so relays stay
   * in order) and the server is not busy. At light load a queue turn between a message and its relay
   * cost more CPU than the reference's whole path, while a commit of its own (SQLite: ~18 µs alone,
   * ~76 µs inside the loaded server) is cheaper; past ~1,000 updates a second those commits add up,
   * and batches win (docs/performance.md).
   */
  canStoreNow(): boolean {
    if (!this.synchronousStore) return false
    const now = performance.now()
    if (now - this.windowStart >= rateWindowMs) {
      this.previousWindowUpdates = now - this.windowStart < 2 * rateWindowMs ? this.windowUpdates : 0
      this.windowUpdates = 0
      this.windowStart = now
    }
    this.windowUpdates++
    const busy = Math.max(this.windowUpdates, this.previousWindowUpdates) > this.maxStoredNowPerWindow
    return !busy && this.nothingQueued()
  }

  /** No batch collecting or being written: the doc equals the store, and a relay now keeps the order. */
  private nothingQueued(): boolean {
    return !this.pendingDone && !this.inFlight
  }

  /** Only after canStoreNow(): the update is stored when this returns (its seq); throws what the store threw. */
  storeNow(target: PersistTarget, update: Uint8Array): number {
    const started = performance.now()
    try {
      return this.store.appendUpdatesNow!([
        { boardId: target.boardId, document: target.documentName, update },
      ])[0]!
    } finally {
      this.observeWriteSeconds((performance.now() - started) / 1000)
    }
  }

  /** Queues an update for the next write; `relay` runs only after it is stored. */
  addUpdate(target: PersistTarget, update: Uint8Array, relay: () => void): void {
    const pending = this.pendingFor(target)
    pending.updates.push(update)
    pending.captures.push(() => relay)
  }

  /**
   * `capture` runs when the next batch is cut, when the target's doc holds exactly what that batch will
   * have stored (e.g. to encode a sync step 2 reply); what it returns runs after the write succeeded.
   */
  afterNextWrite(target: PersistTarget, capture: CaptureAfterWrite): void {
    // A synchronous store with nothing queued: no write to wait for.
    if (this.synchronousStore && this.nothingQueued()) {
      this.run(target, this.capture(target, capture))
      return
    }
    this.pendingFor(target).captures.push(capture)
  }

  /** Forgets everything queued for a target whose room is being discarded, including an in-flight write. */
  discard(target: PersistTarget): void {
    this.pending.delete(target)
    this.discarded.add(target)
  }

  /** Settles once everything queued before this call is written (or failed): unload and shutdown. */
  flush(): Promise<void> {
    if (!this.pendingDone) return this.inFlight ?? Promise.resolve()
    const done = this.pendingDone.promise
    if (!this.inFlight) this.startBatch()
    return done
  }

  private pendingFor(target: PersistTarget): Pending {
    let pending = this.pending.get(target)
    if (!pending) {
      pending = { updates: [], captures: [] }
      this.pending.set(target, pending)
    }
    this.pendingDone ??= deferred()
    this.schedule()
    return pending
  }

  private schedule(): void {
    if (this.inFlight || this.scheduled) return
    this.scheduled = setImmediate(() => {
      this.scheduled = undefined
      this.startBatch()
    })
  }

  /** Cuts the batch (running every capture now) and writes it; only ever called with nothing in flight. */
  private startBatch(): void {
    clearImmediate(this.scheduled)
    this.scheduled = undefined
    if (this.inFlight) return
    if (this.pending.size === 0) {
      // Everything queued was discarded; whoever flushed must not wait for a batch that never comes.
      this.pendingDone?.resolve()
      this.pendingDone = undefined
      return
    }
    const batch: Batch = {
      entries: [...this.pending].map(([target, p]) => ({
        target,
        updates: p.updates,
        actions: p.captures.map((capture) => this.capture(target, capture)),
      })),
    }
    const done = this.pendingDone!
    this.pending = new Map()
    this.pendingDone = undefined
    this.inFlight = this.write(batch).finally(() => {
      this.inFlight = undefined
      done.resolve()
      // What arrived while this batch was in flight becomes the next batch.
      if (this.pendingDone) this.schedule()
    })
  }

  /** Never rejects: every failure is reported to its target. */
  private async write(batch: Batch): Promise<void> {
    const results = (await this.writeAll(batch)) ?? (await this.writeEach(batch))
    batch.entries.forEach(({ target, updates, actions }, i) => {
      const result = results[i]!
      if (this.discarded.has(target)) return
      if (!result.ok) {
        target.persistFailed(result.error)
        return
      }
      this.run(target, () => target.persisted(result.lastSeq, updates.length))
      for (const action of actions) this.run(target, action)
    })
  }

  /** One transaction for every room; undefined if it failed, so the caller retries room by room. */
  private async writeAll(batch: Batch): Promise<WriteResult[] | undefined> {
    const rows = batch.entries.flatMap(({ target, updates }) =>
      updates.map((update) => ({ boardId: target.boardId, document: target.documentName, update })),
    )
    if (rows.length === 0) return batch.entries.map(() => ({ ok: true, lastSeq: undefined }))
    try {
      const seqs = await this.timed(() => this.store.appendUpdates(rows))
      let offset = 0
      return batch.entries.map(({ updates }) => {
        offset += updates.length
        return { ok: true, lastSeq: updates.length > 0 ? seqs[offset - 1] : undefined }
      })
    } catch (error) {
      if (batch.entries.length === 1) return [{ ok: false, error }]
      this.log.warn(
        { err: error, boards: batch.entries.length },
        'batched write failed; retrying board by board',
      )
      return undefined
    }
  }

  /** One write per room, one after the other, so the store still sees one append at a time. */
  private async writeEach(batch: Batch): Promise<WriteResult[]> {
    const results: WriteResult[] = []
    for (const { target, updates } of batch.entries) {
      if (updates.length === 0 || this.discarded.has(target)) {
        results.push({ ok: true, lastSeq: undefined })
        continue
      }
      try {
        const seqs = await this.timed(() =>
          this.store.appendUpdates(
            updates.map((update) => ({ boardId: target.boardId, document: target.documentName, update })),
          ),
        )
        results.push({ ok: true, lastSeq: seqs.at(-1) })
      } catch (error) {
        results.push({ ok: false, error })
      }
    }
    return results
  }

  /** Takes the write as a function: a synchronous store (SQLite) does its work before returning the promise. */
  private async timed<T>(write: () => Promise<T>): Promise<T> {
    const started = performance.now()
    try {
      return await write()
    } finally {
      this.observeWriteSeconds((performance.now() - started) / 1000)
    }
  }

  private capture(target: PersistTarget, capture: CaptureAfterWrite): () => void {
    try {
      return capture()
    } catch (error) {
      this.log.error(
        { err: error, boardId: target.boardId, document: target.documentName },
        'capturing an after-write action failed',
      )
      return () => {}
    }
  }

  private run(target: PersistTarget, action: () => void): void {
    try {
      action()
    } catch (error) {
      // A relay that throws is a bug; it must not stop the other relays or the queue.
      this.log.error(
        { err: error, boardId: target.boardId, document: target.documentName },
        'after-write action failed',
      )
    }
  }
}

/** How far back canStoreNow looks to tell a busy server (this window and the one before). */
const rateWindowMs = 100

type WriteResult = { ok: true; lastSeq: number | undefined } | { ok: false; error: unknown }

interface Deferred {
  promise: Promise<void>
  resolve: () => void
}

function deferred(): Deferred {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
