import { afterEach, describe, expect, it } from 'vitest'
import { closeCodes } from '../closeCodes'
import { createMemoryStore } from '../storage/memoryStore'
import { slowStore } from '../testing/slowStore'
import { contentOf, facilitationOf, type SyncHarness, startSyncHarness } from '../testing/syncHarness'

// Rooms without a network: one load per document however many join at once, a room per document,
// board migrations on the content only, the loaded-rooms cap, failed loads not cached.

let harness: SyncHarness
afterEach(() => harness?.stop())

describe('Rooms', () => {
  it('loads a document once for every join that waits on it', async () => {
    const store = slowStore(createMemoryStore(), { loadUpdates: 20 })
    harness = await startSyncHarness({ store })
    const [first, second] = await Promise.all([harness.open(contentOf), harness.open(contentOf)])
    expect(first).toBe(second)
    expect(store.settled.loadUpdates).toBe(1)
  })

  it('gives each document of a board a room of its own; only the content is migrated', async () => {
    harness = await startSyncHarness()
    const content = await harness.open(contentOf)
    const facilitation = await harness.open(facilitationOf)
    const mine = await harness.open({ name: 'private/PPPPPPPPPPPPPPPPPPPPPP', kind: 'private' })
    expect(new Set([content, facilitation, mine]).size).toBe(3)
    expect(harness.rooms.size).toBe(3)
    expect(content.doc.getMap('meta').get('schemaVersion')).toBeGreaterThan(0)
    expect(facilitation.doc.share.size).toBe(0)
    expect(mine.doc.share.size).toBe(0)
    expect(await harness.store.loadUpdates(harness.boardId, 'facilitation')).toEqual([]) // nothing written by opening
  })

  it('unloads an idle room to make room past maxLoadedBoards, and refuses with 1013 while all are in use', async () => {
    harness = await startSyncHarness({ config: { maxLoadedBoards: 1 } })
    const content = await harness.open(contentOf)
    const { conn } = harness.connect()
    content.addConnection(conn)
    expect(harness.rooms.canOpen(harness.boardId, facilitationOf)).toBe(false)
    expect(await harness.rooms.open(harness.boardId, facilitationOf)).toMatchObject({
      ok: false,
      code: closeCodes.tryAgainLater,
    })
    content.removeConnection(conn)
    expect(harness.rooms.canOpen(harness.boardId, facilitationOf)).toBe(true)
    const facilitation = await harness.open(facilitationOf)
    expect(content.isClosed).toBe(true)
    expect(facilitation.isOpen).toBe(true)
  })

  it('does not keep a failed load: the next join loads again', async () => {
    const store = slowStore(createMemoryStore())
    harness = await startSyncHarness({ store })
    store.failWith.loadUpdates = new Error('connection to the database lost')
    expect(await harness.rooms.open(harness.boardId, contentOf)).toMatchObject({
      ok: false,
      code: closeCodes.internalError,
    })
    delete store.failWith.loadUpdates
    const room = await harness.open(contentOf)
    expect(room.doc.getMap('meta').get('title')).toBe('Harness board')
  })

  it('refuses every join with 1001 once shutting down, after unloading every room', async () => {
    harness = await startSyncHarness()
    const room = await harness.open(contentOf)
    await harness.rooms.unloadAll('server shutting down')
    expect(room.isClosed).toBe(true)
    expect(await harness.rooms.open(harness.boardId, contentOf)).toMatchObject({
      ok: false,
      code: closeCodes.goingAway,
    })
  })
})
