/*
 * Everyone else on the board, read from Yjs awareness and validated (readPresence). Two kinds of
 * change travel at very different rates, so they are offered apart:
 *
 *   peers          who is here, their selection, what they edit, their view, whether their cursor
 *                  shows: changes a few times a minute; React components subscribe to it.
 *   cursors        positions, up to ~20 updates a second per person: read imperatively by the
 *                  cursor layer (cursorTarget + onCursorMove), never through React state,
 *                  so a moving pointer re-renders nothing.
 *
 * A cursor hides after `idleMs` without moving. Idleness is judged by when *we* last saw it move, not
 * by a timestamp the other client sends, so clock skew between machines cannot matter.
 *
 * Awareness changes are only noted as they arrive and applied together every PRESENCE_FLUSH_MS: with
 * 20 people that is ~100 messages a second. Applied once per animation frame they moved a cursor in
 * nearly every frame, and in Chromium every frame that changes anything costs a commit that hands each
 * of the stage's canvases to the compositor again (4–5 ms without a GPU): the page's main thread was
 * ~40 % busy with 18 moving cursors, and remote edits waited behind those frames. The cursors glide
 * between applications (a CSS transition longer than the interval), so the motion stays continuous.
 */
import type { Awareness } from 'y-protocols/awareness'
import type { NoteId } from '../../../shared/src/board/ids'
import type { Point, Rect } from '../../../shared/src/layout/geometry'
import type { ExternalStore } from '../doc/docStores'
import { type PresenceState, type PresenceUser, readPresence } from './awarenessState'
import { type Clock, systemClock } from './throttle'

export const CURSOR_IDLE_MS = 10_000

export interface Peer {
  /** The awareness client id: one per tab. */
  clientId: number
  user: PresenceUser
  selection: readonly NoteId[]
  editing: NoteId | null
  view: Rect | null
  /** The stage they present, while they lead a presentation. */
  presenting: PresenceState['presenting']
  /** Their pointer is on the canvas and has moved within the idle time. */
  cursorShown: boolean
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/** Runs `run` later, once; returns a cancel function. */
export type FlushScheduler = (run: () => void) => () => void

/** How long awareness changes collect before they are applied (about six frames at 60 Hz). */
export const PRESENCE_FLUSH_MS = 100

/** A timer, not an animation frame: asking for a frame makes Chromium run one even if nothing changes. */
export const afterPresenceInterval: FlushScheduler = (run) => {
  const handle = setTimeout(run, PRESENCE_FLUSH_MS)
  return () => clearTimeout(handle)
}

/** The part of y-protocols' Awareness used here. */
export type AwarenessLike = Pick<Awareness, 'clientID' | 'getStates' | 'on' | 'off'>

interface Entry {
  peer: Peer
  /** Identity of everything in `peer`, to tell a real change from a cursor-only one. */
  key: string
  cursor: Point | null
  cursorMovedAt: number
}

const peerKey = (p: Omit<Peer, 'clientId'>): string =>
  JSON.stringify([p.user, p.selection, p.editing, p.view, p.presenting, p.cursorShown])

export class PresenceStore {
  readonly peers: ExternalStore<readonly Peer[]>
  private readonly entries = new Map<number, Entry>()
  private snapshot: readonly Peer[] = []
  private readonly peerListeners = new Set<() => void>()
  private readonly cursorListeners = new Set<() => void>()
  private idleTimer: unknown = null
  /** When the idle timer fires; a later deadline needs no new timer (it re-arms when it fires). */
  private idleTimerAt = Number.POSITIVE_INFINITY
  /** Clients whose awareness changed since the last flush. */
  private readonly dirty = new Set<number>()
  private flushScheduled = false
  private cancelFlush: () => void = () => {}

  constructor(
    private readonly awareness: AwarenessLike,
    private readonly clock: Clock = systemClock,
    private readonly idleMs: number = CURSOR_IDLE_MS,
    private readonly schedule: FlushScheduler = afterPresenceInterval,
  ) {
    this.peers = {
      subscribe: (listener) => {
        this.peerListeners.add(listener)
        return () => this.peerListeners.delete(listener)
      },
      getSnapshot: () => this.snapshot,
    }
    awareness.on('change', this.onChange)
    for (const clientId of awareness.getStates().keys()) this.dirty.add(clientId)
    this.flush()
  }

  /** Where a peer's cursor is heading, in board units; null when it is hidden. */
  cursorTarget(clientId: number): Point | null {
    const entry = this.entries.get(clientId)
    return entry?.peer.cursorShown ? entry.cursor : null
  }

  /** Called whenever any peer's cursor position changes. */
  onCursorMove(listener: () => void): () => void {
    this.cursorListeners.add(listener)
    return () => this.cursorListeners.delete(listener)
  }

  /** Applies the changes noted since the last flush now (the scheduler calls it). */
  flush(): void {
    if (this.flushScheduled) this.cancelFlush()
    this.flushScheduled = false
    if (this.dirty.size === 0) return
    const changed = [...this.dirty]
    this.dirty.clear()
    this.apply(changed)
  }

  destroy(): void {
    this.awareness.off('change', this.onChange)
    if (this.flushScheduled) this.cancelFlush()
    this.flushScheduled = false
    this.dirty.clear()
    if (this.idleTimer !== null) this.clock.clearTimeout(this.idleTimer)
    this.peerListeners.clear()
    this.cursorListeners.clear()
  }

  private readonly onChange = ({ added, updated, removed }: AwarenessChange): void => {
    for (const ids of [added, updated, removed]) for (const clientId of ids) this.dirty.add(clientId)
    if (this.flushScheduled) return
    this.flushScheduled = true
    this.cancelFlush = this.schedule(() => {
      this.flushScheduled = false
      this.flush()
    })
  }

  private apply(clientIds: readonly number[]): void {
    const now = this.clock.now()
    const states = this.awareness.getStates()
    let peersChanged = false
    let cursorsMoved = false
    for (const clientId of clientIds) {
      if (clientId === this.awareness.clientID) continue
      const previous = this.entries.get(clientId)
      const state = readPresence(states.get(clientId))
      if (!state) {
        if (previous) {
          this.entries.delete(clientId)
          peersChanged = true
        }
        continue
      }
      const moved =
        state.cursor !== null &&
        (previous?.cursor?.x !== state.cursor.x || previous?.cursor?.y !== state.cursor.y)
      const cursorMovedAt = moved ? now : (previous?.cursorMovedAt ?? now)
      const shown = state.cursor !== null && now - cursorMovedAt < this.idleMs
      const fields = {
        user: state.user,
        selection: state.selection,
        editing: state.editing,
        view: state.view,
        presenting: state.presenting,
        cursorShown: shown,
      }
      const key = peerKey(fields)
      const peer = previous?.key === key ? previous.peer : { clientId, ...fields }
      if (previous?.key !== key) peersChanged = true
      if (moved) cursorsMoved = true
      this.entries.set(clientId, { peer, key, cursor: state.cursor, cursorMovedAt })
    }
    if (peersChanged) this.publish()
    if (cursorsMoved) for (const listener of [...this.cursorListeners]) listener()
    this.scheduleIdleCheck()
  }

  private publish(): void {
    this.snapshot = [...this.entries.values()].map((e) => e.peer)
    for (const listener of [...this.peerListeners]) listener()
  }

  /** Hides cursors that stopped moving; runs once, at the next moment one goes idle. */
  private scheduleIdleCheck(): void {
    let next = Number.POSITIVE_INFINITY
    for (const entry of this.entries.values())
      if (entry.peer.cursorShown) next = Math.min(next, entry.cursorMovedAt + this.idleMs)
    // Moving cursors only push the deadline back: the armed timer fires early and re-arms itself.
    if (this.idleTimer !== null && this.idleTimerAt <= next) return
    if (this.idleTimer !== null) this.clock.clearTimeout(this.idleTimer)
    this.idleTimer = null
    this.idleTimerAt = next
    if (next === Number.POSITIVE_INFINITY) return
    this.idleTimer = this.clock.setTimeout(
      () => {
        this.idleTimer = null
        this.idleTimerAt = Number.POSITIVE_INFINITY
        const now = this.clock.now()
        let changed = false
        for (const [clientId, entry] of this.entries) {
          if (entry.peer.cursorShown && now - entry.cursorMovedAt >= this.idleMs) {
            const peer = { ...entry.peer, cursorShown: false }
            this.entries.set(clientId, { ...entry, peer, key: peerKey(peer) })
            changed = true
          }
        }
        if (changed) this.publish()
        this.scheduleIdleCheck()
      },
      Math.max(0, next - this.clock.now()),
    )
  }
}
