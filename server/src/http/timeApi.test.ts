import { describe, expect, it } from 'vitest'
import { testScope } from '../testing/testScope'

const { start } = testScope()

describe('GET /api/time', () => {
  it("answers the server's clock, never cached", async () => {
    const t = await start()
    const before = Date.now()
    const res = await fetch(`${t.httpUrl}/api/time`)
    const after = Date.now()
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as { now: number }
    expect(body.now).toBeGreaterThanOrEqual(before)
    expect(body.now).toBeLessThanOrEqual(after)
  })
  it('refuses other methods with a reason', async () => {
    const t = await start()
    const res = await fetch(`${t.httpUrl}/api/time`, { method: 'POST' })
    expect(res.status).toBe(405)
    expect(((await res.json()) as { error: string }).error).toMatch(/GET/)
  })
})
