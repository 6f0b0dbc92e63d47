import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { sqliteFileName } from './storage/openDatabase'
import { spawnMain, startMain } from './testing/mainProcess'
import { testScope } from './testing/testScope'
import {
  connectClient,
  createBoard,
  makeTempDir,
  removeDir,
  synced,
  type TestClient,
  waitFor,
} from './testing/testServer'

/*
 * The real entry point (`node --import tsx server/src/main.ts`) in a child process: what we promise about
 * kill -9 (every relayed edit is on disk), SIGTERM (flush, close with 1012 "server restarting", exit 0 within 5 s) and a
 * database that cannot be trusted (refuse to start, exit 1). Repeated kills: crashCycles.test.ts.
 */

const { cleanups } = testScope()

describe('npm start (server/src/main.ts)', () => {
  it('keeps every relayed edit after kill -9', async () => {
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    const first = await startMain(path.join(dir, 'data'))
    cleanups.push(() => first.child.kill('SIGKILL'))
    const board = await createBoard(first.httpUrl)
    const a: TestClient = connectClient(first, board.id, board.editToken)
    const b: TestClient = connectClient(first, board.id, board.editToken)
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

    const second = await startMain(path.join(dir, 'data'))
    cleanups.push(() => second.child.kill('SIGKILL'))
    const c = connectClient(second, board.id, board.viewToken)
    cleanups.push(() => c.destroy())
    await synced(c)
    expect(c.doc.getArray('edits').toArray()).toEqual([...Array(20).keys()])
  })

  it('on SIGTERM with writes in flight: flushes, closes every socket with 1012, exits 0 within 5 s', async () => {
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    const running = await startMain(path.join(dir, 'data'))
    cleanups.push(() => running.child.kill('SIGKILL'))
    const board = await createBoard(running.httpUrl)
    const clients = [0, 1, 2].map(() => connectClient(running, board.id, board.editToken))
    for (const c of clients) cleanups.push(() => c.destroy())
    await Promise.all(clients.map(synced))
    const relayed = new Set<string>()
    for (const c of clients)
      c.doc.getMap('edits').observe((event: Y.YMapEvent<unknown>) => {
        if (event.transaction.origin === c.provider) for (const key of event.keysChanged) relayed.add(key)
      })
    // Every client keeps writing until its socket closes, so SIGTERM lands with writes in flight.
    let n = 0
    const writing = setInterval(() => {
      for (const [i, c] of clients.entries())
        if (!c.closeCodes.includes(1012)) c.doc.getMap('edits').set(`${i}:${n}`, n)
      n++
    }, 2)
    cleanups.push(() => clearInterval(writing))
    await waitFor(() => relayed.size >= 30, 'edits to flow')

    const started = Date.now()
    running.child.kill('SIGTERM')
    expect(await running.exited).toBe(0)
    expect(Date.now() - started).toBeLessThan(5_000)
    clearInterval(writing)
    await waitFor(() => clients.every((c) => c.closeCodes[0] === 1012), 'every client to see 1012 first')
    // Destroyed before the restart, so no client can re-upload what the server might have dropped.
    for (const c of clients) c.destroy()
    expect(running.output()).toMatch(/"signal":"SIGTERM","msg":"shutting down"/)
    expect(running.output()).toContain('"msg":"server closed"')
    expect(running.output()).not.toMatch(/shutdown took too long/)

    const second = await startMain(path.join(dir, 'data'))
    cleanups.push(() => second.child.kill('SIGKILL'))
    const reader = connectClient(second, board.id, board.viewToken)
    cleanups.push(() => reader.destroy())
    await synced(reader)
    const stored = new Set(reader.doc.getMap('edits').keys())
    expect(relayed.size).toBeGreaterThanOrEqual(30)
    expect([...relayed].filter((key) => !stored.has(key))).toEqual([])
  })

  it('refuses to start on a corrupt database: exit 1, names the file, leaves it untouched', async () => {
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    const dataDir = path.join(dir, 'data')
    const first = await startMain(dataDir)
    await createBoard(first.httpUrl)
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    const file = path.join(dataDir, sqliteFileName)
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.from('this is no longer a SQLite header'), 0, 33, 0)
    closeSync(fd)
    const before = readFileSync(file)

    const second = spawnMain(dataDir)
    cleanups.push(() => second.child.kill('SIGKILL'))
    expect(await second.exited).toBe(1)
    const output = second.output()
    expect(output).toContain(`journeyboard: ${file} cannot be opened (SQLITE_NOTADB`)
    expect(output).toMatch(/"level":60,.*"msg":"cannot open the database; not starting"/)
    expect(output).toContain('npm run backup')
    expect(output).not.toContain('"msg":"listening"')
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})
