import { describe, expect, it } from 'vitest'
import { type Clock, throttle } from './throttle'

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0
  let timers: { at: number; run: () => void; id: number }[] = []
  let nextId = 1
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = nextId++
      timers.push({ at: now + ms, run, id })
      return id
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id)
    },
  }
  const advance = (ms: number) => {
    const until = now + ms
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      timers = timers.filter((t) => t !== due)
      now = due.at
      due.run()
    }
    now = until
  }
  return { clock, advance }
}

describe('throttle', () => {
  it('runs the first call at once and folds a burst into one trailing run', () => {
    const { clock, advance } = manualClock()
    let runs = 0
    const t = throttle(() => runs++, 50, clock)
    t.schedule()
    expect(runs).toBe(1)
    for (let i = 0; i < 10; i++) {
      advance(4)
      t.schedule()
    }
    expect(runs).toBe(1)
    advance(10)
    expect(runs).toBe(2)
  })

  it('caps a continuous stream at one run per interval (20 a second at 50 ms)', () => {
    const { clock, advance } = manualClock()
    let runs = 0
    const t = throttle(() => runs++, 50, clock)
    // A pointer firing every 4 ms (250 Hz) for one second.
    for (let i = 0; i < 250; i++) {
      t.schedule()
      advance(4)
    }
    expect(runs).toBeGreaterThanOrEqual(19)
    expect(runs).toBeLessThanOrEqual(21)
  })

  it('flush runs a pending call now; cancel drops it', () => {
    const { clock, advance } = manualClock()
    let runs = 0
    const t = throttle(() => runs++, 50, clock)
    t.schedule()
    t.schedule()
    t.flush()
    expect(runs).toBe(2)
    t.flush()
    expect(runs).toBe(2)
    advance(10)
    t.schedule()
    t.cancel()
    advance(100)
    expect(runs).toBe(2)
  })
})
