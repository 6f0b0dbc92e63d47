import * as Y from 'yjs'
import type { Connection } from './connection'
import { encodeUpdateMessage } from './messages'
import { sendToAll } from './send'

// Where a document's updates go once they are stored, and its presence at once: to the other sockets on
// the document and, when the server runs as one of several instances (REDIS_URL, relay/redisRelay.ts),
// to the instances holding the same document. The room only says what to relay and when; a Relay
// decides who gets it. LocalRelay is this instance's sockets, the default. An instance relay wraps a
// LocalRelay: it publishes what the room gives it (after the store made it durable, which is when the
// room calls it) and hands what the others published to the room (RelayTarget), which applies it with
// the origin 'relay': stored nowhere again, relayed to local sockets only (storedElsewhere).
//
// The room gets its relay from RoomDeps.relays (an OpenRelay), so the sync core never knows whether
// other instances exist.

export interface Relay {
  /**
   * Other instances append to this document in the same store. Compaction then folds in every stored row
   * it replaces (updateLog.ts), since this room's doc may not have received them yet.
   */
  readonly sharedStore: boolean
  /**
   * A stored update, written in the same batch as others (persistQueue.ts): relayed together with them,
   * once the batch's relays have all been handed over.
   */
  storedInBatch(update: Uint8Array, from: Connection | undefined): void
  /** A stored update relayed at once (stored inside its message handler; nothing else is waiting). */
  storedNow(update: Uint8Array, from: Connection | undefined): void
  /** A presence change of a local socket (or the room), never stored: relayed at once. */
  awareness(message: Uint8Array, from: Connection | undefined): void
  /** An update another instance stored, new to this room's doc: to local sockets only. */
  storedElsewhere(update: Uint8Array): void
  /** A presence change from another instance: to local sockets only. */
  awarenessFromElsewhere(message: Uint8Array): void
  /** The room closed: what is waiting is dropped, and the room gets nothing more. */
  close(): void
}

/** What an instance relay may do to the room it relays for. */
export interface RelayTarget {
  readonly boardId: string
  readonly documentName: string
  readonly connections: ReadonlySet<Connection>
  /** An update another instance has stored: applied to the doc (origin 'relay'), never stored again. */
  applyRemoteUpdate(update: Uint8Array): void
  /** An awareness update (the payload of an awareness message) from another instance. */
  applyRemoteAwareness(update: Uint8Array): void
  /**
   * The relay may have missed updates (it started after the room loaded, or Redis was unreachable):
   * applies every stored row to the doc, so what is new reaches local sockets. Resolves with the highest
   * seq loaded (undefined: none). Never rejects; a failed load is logged and resolves undefined.
   */
  catchUp(): Promise<number | undefined>
}

/** Creates the relay of one room; called once, in the room's constructor. */
export type OpenRelay = (target: RelayTarget) => Relay

/** One instance, no other: local sockets only (the default). */
export const localRelays: OpenRelay = (target) => new LocalRelay(target.connections)

interface Waiting {
  update: Uint8Array
  from: Connection | undefined
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
export class LocalRelay implements Relay {
  readonly sharedStore = false
  private outbox: Waiting[] = []
  private closed = false

  constructor(private readonly connections: ReadonlySet<Connection>) {}

  storedInBatch(update: Uint8Array, from: Connection | undefined): void {
    if (this.outbox.length === 0) queueMicrotask(this.flush)
    this.outbox.push({ update, from })
  }

  storedNow(update: Uint8Array, from: Connection | undefined): void {
    sendToAll(this.connections, encodeUpdateMessage(update), from)
  }

  awareness(message: Uint8Array, from: Connection | undefined): void {
    sendToAll(this.connections, message, from)
  }

  storedElsewhere(update: Uint8Array): void {
    if (!this.closed) sendToAll(this.connections, encodeUpdateMessage(update))
  }

  awarenessFromElsewhere(message: Uint8Array): void {
    if (!this.closed) sendToAll(this.connections, message)
  }

  close(): void {
    this.closed = true
    this.outbox = []
  }

  private readonly flush = () => {
    const waiting = this.outbox
    this.outbox = []
    let start = 0
    let authors = new Set<Connection>()
    for (let i = 0; i < waiting.length; i++) {
      const from = waiting[i]!.from
      if (from && authors.has(from)) {
        this.sendMerged(waiting.slice(start, i), authors)
        start = i
        authors = new Set()
      }
      if (from) authors.add(from)
    }
    this.sendMerged(waiting.slice(start), authors)
  }

  /** `waiting` holds at most one edit per author; `authors` are their sockets. */
  private sendMerged(waiting: Waiting[], authors: Set<Connection>): void {
    if (this.closed || waiting.length === 0) return
    if (waiting.length === 1) {
      sendToAll(this.connections, encodeUpdateMessage(waiting[0]!.update), waiting[0]!.from)
      return
    }
    const everyone = encodeUpdateMessage(merge(waiting.map((w) => w.update)))
    sendToAll(this.connections, everyone, authors)
    for (const author of authors) {
      const others = waiting.filter((w) => w.from !== author).map((w) => w.update)
      if (others.length > 0) sendToAll([author], encodeUpdateMessage(merge(others)))
    }
  }
}

/** Y.mergeUpdates re-encodes even a single update; relaying one needs no merge. */
const merge = (updates: Uint8Array[]) => (updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates))
