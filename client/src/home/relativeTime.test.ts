import { describe, expect, it } from 'vitest'
import { relativeTime } from './relativeTime'

describe('relativeTime', () => {
  const now = Date.UTC(2026, 0, 10, 12)
  it('says just now for the last few seconds', () => expect(relativeTime(now - 5_000, now)).toBe('just now'))
  it('counts minutes', () => expect(relativeTime(now - 5 * 60_000, now)).toBe('5 minutes ago'))
  it('says yesterday', () => expect(relativeTime(now - 26 * 3600_000, now)).toBe('yesterday'))
  it('counts hours', () => expect(relativeTime(now - 3 * 3600_000, now)).toBe('3 hours ago'))
})
