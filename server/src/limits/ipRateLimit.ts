import { isLoopback } from './clientIp'
import { TokenBucket } from './tokenBucket'

/**
 * A token bucket per client IP, for HTTP requests that cost the server something lasting (creating a
 * board writes a row and a document). Loopback can be exempt, like the per-IP socket cap, because
 * benchmarks and tests create many boards from 127.0.0.1. Buckets that have refilled completely are
 * forgotten, so the map holds only addresses seen within the last burst / rate seconds.
 */
export interface IpRateLimitConfig {
  perMinute: number
  burst: number
  exemptLoopback: boolean
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

export class IpRateLimit {
  private readonly buckets = new Map<string, TokenBucket>()
  /** IP → last request, oldest first (re-inserted on every request), so expiry stops at the first live one. */
  private readonly lastSeen = new Map<string, number>()
  private readonly refillMs: number

  constructor(
    private readonly config: IpRateLimitConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.refillMs = (config.burst / config.perMinute) * 60_000
  }

  take(ip: string): RateDecision {
    if (this.config.exemptLoopback && isLoopback(ip)) return { ok: true }
    this.forgetRefilled()
    let bucket = this.buckets.get(ip)
    if (!bucket) {
      bucket = new TokenBucket(this.config.perMinute / 60, this.config.burst, this.now)
      this.buckets.set(ip, bucket)
    }
    this.lastSeen.delete(ip)
    this.lastSeen.set(ip, this.now())
    if (bucket.take()) return { ok: true }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(bucket.msUntilNext() / 1000)) }
  }

  /** Addresses with a bucket (for tests: idle ones are forgotten). */
  get size(): number {
    return this.buckets.size
  }

  /** Drops buckets untouched for longer than a full refill takes: they would be full again anyway. */
  private forgetRefilled(): void {
    const cutoff = this.now() - this.refillMs
    for (const [ip, seenAt] of this.lastSeen) {
      if (seenAt >= cutoff) return
      this.lastSeen.delete(ip)
      this.buckets.delete(ip)
    }
  }
}
