import { TokenBucket } from './tokenBucket'

/**
 * At most `ratePerSecond` awareness messages of one socket are applied per second. Presence is a
 * "latest wins" value (a cursor position), so extra messages are coalesced rather than refused: the
 * newest waiting one is applied when the bucket has a token again, the older ones are dropped.
 */
export class AwarenessThrottle<T> {
  private readonly bucket: TokenBucket
  private latest: T | undefined
  private timer: NodeJS.Timeout | undefined

  constructor(ratePerSecond: number, now: () => number = Date.now) {
    this.bucket = new TokenBucket(ratePerSecond, ratePerSecond, now)
  }

  /** Applies `message` now, or keeps it as the one to apply later; returns how many were dropped (0 or 1). */
  offer(message: T, apply: (message: T) => void): number {
    if (this.timer === undefined && this.bucket.take()) {
      apply(message)
      return 0
    }
    const replaced = this.latest === undefined ? 0 : 1
    this.latest = message
    this.timer ??= setTimeout(() => this.drain(apply), Math.max(1, this.bucket.msUntilNext()))
    return replaced
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.latest = undefined
  }

  private drain(apply: (message: T) => void): void {
    this.timer = undefined
    const message = this.latest
    this.latest = undefined
    if (message === undefined) return
    if (this.bucket.take()) apply(message)
    else this.offer(message, apply)
  }
}
