import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { closeCodes } from './closeCodes'
import type { BoardStore } from './storage/BoardStore'
import { messageSync } from './sync/messages'
import { closeEvent, openRawSocket } from './testing/rawSocket'
import { testScope } from './testing/testScope'
import { createBoard, sleep, storedDoc, synced, waitFor } from './testing/testServer'

/*
 * What the server does when the disk fills up or the database breaks while it runs: the failure is named
 * (log + close reason / HTTP status), nothing that was not stored is relayed, nothing stored is lost, the
 * other boards keep working, and edits resume once the store works again. Startup faults (corrupt,
 * truncated or empty file, a data dir that is a file): storage/openDatabase.test.ts and main.test.ts.
 */

const { cleanups, start, client } = testScope()

const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code })
const diskFull = () => sqliteError('SQLITE_FULL', 'database or disk is full')
const corrupt = () => sqliteError('SQLITE_CORRUPT', 'database disk image is malformed')

/** Makes `method` reject with `fault()` while `when()` says so; for appends, SQLite's synchronous path throws too. */
function faulty<M extends 'appendUpdates' | 'compact' | 'createBoard' | 'loadUpdates'>(
  method: M,
  fault: () => Error,
  when: (args: Parameters<BoardStore[M]>) => boolean,
) {
  return (inner: BoardStore): BoardStore => {
    const store: BoardStore = {
      ...inner,
      [method]: async (...args: Parameters<BoardStore[M]>) => {
        if (when(args)) throw fault()
        return (inner[method] as (...a: Parameters<BoardStore[M]>) => unknown)(...args)
      },
    }
    const now = inner.appendUpdatesNow
    if (method === 'appendUpdates' && now) {
      store.appendUpdatesNow = (batch) => {
        if (when([batch] as Parameters<BoardStore[M]>)) throw fault()
        return now(batch)
      }
    }
    return store
  }
}

function updateMessage(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageSync)
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc))
  return encoding.toUint8Array(encoder)
}

describe('store faults at runtime', () => {
  it('disk full on append: closes with 1011 "disk full: …", logs what to do, relays nothing', async () => {
    let full = false
    const t = await start({ wrapStore: faulty('appendUpdates', diskFull, () => full) })
    const board = await createBoard(t.httpUrl)
    const observer = client(t, board.id, board.viewToken)
    await synced(observer)
    const ws = await openRawSocket(t.wsUrl, board.id, board.editToken)
    const closed = closeEvent(ws)
    full = true
    ws.send(updateMessage('not stored'))
    expect(await closed).toEqual({
      code: closeCodes.internalError,
      reason: 'disk full: edits not stored; reconnect to resync',
    })
    const logged = t.logs.find((l) => l.msg === 'storing edits failed; dropping the room')
    expect(logged).toMatchObject({ storeFailure: 'disk full', action: expect.stringContaining('free space') })
    // The room closed the observer too; its close frame follows anything that was sent to it.
    await waitFor(
      () => observer.closeCodes.includes(closeCodes.internalError),
      'the observer closed with the room',
    )
    expect(observer.doc.getText('t').toString()).toBe('')
    expect((await storedDoc(t.store, board.id)).getText('t').toString()).toBe('')
  })

  it('corruption found at runtime: that board closes with "database corrupt", the others keep working', async () => {
    let brokenId = ''
    const t = await start({
      wrapStore: faulty('appendUpdates', corrupt, ([batch]) => batch.some((e) => e.boardId === brokenId)),
    })
    const broken = await createBoard(t.httpUrl)
    const fine = await createBoard(t.httpUrl)
    brokenId = broken.id
    const x = client(t, broken.id, broken.editToken)
    const y1 = client(t, fine.id, fine.editToken)
    const y2 = client(t, fine.id, fine.editToken)
    await Promise.all([synced(x), synced(y1), synced(y2)])
    x.doc.getText('t').insert(0, 'on the broken board')
    y1.doc.getText('t').insert(0, 'still fine')
    await waitFor(() => y2.doc.getText('t').toString() === 'still fine', 'the healthy board to relay')
    await waitFor(() => x.closeCodes.includes(closeCodes.internalError), 'the broken board to close')
    expect(t.logs.find((l) => l.msg === 'storing edits failed; dropping the room')).toMatchObject({
      boardId: broken.id,
      storeFailure: 'database corrupt',
      action: expect.stringContaining('restore the latest backup'),
    })
    expect((await storedDoc(t.store, fine.id)).getText('t').toString()).toBe('still fine')
    expect((await storedDoc(t.store, broken.id)).getText('t').toString()).toBe('')
  })

  it('disk full during compaction: logged, nothing lost, edits keep being stored and relayed', async () => {
    const t = await start({
      config: { compactEveryUpdates: 3 },
      wrapStore: faulty('compact', diskFull, () => true),
    })
    const board = await createBoard(t.httpUrl)
    const a = client(t, board.id, board.editToken)
    const b = client(t, board.id, board.editToken)
    await Promise.all([synced(a), synced(b)])
    for (let i = 0; i < 20; i++) {
      a.doc.getArray<number>('n').push([i])
      await sleep(2)
    }
    await waitFor(() => b.doc.getArray('n').length === 20, 'B to receive every edit')
    expect(t.logs.some((l) => l.msg === 'compaction failed')).toBe(true)
    expect(a.closeCodes).toEqual([])
    expect((await storedDoc(t.store, board.id)).getArray('n').toArray()).toEqual([...Array(20).keys()])
  })

  it('disk full when creating a board: 507 saying so, no half-created board, the cause logged', async () => {
    const t = await start({ wrapStore: faulty('createBoard', diskFull, () => true) })
    const res = await fetch(`${t.httpUrl}/api/boards`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(507)
    expect(await res.json()).toEqual({ error: "the server's disk is full; try again later" })
    expect(await t.store.listBoards()).toEqual([])
    const logged = t.logs.find((l) => (l.err as { code?: string } | undefined)?.code === 'SQLITE_FULL')
    expect(logged).toMatchObject({ storeFailure: 'disk full', msg: 'creating a board failed' })
  })

  it('any other store failure when creating a board is still a logged 500 without details', async () => {
    const busy = () => sqliteError('SQLITE_BUSY', 'database is locked')
    const t = await start({ wrapStore: faulty('createBoard', busy, () => true) })
    const res = await fetch(`${t.httpUrl}/api/boards`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({ error: 'internal error' })
  })
})

/** A real full disk: a 1 MiB tmpfs. Needs mount rights (root in a container usually has them). */
function mountTinyTmpfs(): string | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'jb-tmpfs-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' })
    return dir
  } catch {
    rmSync(dir, { recursive: true, force: true })
    return undefined
  }
}

function unmount(dir: string): void {
  execFileSync('umount', [dir])
  rmSync(dir, { recursive: true, force: true })
}

/** Probed (mounted and unmounted at once) when the file loads, so the test can be skipped with a reason. */
const canMountTmpfs = (() => {
  const probe = mountTinyTmpfs()
  if (probe) unmount(probe)
  else
    console.warn('storageFaults: `mount -t tmpfs` is not permitted here; the real disk-full test is skipped')
  return probe !== undefined
})()

describe('a real full disk (1 MiB tmpfs)', () => {
  it.skipIf(!canMountTmpfs)(
    'stops storing and relaying when the disk is full, loses nothing stored, resumes once space is freed',
    async () => {
      const mountPoint = mountTinyTmpfs()!
      cleanups.push(() => unmount(mountPoint))
      const filler = path.join(mountPoint, 'filler')
      writeFileSync(filler, Buffer.alloc(300 * 1024))
      const dataDir = path.join(mountPoint, 'data')
      mkdirSync(dataDir)
      const t = await start({ dataDir })
      const other = await createBoard(t.httpUrl)
      const board = await createBoard(t.httpUrl)
      const writer = client(t, board.id, board.editToken)
      const observer = client(t, board.id, board.editToken)
      await Promise.all([synced(writer), synced(observer)])
      const relayed = new Set<string>()
      observer.doc.getMap('chunks').observe((event: Y.YMapEvent<unknown>) => {
        if (event.transaction.origin === observer.provider) for (const k of event.keysChanged) relayed.add(k)
      })

      // 16 KiB of incompressible text per edit until the server reports the disk full.
      let written = 0
      while (!writer.closeCodes.includes(closeCodes.internalError) && written < 200) {
        writer.doc.getMap('chunks').set(`chunk${written}`, Math.random().toString(36).repeat(1200))
        written++
        await sleep(5)
      }
      expect(writer.closeCodes).toContain(closeCodes.internalError)
      expect(t.logs.some((l) => l.storeFailure === 'disk full')).toBe(true)
      // Nothing relayed that is not stored, and the other board still loads and reads.
      const stored = new Set((await storedDoc(t.store, board.id)).getMap('chunks').keys())
      expect([...relayed].filter((k) => !stored.has(k))).toEqual([])
      expect(relayed.size).toBeLessThan(written)
      const reader = client(t, other.id, other.viewToken)
      await synced(reader)
      expect(reader.doc.getMap('meta').get('title')).toBe('Customer journey')

      // Free space: the writer's provider reconnects, resyncs what was refused, and it is stored.
      rmSync(filler)
      await waitFor(
        async () => (await storedDoc(t.store, board.id)).getMap('chunks').size === written,
        'every chunk stored after space was freed',
        15_000,
      )
    },
    30_000,
  )
})
