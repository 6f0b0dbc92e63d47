import { describe, expect, it } from 'vitest'
import { bestOffset, readServerTime } from './clock'

describe('bestOffset', () => {
  it('takes the offset of the round trip that was shortest', () => {
    // The server is 120 s ahead; the second trip was quick and symmetric.
    const samples = [
      { sentAt: 1000, serverNow: 121_300, receivedAt: 1400 },
      { sentAt: 2000, serverNow: 122_010, receivedAt: 2020 },
      { sentAt: 3000, serverNow: 123_100, receivedAt: 3090 },
    ]
    expect(bestOffset(samples)).toEqual({ offsetMs: 120_000, rttMs: 20 })
  })
  it('is within half the round trip of the truth even when one leg is slow', () => {
    const truth = -90_000
    // Out in 5 ms, back in 45 ms: the server read its clock 5 ms after the send.
    const sample = { sentAt: 10_000, serverNow: 10_005 + truth, receivedAt: 10_050 }
    const result = bestOffset([sample])!
    expect(Math.abs(result.offsetMs - truth)).toBeLessThanOrEqual(result.rttMs / 2)
  })
  it('skips samples whose round trip is negative or not a number, and has none to give without any', () => {
    expect(bestOffset([])).toBeNull()
    expect(bestOffset([{ sentAt: 10, serverNow: 5, receivedAt: 5 }])).toBeNull()
    expect(bestOffset([{ sentAt: Number.NaN, serverNow: 5, receivedAt: 5 }])).toBeNull()
    expect(
      bestOffset([
        { sentAt: 10, serverNow: 5, receivedAt: 5 },
        { sentAt: 0, serverNow: 100, receivedAt: 10 },
      ]),
    ).toEqual({ offsetMs: 95, rttMs: 10 })
  })
})

describe('readServerTime', () => {
  it('reads { now } and refuses anything else', () => {
    expect(readServerTime({ now: 1_700_000_000_000 })).toBe(1_700_000_000_000)
    for (const bad of [null, 'x', {}, { now: '1' }, { now: Number.POSITIVE_INFINITY }, { now: -1 }])
      expect(readServerTime(bad)).toBeNull()
  })
})
