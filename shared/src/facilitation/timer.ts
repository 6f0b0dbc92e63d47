/*
 * The workshop timer (facilitation document's `timer` map, schema.ts). Everything is in server time:
 * a running timer stores when it ends (`endsAt`, server ms), so every client computes the same remaining
 * time from its own estimate of the server's clock (clock.ts), and nobody's ticking keeps it alive.
 * The writes are pure (state, now → next state) so they are tested without a document; `writeTimer`
 * puts a state into the map. Garbage from a hostile or newer writer reads as an idle timer.
 */
import type * as Y from 'yjs'
import { getTimer } from './schema'

export const TIMER_LIMITS = {
  minDurationMs: 1_000,
  /** A workshop day; anything longer is a typo. */
  maxDurationMs: 24 * 60 * 60_000,
  defaultDurationMs: 5 * 60_000,
  addMs: 60_000,
} as const

export type TimerState =
  /** Set but not started: shows its whole duration. */
  | { state: 'idle'; durationMs: number }
  /** Counting down to `endsAt` (server ms); past it, the time is up. */
  | { state: 'running'; durationMs: number; endsAt: number }
  /** Stopped mid-way with `remainingMs` left. */
  | { state: 'paused'; durationMs: number; remainingMs: number }

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

export const clampDuration = (ms: number): number =>
  Math.round(Math.min(TIMER_LIMITS.maxDurationMs, Math.max(TIMER_LIMITS.minDurationMs, ms)))

export const IDLE_TIMER: TimerState = { state: 'idle', durationMs: TIMER_LIMITS.defaultDurationMs }

/** The timer as the map holds it; anything unreadable is the default idle timer. */
export function readTimer(map: Y.Map<unknown>): TimerState {
  const state = map.get('state')
  const rawDuration = map.get('durationMs')
  const durationMs = isTime(rawDuration) ? clampDuration(rawDuration) : TIMER_LIMITS.defaultDurationMs
  if (state === 'running') {
    const endsAt = map.get('endsAt')
    if (isTime(endsAt) && endsAt > 0) return { state, durationMs, endsAt }
  } else if (state === 'paused') {
    const remainingMs = map.get('remainingMs')
    if (isTime(remainingMs))
      return {
        state,
        durationMs,
        remainingMs: Math.min(TIMER_LIMITS.maxDurationMs, Math.max(0, remainingMs)),
      }
  } else if (state === 'idle') {
    return { state, durationMs }
  }
  return IDLE_TIMER
}

/** What is left at `serverNow`, never below 0. */
export function remainingMs(timer: TimerState, serverNow: number): number {
  if (timer.state === 'idle') return timer.durationMs
  if (timer.state === 'paused') return timer.remainingMs
  return Math.max(0, timer.endsAt - serverNow)
}

/** A running timer that reached its end. */
export const isTimeUp = (timer: TimerState, serverNow: number): boolean =>
  timer.state === 'running' && timer.endsAt <= serverNow

/** "12:34", or "1:02:03" past an hour; seconds round up, so it shows 0:00 only when time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** A new duration, idle (a running timer is reset: the facilitator chose a new length). */
export const setDuration = (durationMs: number): TimerState => ({
  state: 'idle',
  durationMs: clampDuration(durationMs),
})

/** Starts an idle timer from its duration, or resumes a paused one; a running one is left as it is. */
export function start(timer: TimerState, serverNow: number): TimerState {
  if (timer.state === 'running') return timer
  const left = timer.state === 'paused' ? timer.remainingMs : timer.durationMs
  return { state: 'running', durationMs: timer.durationMs, endsAt: serverNow + left }
}

export function pause(timer: TimerState, serverNow: number): TimerState {
  if (timer.state !== 'running') return timer
  return { state: 'paused', durationMs: timer.durationMs, remainingMs: remainingMs(timer, serverNow) }
}

/** One more minute: on a timer whose time is up it counts a minute from now. */
export function addMinute(timer: TimerState, serverNow: number): TimerState {
  const add = TIMER_LIMITS.addMs
  if (timer.state === 'idle') return setDuration(timer.durationMs + add)
  if (timer.state === 'paused')
    return { ...timer, remainingMs: Math.min(TIMER_LIMITS.maxDurationMs, timer.remainingMs + add) }
  return { ...timer, endsAt: Math.max(timer.endsAt, serverNow) + add }
}

/** Back to idle, keeping the duration for the next start. */
export const stop = (timer: TimerState): TimerState => ({ state: 'idle', durationMs: timer.durationMs })

/** Writes a state into the facilitation document's timer map, in one transaction. */
export function writeTimer(doc: Y.Doc, next: TimerState, origin?: unknown): void {
  const map = getTimer(doc)
  doc.transact(() => {
    map.set('state', next.state)
    map.set('durationMs', next.durationMs)
    if (next.state === 'running') map.set('endsAt', next.endsAt)
    else map.delete('endsAt')
    if (next.state === 'paused') map.set('remainingMs', next.remainingMs)
    else map.delete('remainingMs')
  }, origin)
}
