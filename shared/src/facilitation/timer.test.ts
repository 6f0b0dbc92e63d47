import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getTimer } from './schema'
import {
  addMinute,
  formatRemaining,
  IDLE_TIMER,
  isTimeUp,
  pause,
  readTimer,
  remainingMs,
  setDuration,
  start,
  stop,
  TIMER_LIMITS,
  type TimerState,
  writeTimer,
} from './timer'

const min = 60_000

describe('timer writes', () => {
  it('counts down from start in server time, pauses, resumes where it was, and stops', () => {
    let t: TimerState = setDuration(10 * min)
    expect(remainingMs(t, 0)).toBe(10 * min)
    t = start(t, 1_000_000)
    expect(t).toEqual({ state: 'running', durationMs: 10 * min, endsAt: 1_000_000 + 10 * min })
    expect(remainingMs(t, 1_000_000 + 4 * min)).toBe(6 * min)
    t = pause(t, 1_000_000 + 4 * min)
    expect(t).toEqual({ state: 'paused', durationMs: 10 * min, remainingMs: 6 * min })
    // Paused time does not pass.
    expect(remainingMs(t, 9_999_999_999)).toBe(6 * min)
    t = start(t, 2_000_000)
    expect(remainingMs(t, 2_000_000 + min)).toBe(5 * min)
    t = stop(t)
    expect(t).toEqual({ state: 'idle', durationMs: 10 * min })
  })
  it('adds a minute in every state, counting from now once the time is up', () => {
    expect(addMinute(setDuration(2 * min), 0)).toEqual(setDuration(3 * min))
    expect(addMinute({ state: 'paused', durationMs: min, remainingMs: 5 }, 0)).toMatchObject({
      remainingMs: 5 + min,
    })
    expect(addMinute({ state: 'running', durationMs: min, endsAt: 100 }, 50)).toMatchObject({
      endsAt: 100 + min,
    })
    expect(addMinute({ state: 'running', durationMs: min, endsAt: 100 }, 5000)).toMatchObject({
      endsAt: 5000 + min,
    })
  })
  it('leaves a running timer alone on start and a stopped one on pause', () => {
    const running: TimerState = { state: 'running', durationMs: min, endsAt: 500 }
    expect(start(running, 9)).toBe(running)
    expect(pause(IDLE_TIMER, 9)).toBe(IDLE_TIMER)
  })
  it('holds durations between a second and a day', () => {
    expect(setDuration(5).durationMs).toBe(TIMER_LIMITS.minDurationMs)
    expect(setDuration(1e12).durationMs).toBe(TIMER_LIMITS.maxDurationMs)
  })
  it('is up only when running past its end, and never shows less than nothing', () => {
    const t: TimerState = { state: 'running', durationMs: min, endsAt: 1000 }
    expect(isTimeUp(t, 999)).toBe(false)
    expect(isTimeUp(t, 1000)).toBe(true)
    expect(remainingMs(t, 5000)).toBe(0)
  })
})

describe('formatRemaining', () => {
  it('rounds seconds up and shows hours past an hour', () => {
    expect(formatRemaining(12 * min + 33_001)).toBe('12:34')
    expect(formatRemaining(0)).toBe('0:00')
    expect(formatRemaining(1)).toBe('0:01')
    expect(formatRemaining(-5)).toBe('0:00')
    expect(formatRemaining(62 * min + 3000)).toBe('1:02:03')
  })
})

describe('readTimer and writeTimer', () => {
  it('reads back what was written, in each state', () => {
    const doc = new Y.Doc()
    for (const t of [
      setDuration(3 * min),
      { state: 'running', durationMs: 3 * min, endsAt: 1_700_000_000_000 },
      { state: 'paused', durationMs: 3 * min, remainingMs: 42_000 },
    ] satisfies TimerState[]) {
      writeTimer(doc, t)
      expect(readTimer(getTimer(doc))).toEqual(t)
    }
    // Leftover keys of an earlier state are gone.
    expect([...getTimer(doc).keys()].sort()).toEqual(['durationMs', 'remainingMs', 'state'])
  })
  it('reads garbage as the idle default, and a bad duration as the default length', () => {
    const doc = new Y.Doc()
    const map = getTimer(doc)
    expect(readTimer(map)).toEqual(IDLE_TIMER)
    map.set('state', 'running')
    map.set('endsAt', 'soon')
    expect(readTimer(map)).toEqual(IDLE_TIMER)
    map.set('state', 'exploded')
    expect(readTimer(map)).toEqual(IDLE_TIMER)
    map.set('state', 'idle')
    map.set('durationMs', { evil: true })
    expect(readTimer(map)).toEqual({ state: 'idle', durationMs: TIMER_LIMITS.defaultDurationMs })
    map.set('state', 'paused')
    map.set('remainingMs', -50)
    expect(readTimer(map)).toMatchObject({ state: 'paused', remainingMs: 0 })
  })
})
