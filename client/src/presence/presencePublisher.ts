/*
 * My own presence, written to awareness. Callers set fields as often as they like (every pointer
 * move, every pan frame); the publisher sends at most one update per `intervalMs` (throttle.ts) and
 * none when nothing changed since the last one, so a person costs the room ≤ 20 small messages a second.
 * Numbers are rounded to a tenth of a board unit: finer is invisible and would defeat "nothing changed".
 */
import type { Awareness } from 'y-protocols/awareness'
import type { NoteId } from '../../../shared/src/board/ids'
import type { Point, Rect } from '../../../shared/src/layout/geometry'
import { PRESENCE_LIMITS, type PresenceState, type PresenceUser } from './awarenessState'
import { type Clock, systemClock, type Throttled, throttle } from './throttle'

/** 20 updates a second: smooth enough with interpolation, light enough for 50 people. */
export const PRESENCE_SEND_INTERVAL_MS = 50

const round = (n: number): number => Math.round(n * 10) / 10
const roundPoint = (p: Point | null): Point | null => (p ? { x: round(p.x), y: round(p.y) } : null)
const roundRect = (r: Rect | null): Rect | null =>
  r ? { x: round(r.x), y: round(r.y), w: round(r.w), h: round(r.h) } : null

export class PresencePublisher {
  private user: PresenceUser | null = null
  private cursor: Point | null = null
  private selection: readonly NoteId[] = []
  private editing: NoteId | null = null
  private view: Rect | null = null
  private presenting: PresenceState['presenting'] = null
  private lastSent = ''
  private readonly throttled: Throttled

  constructor(
    private readonly awareness: Pick<Awareness, 'setLocalState'>,
    clock: Clock = systemClock,
    intervalMs: number = PRESENCE_SEND_INTERVAL_MS,
  ) {
    this.throttled = throttle(() => this.send(), intervalMs, clock)
  }

  setUser(user: PresenceUser | null): void {
    this.user = user
    this.throttled.schedule()
  }

  setCursor(cursor: Point | null): void {
    this.cursor = roundPoint(cursor)
    this.throttled.schedule()
  }

  setSelection(ids: Iterable<NoteId>): void {
    this.selection = [...ids].slice(0, PRESENCE_LIMITS.maxSelection)
    this.throttled.schedule()
  }

  setEditing(id: NoteId | null): void {
    this.editing = id
    this.throttled.schedule()
  }

  setView(view: Rect | null): void {
    this.view = roundRect(view)
    this.throttled.schedule()
  }

  setPresenting(presenting: PresenceState['presenting']): void {
    this.presenting = presenting
    this.throttled.schedule()
  }

  /** Sends the current state again even if unchanged (e.g. after something cleared it). */
  resend(): void {
    this.lastSent = ''
    this.throttled.schedule()
  }

  /** Sends a pending update now (before the page hides, or in tests). */
  flush(): void {
    this.throttled.flush()
  }

  destroy(): void {
    this.throttled.cancel()
  }

  private send(): void {
    // Until the person has a name we publish nothing: others would only see a nameless stranger.
    if (!this.user) return
    const state: PresenceState = {
      user: this.user,
      cursor: this.cursor,
      selection: this.selection,
      editing: this.editing,
      view: this.view,
      presenting: this.presenting,
    }
    const encoded = JSON.stringify(state)
    if (encoded === this.lastSent) return
    this.lastSent = encoded
    this.awareness.setLocalState(state as unknown as Record<string, unknown>)
  }
}
