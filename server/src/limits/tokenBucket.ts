/**
 * A token bucket: `ratePerSecond` tokens refill continuously up to `burst`; each message takes one.
 * Refilled lazily from the injected clock on each take, so an idle socket costs no timer.
 */
export class TokenBucket {
  private tokens: number
  private refilledAt: number

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst
    this.refilledAt = now()
  }

  /** Takes one token; false when the bucket is empty (the caller drops, delays or refuses). */
  take(): boolean {
    this.refill()
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Milliseconds until a token is available again (0 if one is available now). */
  msUntilNext(): number {
    this.refill()
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000)
  }

  private refill(): void {
    const now = this.now()
    const elapsedMs = Math.max(0, now - this.refilledAt)
    this.refilledAt = now
    this.tokens = Math.min(this.burst, this.tokens + (elapsedMs / 1000) * this.ratePerSecond)
  }
}
