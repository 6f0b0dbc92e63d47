import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  connectClient,
  createBoard,
  makeTempDir,
  removeDir,
  synced,
  type TestClient,
  waitFor,
} from './testing/testServer'

/**
 * The real entry point (`tsx server/src/main.ts`) in a child process: what we promise about kill -9
 * (every relayed edit is on disk) and SIGTERM (flush, close, exit 0 within 5 s).
 */

const repoRoot = path.resolve(import.meta.dirname, '../..')

interface Running {
  child: ChildProcess
  httpUrl: string
  wsUrl: string
  exited: Promise<number | null>
}

async function startMain(dataDir: string): Promise<Running> {
  // `node --import tsx` rather than the tsx CLI: one process, so SIGKILL hits the server itself, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const match = /"port":(\d+),"msg":"listening"/.exec(buffered)
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', () => reject(new Error('server exited before listening')))
  })
  return { child, exited, httpUrl: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/ws` }
}

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('npm start (server/src/main.ts)', () => {
  it('keeps every relayed edit after kill -9', async () => {
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    const first = await startMain(path.join(dir, 'data'))
    cleanups.push(() => first.child.kill('SIGKILL'))
    const board = await createBoard(first, {})
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

  it('shuts down on SIGTERM with exit code 0 within 5 s', async () => {
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    const running = await startMain(path.join(dir, 'data'))
    cleanups.push(() => running.child.kill('SIGKILL'))
    const board = await createBoard(running, {})
    const a = connectClient(running, board.id, board.editToken)
    cleanups.push(() => a.destroy())
    await synced(a)
    const started = Date.now()
    running.child.kill('SIGTERM')
    expect(await running.exited).toBe(0)
    expect(Date.now() - started).toBeLessThan(5_000)
    await waitFor(() => a.closeCodes.includes(1001), 'the client to see 1001')
  })
})
