/*
 * How far this browser's clock is from the server's, NTP-style (issue 16: everyone sees the same
 * countdown, even on a laptop whose clock is minutes off). A sample is one round trip to GET /api/time:
 * the local time it was sent, the server's time in the answer, and the local time the answer came. The
 * server read its clock somewhere in between, most likely half-way, so offset = serverNow − (t0+t1)/2,
 * wrong by at most half the round trip; of several samples the one with the shortest round trip is the
 * most precise, since a slow trip is usually slow on one leg only. Pure: no clock, no network here.
 */

export interface ClockSample {
  /** Local ms (Date.now) when the request left. */
  sentAt: number
  /** The server's ms in its answer. */
  serverNow: number
  /** Local ms when the answer arrived. */
  receivedAt: number
}

export interface ClockOffset {
  /** Add to a local Date.now() to get the server's time. */
  offsetMs: number
  /** The round trip of the sample it came from: the estimate is within half of it. */
  rttMs: number
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** The best sample's offset; null when no sample is usable (a negative round trip is a clock jump). */
export function bestOffset(samples: readonly ClockSample[]): ClockOffset | null {
  let best: ClockOffset | null = null
  for (const { sentAt, serverNow, receivedAt } of samples) {
    if (!isTime(sentAt) || !isTime(serverNow) || !isTime(receivedAt)) continue
    const rttMs = receivedAt - sentAt
    if (rttMs < 0) continue
    if (best && best.rttMs <= rttMs) continue
    best = { offsetMs: serverNow - (sentAt + receivedAt) / 2, rttMs }
  }
  return best
}

/** The `now` of a GET /api/time answer, or null for anything else. */
export function readServerTime(body: unknown): number | null {
  if (typeof body !== 'object' || body === null) return null
  const now = (body as { now?: unknown }).now
  return isTime(now) && now > 0 ? now : null
}
