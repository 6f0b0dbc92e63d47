import { describe, expect, it } from 'vitest'
import { runCrashCycles } from './testing/crashHarness'

/*
 * kill -9 at random moments while clients write (see testing/crashHarness.ts). CI runs 3 short cycles;
 * `npm run bench` runs the long version. The promise: every edit any client received from the server
 * survives the crash.
 */

describe('kill -9 while clients write', () => {
  it('keeps every edit the server relayed, over 3 kill/restart cycles with 3 writers', async () => {
    const result = await runCrashCycles({ cycles: 3, clients: 3, durationMs: 800 })
    expect(result.cycles).toBe(3)
    expect(result.updatesChecked).toBeGreaterThan(0)
    expect(result.lostKeys).toEqual([])
    expect(result.lost).toBe(0)
  }, 60_000)
})
