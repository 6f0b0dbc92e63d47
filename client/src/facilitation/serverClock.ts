/*
 * This browser's estimate of the server's clock (shared/src/facilitation/clock.ts does the math): a few
 * round trips to GET /api/time, the shortest one's offset kept. Measured when the board opens, again
 * whenever the facilitation socket reconnects (a laptop that slept may have moved its clock) and when
 * the tab becomes visible again. Until the first answer it trusts the local clock.
 */
import { bestOffset, type ClockSample, readServerTime } from '../../../shared/src/facilitation/clock'
import type { ExternalStore } from '../doc/docStores'

/** Round trips per measurement: enough that one is likely quick, few enough to be cheap. */
const SAMPLES = 5

export interface ServerClock {
  /** The server's time now, in ms, as best known. */
  now: () => number
  /** The current offset in ms (changes after each measurement). */
  offset: ExternalStore<number>
  measure: () => Promise<void>
  destroy: () => void
}

export function createServerClock(
  options: { fetchTime?: () => Promise<unknown>; localNow?: () => number } = {},
): ServerClock {
  const localNow = options.localNow ?? (() => Date.now())
  const fetchTime =
    options.fetchTime ??
    (async () =>
      (await fetch('/api/time', { cache: 'no-store', headers: { accept: 'application/json' } })).json())
  let offsetMs = 0
  let destroyed = false
  let running: Promise<void> | null = null
  const listeners = new Set<() => void>()

  async function sample(): Promise<ClockSample | null> {
    const sentAt = localNow()
    const serverNow = readServerTime(await fetchTime())
    const receivedAt = localNow()
    return serverNow === null ? null : { sentAt, serverNow, receivedAt }
  }

  async function run(): Promise<void> {
    const samples: ClockSample[] = []
    for (let i = 0; i < SAMPLES && !destroyed; i++) {
      try {
        const s = await sample()
        if (s) samples.push(s)
      } catch {
        // Offline or the server is restarting: keep what we had; the next reconnect measures again.
        break
      }
    }
    const best = bestOffset(samples)
    if (!best || destroyed) return
    offsetMs = best.offsetMs
    for (const listener of [...listeners]) listener()
  }

  const measure = (): Promise<void> => {
    running ??= run().finally(() => {
      running = null
    })
    return running
  }

  return {
    now: () => localNow() + offsetMs,
    offset: {
      subscribe: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      getSnapshot: () => offsetMs,
    },
    measure,
    destroy: () => {
      destroyed = true
      listeners.clear()
    },
  }
}

/** Measures now, on every reconnect of `provider` and whenever the tab is shown again. */
export function keepMeasuring(
  clock: ServerClock,
  provider: {
    on: (event: 'status', f: (e: { status: string }) => void) => void
    off: (event: 'status', f: (e: { status: string }) => void) => void
  },
): () => void {
  void clock.measure()
  const onStatus = (e: { status: string }) => {
    if (e.status === 'connected') void clock.measure()
  }
  const onVisible = () => {
    if (document.visibilityState === 'visible') void clock.measure()
  }
  provider.on('status', onStatus)
  document.addEventListener('visibilitychange', onVisible)
  return () => {
    provider.off('status', onStatus)
    document.removeEventListener('visibilitychange', onVisible)
  }
}
