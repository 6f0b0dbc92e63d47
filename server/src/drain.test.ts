import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnMain, startMain } from './testing/mainProcess'
import { testScope } from './testing/testScope'
import { connectClient, createBoard, makeTempDir, removeDir, synced, waitFor } from './testing/testServer'
import {
  findPostgresBinDir,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from './testing/throwawayPostgres'
import { startThrowawayRedis, type ThrowawayRedis } from './testing/throwawayRedis'

/*
 * `npm start` as one of several instances: REDIS_URL needs a shared DATABASE_URL, GET /readyz says
 * whether this instance can serve (and names what it cannot reach), and SIGTERM drains: not ready at
 * once, the open sockets still served for DRAIN_DELAY_MS, then closed with 1012 "server restarting",
 * exit 0. Real processes: the server, PostgreSQL and redis-server.
 */

const { cleanups } = testScope()

async function readyz(httpUrl: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${httpUrl}/readyz`)
  return { status: res.status, body: await res.json() }
}

describe('instances: configuration, /readyz, drain', () => {
  it('refuses REDIS_URL without DATABASE_URL: exit 1, saying the instances must share a store', async () => {
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    const main = spawnMain(path.join(dir, 'data'), { REDIS_URL: 'redis://127.0.0.1:1' })
    cleanups.push(() => main.child.kill('SIGKILL'))
    expect(await main.exited).toBe(1)
    expect(main.output()).toContain('journeyboard: REDIS_URL is set but DATABASE_URL is not')
    expect(main.output()).toContain('must share a store')
    expect(main.output()).not.toContain('"msg":"listening"')
  })

  it('on SIGTERM: /readyz 503 at once, sockets served through the drain delay, then 1012 and exit 0', async () => {
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    const running = await startMain(path.join(dir, 'data'), { DRAIN_DELAY_MS: '1500' })
    cleanups.push(() => running.child.kill('SIGKILL'))
    expect(await readyz(running.httpUrl)).toEqual({ status: 200, body: { ok: true } })
    const board = await createBoard(running.httpUrl)
    const a = connectClient(running, board.id, board.editToken)
    const b = connectClient(running, board.id, board.editToken)
    cleanups.push(
      () => a.destroy(),
      () => b.destroy(),
    )
    await Promise.all([synced(a), synced(b)])

    running.child.kill('SIGTERM')
    await waitFor(async () => (await readyz(running.httpUrl)).status === 503, '/readyz to answer 503')
    expect(await readyz(running.httpUrl)).toEqual({ status: 503, body: { ok: false, draining: true } })
    // Still serving the sockets it has while the balancer takes it out.
    a.doc.getMap('m').set('during-drain', 1)
    await waitFor(() => b.doc.getMap('m').get('during-drain') === 1, 'an edit relayed during the drain')
    expect(a.closeCodes).toEqual([])

    expect(await running.exited).toBe(0)
    expect(a.closeCodes[0]).toBe(1012)
    expect(b.closeCodes[0]).toBe(1012)
    expect(running.output()).toContain('"msg":"shut down"')
  })
})

const binDir = findPostgresBinDir()
if (!binDir) console.warn('PostgreSQL binaries missing: skipping /readyz on PostgreSQL + Redis')

describe.skipIf(!binDir)('/readyz on PostgreSQL + Redis', () => {
  let postgres: ThrowawayPostgres
  let redis: ThrowawayRedis
  beforeAll(async () => {
    ;[postgres, redis] = await Promise.all([startThrowawayPostgres(), startThrowawayRedis()])
  }, 60_000)
  afterAll(async () => {
    await redis?.stop()
    await postgres?.stop()
  }, 30_000)

  it('answers 503 naming redis, then the database, while each is unreachable, and 200 once back', async () => {
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    const env = { DATABASE_URL: await postgres.createDatabase(), REDIS_URL: redis.url }
    const running = await startMain(path.join(dir, 'data'), env)
    cleanups.push(() => running.child.kill('SIGKILL'))
    await waitFor(async () => (await readyz(running.httpUrl)).status === 200, 'ready', 10_000)
    expect(await readyz(running.httpUrl)).toEqual({ status: 200, body: { ok: true } })

    redis.freeze()
    cleanups.push(() => redis.resume())
    const noRedis = await readyz(running.httpUrl)
    expect(noRedis.status).toBe(503)
    expect(noRedis.body).toEqual({ ok: false, failed: { redis: expect.stringMatching(/redis/) } })
    redis.resume()
    await waitFor(async () => (await readyz(running.httpUrl)).status === 200, 'ready with redis back', 10_000)

    await postgres.pause()
    cleanups.push(() => postgres.resume())
    const noDatabase = await readyz(running.httpUrl)
    expect(noDatabase.status).toBe(503)
    expect(noDatabase.body).toEqual({ ok: false, failed: { database: expect.any(String) } })
    await postgres.resume()
    await waitFor(
      async () => (await readyz(running.httpUrl)).status === 200,
      'ready with the db back',
      10_000,
    )
  }, 40_000)
})
