import * as Y from 'yjs'
import { getPhase, getVote, serverOrigin } from '../../../shared/src/facilitation/schema'
import { type Ballot, readDots, readVote, tally } from '../../../shared/src/facilitation/vote'
import type { Logger } from '../log'
import { documentNamed } from '../permissions/documents'
import type { BoardStore } from '../storage/BoardStore'
import type { Room } from '../sync/room'
import type { Rooms } from '../sync/rooms'
import { type PrivateDoc, revealPhaseIfDue } from './phaseReveal'
import { samePlain, writeAsServer } from './serverWrite'

// The server's count of a board's dot vote (issue 16). Only the server reads every private document of
// a board, so it counts: how many people have voted, written into the facilitation document's
// `vote.voters` while the vote runs, and on reveal the per-note `results`. It tallies after a private
// document changes (debounced: a burst of dots is one tally) and at once when the vote itself changes
// (a reveal). The ballots come from the store (every private document of the board, listDocuments) or
// from the loaded room where this instance has one (it may hold an edit still in the write queue). The
// same stored ballots always give the same values, so two instances that both tally converge.
// The same runs reveal a private phase once the facilitator sets it 'revealed' (phaseReveal.ts).

export interface VoteTallyDeps {
  rooms: Rooms
  store: BoardStore
  log: Logger
  /** How long a private document's changes gather before a tally. */
  debounceMs: number
}

const facilitationDocument = documentNamed('facilitation')!

export class VoteTally {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private readonly running = new Map<string, Promise<void>>()
  private closed = false

  constructor(private readonly deps: VoteTallyDeps) {}

  /** Rooms' onLoaded: listens to each private document and to each facilitation document's vote. */
  watch(room: Room): void {
    const { boardId } = room
    if (room.document.kind === 'private') {
      room.doc.on('update', (_update: Uint8Array, origin: unknown) => {
        if (origin !== 'load') this.schedule(boardId, this.deps.debounceMs)
      })
    } else if (room.document.kind === 'facilitation') {
      const now = (_event: unknown, transaction: Y.Transaction) => {
        if (transaction.origin !== serverOrigin) this.schedule(boardId, 0)
      }
      getVote(room.doc).observe(now)
      getPhase(room.doc).observe(now)
    }
  }

  /** Resolves when every scheduled and running tally is done (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      await Promise.all([...this.running.values()])
      if (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  private schedule(boardId: string, delayMs: number): void {
    if (this.closed) return
    const pending = this.timers.get(boardId)
    if (pending && delayMs > 0) return
    clearTimeout(pending)
    const timer = setTimeout(() => {
      this.timers.delete(boardId)
      // One tally per board at a time; one that arrives meanwhile runs after it, with what is newer.
      const previous = this.running.get(boardId) ?? Promise.resolve()
      const next = previous.then(() => this.run(boardId))
      this.running.set(boardId, next)
      void next.finally(() => {
        if (this.running.get(boardId) === next) this.running.delete(boardId)
      })
    }, delayMs)
    timer.unref?.()
    this.timers.set(boardId, timer)
  }

  /** Counts the ballots of the current vote and writes what changed; never throws. */
  async run(boardId: string): Promise<void> {
    try {
      const opened = await this.deps.rooms.open(boardId, facilitationDocument)
      if (!opened.ok || this.closed) return
      const { room } = opened
      const docs = await this.privateDocs(boardId)
      try {
        this.countVote(room, docs)
        await revealPhaseIfDue({ rooms: this.deps.rooms, boardId, facilitation: room, docs })
      } finally {
        for (const doc of docs) doc.temporary?.destroy()
      }
    } catch (error) {
      this.deps.log.error({ err: error, boardId }, 'tallying the vote failed')
    }
  }

  private countVote(room: Room, docs: readonly PrivateDoc[]): void {
    const vote = readVote(room.doc)
    if (!vote) return
    const ballots: Ballot[] = docs.map(({ participantId, doc }) => ({
      participantId,
      dots: readDots(doc, vote.id),
    }))
    const counted = tally(ballots, vote.rules.anonymous)
    writeAsServer(room, (doc) => {
      const now = readVote(doc)
      if (!now || now.id !== vote.id) return // a new vote started meanwhile: its own tally follows
      const map = getVote(doc)
      if (map.get('voters') !== counted.voters) map.set('voters', counted.voters)
      if (now.state === 'revealed' && !samePlain(map.get('results'), counted.results))
        map.set('results', counted.results)
    })
  }

  /** Every private document of the board: the loaded room's doc, or one read from the store. */
  private async privateDocs(boardId: string): Promise<PrivateDoc[]> {
    const names = new Set(await (this.deps.store.listDocuments?.(boardId) ?? Promise.resolve([])))
    const docs: PrivateDoc[] = []
    for (const name of names) {
      const document = documentNamed(name)
      if (document?.kind !== 'private' || document.owner === undefined) continue
      const loaded = this.deps.rooms.loaded(boardId, name)
      if (loaded) {
        docs.push({ participantId: document.owner, document, doc: loaded.doc })
        continue
      }
      const temporary = new Y.Doc()
      for (const row of await this.deps.store.loadUpdates(boardId, name)) Y.applyUpdate(temporary, row.update)
      docs.push({ participantId: document.owner, document, doc: temporary, temporary })
    }
    return docs
  }
}
