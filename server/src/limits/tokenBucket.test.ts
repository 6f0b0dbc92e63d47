import { describe, expect, it } from 'vitest'
import { TokenBucket } from './tokenBucket'

describe('TokenBucket', () => {
  it('allows a burst, then refills at the rate', () => {
    let now = 0
    const bucket = new TokenBucket(200, 400, () => now)
    let allowed = 0
    for (let i = 0; i < 500; i++) if (bucket.take()) allowed++
    expect(allowed).toBe(400)
    expect(bucket.msUntilNext()).toBe(5)
    now += 100 // 0.1 s at 200/s = 20 tokens
    allowed = 0
    for (let i = 0; i < 50; i++) if (bucket.take()) allowed++
    expect(allowed).toBe(20)
  })

  it('sustains exactly the rate over a long run', () => {
    let now = 0
    const bucket = new TokenBucket(60, 60, () => now)
    let allowed = 0
    // 120 messages a second for 10 s: half get through, plus the initial burst.
    for (let ms = 0; ms < 10_000; ms += 1000 / 120) {
      now = ms
      if (bucket.take()) allowed++
    }
    expect(allowed).toBeGreaterThanOrEqual(60 * 10 + 60 - 2)
    expect(allowed).toBeLessThanOrEqual(60 * 10 + 60 + 1)
  })
})
