import { existsSync } from 'node:fs'
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

/*
 * `npm start` with DATABASE_URL on a throwaway PostgreSQL server: edits relayed before a kill -9 are in
 * the database after it, nothing is written to DATA_DIR, and a database that cannot be reached stops the
 * start. Skipped, saying so, without the PostgreSQL binaries (.ci/run installs them).
 */

const { cleanups } = testScope()
const binDir = findPostgresBinDir()
if (!binDir)
  console.warn('PostgreSQL binaries missing (/usr/lib/postgresql/*/bin): skipping npm start on PostgreSQL')

describe.skipIf(!binDir)('npm start with DATABASE_URL (PostgreSQL)', () => {
  let postgres: ThrowawayPostgres
  beforeAll(async () => {
    postgres = await startThrowawayPostgres()
  }, 60_000)
  afterAll(() => postgres?.stop(), 30_000)

  it('keeps every relayed edit after kill -9, in PostgreSQL and not in DATA_DIR', async () => {
    const url = await postgres.createDatabase()
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    const dataDir = path.join(dir, 'data')
    const first = await startMain(dataDir, { DATABASE_URL: url })
    cleanups.push(() => first.child.kill('SIGKILL'))
    const board = await createBoard(first.httpUrl)
    const a = connectClient(first, board.id, board.editToken)
    const b = connectClient(first, board.id, board.editToken)
    cleanups.push(
      () => a.destroy(),
      () => b.destroy(),
    )
    await Promise.all([synced(a), synced(b)])
    for (let i = 0; i < 20; i++) a.doc.getArray<number>('edits').push([i])
    await waitFor(() => b.doc.getArray('edits').length === 20, 'B to receive every edit')
    first.child.kill('SIGKILL')
    await first.exited
    a.destroy()
    b.destroy()
    expect(existsSync(dataDir)).toBe(false)

    const second = await startMain(dataDir, { DATABASE_URL: url })
    cleanups.push(() => second.child.kill('SIGKILL'))
    const c = connectClient(second, board.id, board.viewToken)
    cleanups.push(() => c.destroy())
    await synced(c)
    expect(c.doc.getArray('edits').toArray()).toEqual([...Array(20).keys()])
  })

  it('refuses to start when the database cannot be reached: exit 1, saying why', async () => {
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    // The throwaway server's port with a database that does not exist.
    const url = postgres.url.replace(/\/postgres$/, '/no_such_database')
    const main = spawnMain(path.join(dir, 'data'), { DATABASE_URL: url })
    cleanups.push(() => main.child.kill('SIGKILL'))
    expect(await main.exited).toBe(1)
    expect(main.output()).toMatch(/no_such_database/)
  })
})
