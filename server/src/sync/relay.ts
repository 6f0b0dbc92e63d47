import * as Y from 'yjs'
import type { Connection } from './connection'
import { encodeUpdateMessage } from './messages'
import { sendToAll } from './send'

// Where a document's updates go once they are stored, and its presence at once: to the other sockets on
// the document. The room only says what to relay and when; a Relay decides who gets it. LocalRelay is
// this instance's sockets. Relaying between instances (issue 18) is another Relay wrapped around a
// LocalRelay: it publishes what it is given to the other instances holding the document (after the
// store made it durable, which is when the room calls it), and applies what they publish to the room's
// doc with an origin of its own, which the room stores nowhere and relays locally.

export interface Relay {
  /**
   * A stored update, written in the same batch as others (persistQueue.ts): relayed together with them,
   * once the batch's relays have all been handed over.
   */
  storedInBatch(update: Uint8Array, from: Connection | undefined): void
  /** A stored update relayed at once (stored inside its message handler; nothing else is waiting). */
  storedNow(update: Uint8Array, from: Connection | undefined): void
  /** A presence change, never stored: relayed at once. */
  awareness(message: Uint8Array, from: Connection | undefined): void
  /** The room closed: what is waiting is dropped. */
  close(): void
}

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
