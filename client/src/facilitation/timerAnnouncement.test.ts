import { describe, expect, it } from 'vitest'
import type { TimerState } from '../../../shared/src/facilitation/timer'
import { timerAnnouncement } from './timerAnnouncement'

describe('timerAnnouncement', () => {
  const running: TimerState = { state: 'running', durationMs: 600_000, endsAt: 600_000 }
  it('says the same words for a whole minute, then the next minute', () => {
    const words = new Set([0, 1_000, 30_000, 59_999].map((t) => timerAnnouncement(running, t)))
    expect([...words]).toEqual(['10 minutes left'])
    expect(timerAnnouncement(running, 60_000)).toBe('9 minutes left')
    expect(timerAnnouncement(running, 599_000)).toBe('1 minute left')
  })
  it('says when time is up and when the timer is paused', () => {
    expect(timerAnnouncement(running, 600_000)).toBe('Time is up')
    expect(timerAnnouncement({ state: 'paused', durationMs: 1, remainingMs: 125_000 }, 0)).toBe(
      'Timer paused, 3 minutes left',
    )
  })
})
