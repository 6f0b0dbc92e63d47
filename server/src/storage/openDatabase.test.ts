import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseOpenError, sqliteFileName } from './openDatabase'
import { openSqliteStore } from './sqliteStore'

/*
 * Startup refuses a database it cannot trust, names the file and says how to restore it, and never
 * replaces it with a fresh empty one (the bytes on disk are left exactly as they were).
 */

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A data dir holding a closed (checkpointed, no -wal) database with a few boards and many updates. */
async function dataDirWithBoards(): Promise<{ dataDir: string; file: string }> {
  const root = mkdtempSync(path.join(tmpdir(), 'jb-open-'))
  dirs.push(root)
  const dataDir = path.join(root, 'data')
  const store = openSqliteStore(dataDir)
  const hash = new Uint8Array(32)
  for (let b = 0; b < 3; b++) {
    const id = `board${b}`
    await store.createBoard(
      { id, title: id, editTokenHash: hash, viewTokenHash: hash, createdAt: b, noteCount: 0 },
      randomBytes(500),
    )
    for (let i = 0; i < 20; i++)
      await store.appendUpdates([{ boardId: id, document: 'content', update: randomBytes(3000) }])
  }
  await store.close()
  return { dataDir, file: path.join(dataDir, sqliteFileName) }
}

function overwrite(file: string, offset: number, length: number): void {
  const fd = openSync(file, 'r+')
  writeSync(fd, randomBytes(length), 0, length, offset)
  closeSync(fd)
}

/** Opens, expects a DatabaseOpenError naming the file, and checks the file was not touched. */
function expectRefused(dataDir: string, file: string, pattern: RegExp): DatabaseOpenError {
  const before = readFileSync(file)
  let caught: unknown
  try {
    openSqliteStore(dataDir)
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(DatabaseOpenError)
  const error = caught as DatabaseOpenError
  expect(error.file).toBe(file)
  expect(error.message).toContain(file)
  expect(error.message).toMatch(pattern)
  expect(readFileSync(file).equals(before)).toBe(true)
  return error
}

describe('opening the database at startup', () => {
  it('opens a sound database and runs quick_check on it', async () => {
    const { dataDir } = await dataDirWithBoards()
    const logged: Record<string, unknown>[] = []
    const log = { info: (fields: Record<string, unknown>) => logged.push(fields) }
    const store = openSqliteStore(dataDir, { log: log as never })
    expect((await store.listBoards()).length).toBe(3)
    await store.close()
    expect(logged[0]).toMatchObject({ quickCheckMs: expect.any(Number), bytes: expect.any(Number) })
  })

  it('refuses a file whose header is garbage (not a database), with restore advice', async () => {
    const { dataDir, file } = await dataDirWithBoards()
    overwrite(file, 0, 100)
    const error = expectRefused(dataDir, file, /SQLITE_NOTADB/)
    expect(error.message).toMatch(/Refusing to start rather than create an empty database.*backup/)
  })

  it('refuses a database truncated to half its size', async () => {
    const { dataDir, file } = await dataDirWithBoards()
    truncateSync(file, Math.floor(statSync(file).size / 2))
    expectRefused(dataDir, file, /SQLITE_CORRUPT|quick_check/)
  })

  it('refuses a database with garbage written over pages in the middle', async () => {
    const { dataDir, file } = await dataDirWithBoards()
    overwrite(file, 4096, 8192)
    expectRefused(dataDir, file, /SQLITE_CORRUPT|quick_check/)
  })

  it('refuses a database truncated to 0 bytes instead of treating it as a new, empty one', async () => {
    const { dataDir, file } = await dataDirWithBoards()
    writeFileSync(file, '')
    expectRefused(dataDir, file, /is empty \(0 bytes\)/)
  })

  it('refuses a DATA_DIR that is a file, not a directory', () => {
    // Stands in for an unreadable data dir: the tests run as root, for whom chmod 000 denies nothing.
    const root = mkdtempSync(path.join(tmpdir(), 'jb-open-'))
    dirs.push(root)
    const notADir = path.join(root, 'data')
    writeFileSync(notADir, 'I am a file')
    expect(() => openSqliteStore(notADir)).toThrow(DatabaseOpenError)
    expect(() => openSqliteStore(notADir)).toThrow(/is not a usable directory/)
    expect(readFileSync(notADir, 'utf8')).toBe('I am a file')
  })

  it('refuses a DATA_DIR it may not read (chmod 000)', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'jb-open-'))
    dirs.push(root)
    chmodSync(root, 0o755)
    const dataDir = path.join(root, 'data')
    mkdirSync(dataDir)
    chmodSync(dataDir, 0o000)
    try {
      if (process.getuid?.() === 0) {
        // Root reads any directory, so the open is tried by a child process running as "nobody".
        expect(openAsNobody(dataDir)).toMatch(/cannot be opened .*Check that/)
      } else {
        expect(() => openSqliteStore(dataDir)).toThrow(/cannot be opened .*Check that/)
      }
    } finally {
      chmodSync(dataDir, 0o700)
    }
  })
})

const NOBODY = 65_534

/** Opens the store in a child process as uid/gid nobody; returns what it printed (the error, or OPENED). */
function openAsNobody(dataDir: string): string {
  const store = new URL('./sqliteStore.ts', import.meta.url).href
  const script = `import(${JSON.stringify(store)}).then((m) => { try { m.openSqliteStore(${JSON.stringify(dataDir)}); console.log('OPENED') } catch (e) { console.log(e.message) } })`
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    uid: NOBODY,
    gid: NOBODY,
    encoding: 'utf8',
    // tsx keeps a compile cache under the temp dir; nobody needs one of its own.
    env: { ...process.env, TMPDIR: mkdtempNobody() },
    timeout: 30_000,
  })
  if (child.error) throw child.error
  return `${child.stdout}${child.stderr}`
}

function mkdtempNobody(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jb-nobody-'))
  dirs.push(dir)
  chmodSync(dir, 0o777)
  return dir
}
