import { describe, expect, it } from 'vitest'
import { IpRateLimit } from './ipRateLimit'

describe('IpRateLimit', () => {
  it('allows a burst per address, then refuses with the seconds until the next token', () => {
    let now = 0
    const limit = new IpRateLimit({ perMinute: 30, burst: 2, exemptLoopback: true }, () => now)
    expect(limit.take('10.0.0.1')).toEqual({ ok: true })
    expect(limit.take('10.0.0.1')).toEqual({ ok: true })
    expect(limit.take('10.0.0.1')).toEqual({ ok: false, retryAfterSeconds: 2 }) // 30/min: one per 2 s
    expect(limit.take('10.0.0.2')).toEqual({ ok: true }) // another address has its own bucket
    now += 2_000
    expect(limit.take('10.0.0.1')).toEqual({ ok: true })
  })

  it('exempts loopback only when configured', () => {
    const exempt = new IpRateLimit({ perMinute: 1, burst: 1, exemptLoopback: true })
    const counted = new IpRateLimit({ perMinute: 1, burst: 1, exemptLoopback: false })
    for (let i = 0; i < 5; i++) expect(exempt.take('127.0.0.1').ok).toBe(true)
    expect(counted.take('::1').ok).toBe(true)
    expect(counted.take('::1').ok).toBe(false)
  })

  it('forgets addresses whose bucket has refilled, so memory stays bounded', () => {
    let now = 0
    const limit = new IpRateLimit({ perMinute: 60, burst: 10, exemptLoopback: true }, () => now)
    for (let i = 0; i < 1000; i++) limit.take(`10.0.${Math.floor(i / 256)}.${i % 256}`)
    expect(limit.size).toBe(1000)
    now += 10_001 // a full refill of 10 tokens at 1/s
    limit.take('10.9.9.9')
    expect(limit.size).toBe(1)
  })
})
