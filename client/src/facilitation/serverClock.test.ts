import { describe, expect, it } from 'vitest'
import { createServerClock } from './serverClock'

describe('createServerClock', () => {
  it('adds the offset of the quickest round trip to the local clock', async () => {
    // Local clock 120 s behind the server; trips take 40, 10, 30… ms.
    let local = 1_000_000
    const trips = [40, 10, 30, 50, 20]
    let i = 0
    const clock = createServerClock({
      localNow: () => local,
      fetchTime: async () => {
        const trip = trips[i++ % trips.length]!
        local += trip / 2
        const now = local + 120_000
        local += trip / 2
        return { now }
      },
    })
    expect(clock.now()).toBe(local)
    await clock.measure()
    expect(clock.offset.getSnapshot()).toBe(120_000)
    expect(clock.now()).toBe(local + 120_000)
  })
  it('keeps the local clock when the server cannot be reached or answers garbage', async () => {
    const offline = createServerClock({
      localNow: () => 5,
      fetchTime: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    await offline.measure()
    expect(offline.now()).toBe(5)
    const garbage = createServerClock({ localNow: () => 5, fetchTime: async () => ({ now: 'soon' }) })
    await garbage.measure()
    expect(garbage.offset.getSnapshot()).toBe(0)
  })
})
