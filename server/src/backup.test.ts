import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { repoRoot, startMain } from './testing/mainProcess'
import { testScope } from './testing/testScope'
import {
  type CreatedBoard,
  connectClient,
  createBoard,
  makeTempDir,
  removeDir,
  synced,
  type TestClient,
  waitFor,
} from './testing/testServer'

/*
 * `npm run backup` against a live server with writes in flight, then `npm run restore` into a new
 * DATA_DIR and a server started on it: every board, and every edit relayed before the backup started,
 * is there. Both commands run as their own processes, as an operator would run them.
 */

const { cleanups } = testScope()

function runScript(
  script: string,
  args: string[],
  dataDir: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })))
}

/** A writer and an observer per board; `relayed` collects the keys the observers got from the server. */
/** The operator's view of a restored server: every board (GET /api/boards with ADMIN_TOKEN). */
const adminToken = 'operator-token-for-the-backup-test'
async function allBoards(server: { httpUrl: string }): Promise<{ boards: { id: string }[] }> {
  const res = await fetch(`${server.httpUrl}/api/boards`, {
    headers: { Authorization: `Bearer ${adminToken}` },
  })
  if (res.status !== 200) throw new Error(`GET /api/boards answered ${res.status}`)
  return (await res.json()) as { boards: { id: string }[] }
}

function writeContinuously(server: { wsUrl: string }, boards: CreatedBoard[], relayed: Set<string>) {
  const clients: TestClient[] = []
  const timers = boards.map((board, b) => {
    const writer = connectClient(server, board.id, board.editToken)
    const observer = connectClient(server, board.id, board.editToken)
    clients.push(writer, observer)
    observer.doc.getMap('edits').observe((event: Y.YMapEvent<unknown>) => {
      if (event.transaction.origin !== observer.provider) return
      for (const key of event.keysChanged) relayed.add(`${board.id}/${key}`)
    })
    let n = 0
    return setInterval(() => writer.doc.getMap('edits').set(`${b}:${n++}`, n), 3)
  })
  return {
    synced: () => Promise.all(clients.map(synced)),
    stop: () => {
      for (const timer of timers) clearInterval(timer)
      for (const client of clients) client.destroy()
    },
  }
}

describe('npm run backup / npm run restore', () => {
  it('backs up a live server with writes in flight; the restore holds every board and every edit relayed before', async () => {
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    const live = await startMain(path.join(dir, 'live'))
    cleanups.push(() => live.child.kill('SIGKILL'))
    const boards = [
      await createBoard(live.httpUrl),
      await createBoard(live.httpUrl),
      await createBoard(live.httpUrl),
    ]
    const relayed = new Set<string>()
    const writing = writeContinuously(live, boards, relayed)
    cleanups.push(writing.stop)
    await writing.synced()
    await waitFor(() => relayed.size >= 60, 'edits to flow on every board', 15_000)

    const beforeBackup = new Set(relayed)
    const backupFile = path.join(dir, 'backup.sqlite')
    const backup = await runScript('server/src/backup.ts', [backupFile], path.join(dir, 'live'))
    expect(backup.stderr).toBe('')
    expect(backup.code).toBe(0)
    expect(JSON.parse(backup.stdout)).toMatchObject({ msg: 'backup written', file: backupFile, boards: 3 })
    const atBackupEnd = relayed.size
    // The live server kept relaying while and after the backup ran.
    await waitFor(() => relayed.size > atBackupEnd + 20, 'edits after the backup')
    writing.stop()
    expect(readdirSync(dir).filter((name) => name.includes('.partial-'))).toEqual([])

    // Refuses to overwrite a backup.
    const again = await runScript('server/src/backup.ts', [backupFile], path.join(dir, 'live'))
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists')

    const restoredDir = path.join(dir, 'restored')
    const restore = await runScript('server/src/restore.ts', [backupFile], restoredDir)
    expect(restore.stderr).toBe('')
    expect(restore.code).toBe(0)
    const restored = await startMain(restoredDir, { ADMIN_TOKEN: adminToken })
    cleanups.push(() => restored.child.kill('SIGKILL'))
    const list = await allBoards(restored)
    expect(list.boards.map((b) => b.id).sort()).toEqual(boards.map((b) => b.id).sort())
    const present = new Set<string>()
    for (const board of boards) {
      const reader = connectClient(restored, board.id, board.viewToken)
      cleanups.push(() => reader.destroy())
      await synced(reader)
      for (const key of reader.doc.getMap('edits').keys()) present.add(`${board.id}/${key}`)
      expect(reader.doc.getMap('meta').get('title')).toBe('Customer journey')
    }
    expect(beforeBackup.size).toBeGreaterThanOrEqual(60)
    expect([...beforeBackup].filter((key) => !present.has(key))).toEqual([])
  }, 60_000)

  it('restore refuses while a server has the database open, and moves the old file aside when stopped', async () => {
    const dir = makeTempDir()
    cleanups.push(() => removeDir(dir))
    const dataDir = path.join(dir, 'data')
    const live = await startMain(dataDir)
    cleanups.push(() => live.child.kill('SIGKILL'))
    const board = await createBoard(live.httpUrl)
    const backupFile = path.join(dir, 'backup.sqlite')
    expect((await runScript('server/src/backup.ts', [backupFile], dataDir)).code).toBe(0)
    await createBoard(live.httpUrl) // only in the live database, not in the backup

    const refused = await runScript('server/src/restore.ts', [backupFile], dataDir)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('is in use: stop the server first')

    live.child.kill('SIGTERM')
    expect(await live.exited).toBe(0)
    const restore = await runScript('server/src/restore.ts', [backupFile], dataDir)
    expect(restore.code).toBe(0)
    const { movedAside } = JSON.parse(restore.stdout) as { movedAside: string[] }
    expect(movedAside).toHaveLength(1)
    expect(existsSync(movedAside[0]!)).toBe(true)

    const restored = await startMain(dataDir, { ADMIN_TOKEN: adminToken })
    cleanups.push(() => restored.child.kill('SIGKILL'))
    const list = await allBoards(restored)
    expect(list.boards.map((b) => b.id)).toEqual([board.id])
  }, 60_000)
})
