/*
 * Runs a function at most once per interval, leading and trailing: the first call runs at once, calls
 * within the interval collapse into one run at its end. Presence uses it to send at most ~20 awareness
 * updates a second however fast the pointer moves, without ever dropping the last position.
 */

/** Time source and timers, passed in so tests can drive them. */
export interface Clock {
  now: () => number
  setTimeout: (run: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface Throttled {
  /** Asks for a run: now if the interval has passed since the last one, else at its end. */
  schedule: () => void
  /** Runs now if a run is pending (e.g. before the page hides). */
  flush: () => void
  /** Drops a pending run. */
  cancel: () => void
}

export function throttle(run: () => void, intervalMs: number, clock: Clock = systemClock): Throttled {
  let lastRunAt = Number.NEGATIVE_INFINITY
  let timer: unknown = null
  const fire = () => {
    timer = null
    lastRunAt = clock.now()
    run()
  }
  return {
    schedule() {
      if (timer !== null) return
      const wait = lastRunAt + intervalMs - clock.now()
      if (wait <= 0) fire()
      else timer = clock.setTimeout(fire, wait)
    },
    flush() {
      if (timer === null) return
      clock.clearTimeout(timer)
      fire()
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
    },
  }
}
