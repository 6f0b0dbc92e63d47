import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  findPostgresBinDir,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../testing/throwawayPostgres'
import { migrations, openPostgresStore } from './postgresStore'

// What only the PostgreSQL store has: versioned migrations at start-up. The BoardStore behaviour itself is
// in contract.test.ts. Skipped, saying so, without the PostgreSQL binaries (.ci/run installs them).

const binDir = findPostgresBinDir()
if (!binDir)
  console.warn('PostgreSQL binaries missing (/usr/lib/postgresql/*/bin): skipping postgresStore tests')

async function appliedVersions(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    )
    return rows.map((r) => r.version)
  } finally {
    await client.end()
  }
}

describe.skipIf(!binDir)('PostgreSQL store migrations', () => {
  let postgres: ThrowawayPostgres
  beforeAll(async () => {
    postgres = await startThrowawayPostgres()
  }, 60_000)
  afterAll(() => postgres?.stop(), 30_000)

  it('migrates an empty database once, even when several instances start at the same moment', async () => {
    const url = await postgres.createDatabase()
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url, { maxConnections: 2 })))
    await Promise.all(stores.map((s) => s.close()))
    expect(await appliedVersions(url)).toEqual(migrations.map((m) => m.version))
    // A restart finds the schema current and applies nothing again (a re-run CREATE TABLE would reject).
    const again = await openPostgresStore(url)
    expect(await again.listBoards()).toEqual([])
    await again.close()
    expect(await appliedVersions(url)).toEqual(migrations.map((m) => m.version))
  })

  it('refuses a database whose schema is newer than this server, and leaves it alone', async () => {
    const url = await postgres.createDatabase()
    await (await openPostgresStore(url)).close()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const future = migrations.at(-1)!.version + 1
    await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 0)', [future])
    await client.end()
    await expect(openPostgresStore(url)).rejects.toThrow(
      `schema is version ${future}, newer than this server`,
    )
    expect((await appliedVersions(url)).at(-1)).toBe(future)
  })

  it('rejects, naming the cause, when the server cannot be reached', async () => {
    const url = postgres.url.replace(/\/postgres$/, '/missing_db')
    await expect(openPostgresStore(url)).rejects.toThrow(/missing_db/)
  })
})
