import { afterEach, describe, expect, it } from 'vitest'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { closeCodes } from '../closeCodes'
import { type DocumentPolicies, documentPolicies, viewOnlyReason } from '../permissions/documentPolicies'
import type { StoredUpdate } from '../storage/BoardStore'
import { createMemoryStore } from '../storage/memoryStore'
import { slowStore } from '../testing/slowStore'
import { contentOf, facilitationOf, type SyncHarness, startSyncHarness } from '../testing/syncHarness'
import { localRelays, type OpenRelay, type RelayTarget } from './relay'
import type { Room } from './room'

// The room without a network: connections on in-memory sockets, a memory store, the real persist
// queue. What over real sockets is in sync.test.ts, persistence.test.ts and limits.test.ts.

let harness: SyncHarness
afterEach(() => harness?.stop())

async function open(options: Parameters<typeof startSyncHarness>[0] = {}, document = contentOf) {
  harness = await startSyncHarness(options)
  return harness.open(document)
}

/** A client that holds the room's state, and the update of what `edit` does to it. */
function clientUpdate(room: Room, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
  let update: Uint8Array | undefined
  doc.on('update', (u: Uint8Array) => {
    update = update ? Y.mergeUpdates([update, u]) : u
  })
  edit(doc)
  if (!update) throw new Error('the edit changed nothing')
  return update
}

const stored = async (room: Room) => {
  const doc = new Y.Doc()
  for (const row of await harness.store.loadUpdates(room.boardId, room.documentName))
    Y.applyUpdate(doc, row.update)
  return doc
}

describe('Room', () => {
  it('asks a writer for what it lacks (sync step 1) and never a reader', async () => {
    const room = await open()
    const writer = harness.connect('edit')
    const reader = harness.connect('view')
    room.addConnection(writer.conn)
    room.addConnection(reader.conn)
    expect(writer.socket.syncMessages().map(([type]) => type)).toEqual([syncProtocol.messageYjsSyncStep1])
    expect(reader.socket.syncMessages()).toEqual([])
    expect(reader.conn.write).toEqual({ allowed: false, reason: viewOnlyReason })
  })

  it('stores an edit, then relays it to every other socket, never back to its author', async () => {
    const room = await open()
    const [a, b, c] = [harness.connect(), harness.connect(), harness.connect('view')]
    for (const { conn } of [a, b, c]) room.addConnection(conn)
    const update = clientUpdate(room, (doc) => doc.getMap('notes').set('note:a', 'hello'))
    // What the store holds at the moment the relay goes out (the memory store reads at once).
    let storedAtRelay: Promise<StoredUpdate[]> | undefined
    const sendShared = b.socket.sendShared.bind(b.socket)
    b.socket.sendShared = (message) => {
      storedAtRelay ??= harness.store.loadUpdates(room.boardId, room.documentName)
      return sendShared(message)
    }
    expect(room.applyClientUpdate(update, a.conn)).toBe('applied')
    expect(b.socket.receivedDoc().getMap('notes').get('note:a')).toBe('hello')
    expect(c.socket.receivedDoc().getMap('notes').get('note:a')).toBe('hello')
    expect(a.socket.receivedDoc().getMap('notes').get('note:a')).toBeUndefined()
    const rows = await storedAtRelay!
    expect(rows.at(-1)!.update).toEqual(update)
  })

  it('answers a sync step 1 with the stored state', async () => {
    const room = await open()
    const { conn, socket } = harness.connect('view')
    room.addConnection(conn)
    room.replyToSyncStep1(conn, Y.encodeStateVector(new Y.Doc()))
    const replies = socket.syncMessages().filter(([type]) => type === syncProtocol.messageYjsSyncStep2)
    expect(replies).toHaveLength(1)
    expect(socket.receivedDoc().getMap('meta').get('title')).toBe('Harness board')
  })

  it('applies nothing Yjs cannot decode and nothing past maxDocBytes', async () => {
    const room = await open({ config: { maxDocBytes: 64 * 1024 } })
    const { conn } = harness.connect()
    room.addConnection(conn)
    const before = Y.encodeStateAsUpdate(room.doc)
    expect(room.applyClientUpdate(new Uint8Array([1, 2, 3]), conn)).toBe('undecodable')
    const big = clientUpdate(room, (doc) => doc.getText('big').insert(0, 'x'.repeat(70 * 1024)))
    expect(room.applyClientUpdate(big, conn)).toBe('doc-too-large')
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before)
    expect((await stored(room)).getText('big').length).toBe(0)
  })

  it("refuses, before applying, an update the document's write policy judges against", async () => {
    const seen: string[][] = []
    const policies: DocumentPolicies = {
      ...documentPolicies,
      content: {
        ...documentPolicies.content,
        judgeUpdate: ({ touched, access }) => {
          seen.push(touched.records.map((r) => `${r.change} ${r.type} ${r.key}`))
          const locked = touched.records.some((r) => r.key === 'note:locked')
          return locked && access.role !== 'facilitate' ? 'that note is locked' : undefined
        },
      },
    }
    const room = await open({ policies })
    const [a, b] = [harness.connect(), harness.connect()]
    room.addConnection(a.conn)
    room.addConnection(b.conn)
    const refused = clientUpdate(room, (doc) => doc.getMap('notes').set('note:locked', 'changed'))
    const sentToB = b.socket.sent.length
    expect(room.applyClientUpdate(refused, a.conn)).toEqual({ refused: 'that note is locked' })
    expect(room.doc.getMap('notes').has('note:locked')).toBe(false)
    expect((await stored(room)).getMap('notes').has('note:locked')).toBe(false)
    expect(b.socket.sent.length).toBe(sentToB)

    const allowed = clientUpdate(room, (doc) => doc.getMap('notes').set('note:free', 'ok'))
    expect(room.applyClientUpdate(allowed, a.conn)).toBe('applied')
    expect(seen).toEqual([['created notes note:locked'], ['created notes note:free']])
    expect(b.socket.receivedDoc().getMap('notes').get('note:free')).toBe('ok')
  })

  it('refuses an update when the policy throws, and logs it', async () => {
    const policies: DocumentPolicies = {
      ...documentPolicies,
      content: {
        ...documentPolicies.content,
        judgeUpdate: () => {
          throw new Error('a bug in a policy')
        },
      },
    }
    const room = await open({ policies })
    const { conn } = harness.connect()
    room.addConnection(conn)
    const update = clientUpdate(room, (doc) => doc.getMap('notes').set('note:x', 1))
    expect(room.applyClientUpdate(update, conn)).toEqual({
      refused: 'the server could not check this change',
    })
    expect(room.doc.getMap('notes').has('note:x')).toBe(false)
    expect(harness.logs.some((l) => l.msg === 'the write policy failed to judge an update')).toBe(true)
  })

  it('relays presence to the others and removes a leaving socket’s presence for everyone', async () => {
    const room = await open()
    const [a, b] = [harness.connect(), harness.connect('view')]
    room.addConnection(a.conn)
    room.addConnection(b.conn)
    const entry = {
      clientID: 4242,
      clock: 1,
      stateJson: new TextEncoder().encode('{"user":"a"}'),
      isRemoval: false,
    }
    room.applyClientAwareness([entry], a.conn)
    expect(room.awareness.getStates().get(4242)).toEqual({ user: 'a' })
    expect(b.socket.awarenessMessages()).toHaveLength(1)
    expect(a.socket.awarenessMessages()).toHaveLength(0)
    room.removeConnection(a.conn)
    expect(room.awareness.getStates().has(4242)).toBe(false)
    expect(b.socket.awarenessMessages()).toHaveLength(2)
  })

  it('compacts its rows once more than compactEveryUpdates were appended, keeping the state', async () => {
    const room = await open({ config: { compactEveryUpdates: 3 } })
    const { conn } = harness.connect()
    room.addConnection(conn)
    for (let i = 0; i < 8; i++) {
      const update = clientUpdate(room, (doc) => doc.getArray('edits').push([i]))
      expect(room.applyClientUpdate(update, conn)).toBe('applied')
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    const rows = await harness.store.loadUpdates(room.boardId, room.documentName)
    expect(rows.some((r) => r.compacted)).toBe(true)
    expect(rows.length).toBeLessThan(9)
    expect((await stored(room)).getArray('edits').toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })

  it('at unload writes the board summary from the content document and closes its sockets with 1001', async () => {
    const room = await open({ config: { summaryDebounceMs: 60_000 } })
    const { conn, socket } = harness.connect()
    room.addConnection(conn)
    const update = clientUpdate(room, (doc) => doc.getMap('meta').set('title', 'Renamed'))
    room.applyClientUpdate(update, conn)
    expect((await harness.store.getBoard(room.boardId))!.title).toBe('Harness board')
    await room.unload()
    expect((await harness.store.getBoard(room.boardId))!.title).toBe('Renamed')
    expect(socket.closedWith?.code).toBe(closeCodes.goingAway)
    expect(room.isClosed).toBe(true)
  })

  it('keeps another document out of the board summary and the content', async () => {
    const room = await open({ config: { summaryDebounceMs: 0 } }, facilitationOf)
    expect(room.doc.share.size).toBe(0) // created empty: no template, no migration
    const { conn } = harness.connect('facilitate', { document: facilitationOf })
    room.addConnection(conn)
    const update = clientUpdate(room, (doc) => doc.getMap('meta').set('title', 'Not the board title'))
    expect(room.applyClientUpdate(update, conn)).toBe('applied')
    await room.unload()
    expect((await harness.store.getBoard(room.boardId))!.title).toBe('Harness board')
    const rows = await harness.store.loadUpdates(room.boardId, 'facilitation')
    expect(rows.length).toBeGreaterThan(0)
    const content = new Y.Doc()
    for (const row of await harness.store.loadUpdates(room.boardId, 'content'))
      Y.applyUpdate(content, row.update)
    expect(content.getMap('meta').get('title')).toBe('Harness board')
  })

  it('closes every socket with 1011 and relays nothing when a write fails', async () => {
    const failing = slowStore(createMemoryStore())
    const room = await open({ store: failing })
    const [a, b] = [harness.connect(), harness.connect()]
    room.addConnection(a.conn)
    room.addConnection(b.conn)
    failing.failWith.appendUpdates = Object.assign(new Error('database or disk is full'), {
      code: 'SQLITE_FULL',
    })
    const sentToB = b.socket.sent.length
    const update = clientUpdate(room, (doc) => doc.getMap('notes').set('note:lost', 1))
    expect(room.applyClientUpdate(update, a.conn)).toBe('applied')
    await harness.queue.flush()
    expect(b.socket.sent.length).toBe(sentToB)
    expect(b.socket.closedWith).toEqual({
      code: closeCodes.internalError,
      reason: 'disk full: edits not stored; reconnect to resync',
    })
    expect(room.isClosed).toBe(true)
  })
})

describe('Room with an injected relay', () => {
  it('hands stored edits and presence to the relay from deps, and applies what another instance stored without storing it again', async () => {
    const seen: string[] = []
    let target: RelayTarget | undefined
    const relays: OpenRelay = (t) => {
      target = t
      const local = localRelays(t)
      return {
        sharedStore: false,
        storedInBatch: (u, from) => {
          seen.push('batch')
          local.storedInBatch(u, from)
        },
        storedNow: (u, from) => {
          seen.push('now')
          local.storedNow(u, from)
        },
        awareness: (m, from) => {
          seen.push('awareness')
          local.awareness(m, from)
        },
        storedElsewhere: (u) => {
          seen.push('elsewhere')
          local.storedElsewhere(u)
        },
        awarenessFromElsewhere: (m) => {
          seen.push('awareness-elsewhere')
          local.awarenessFromElsewhere(m)
        },
        close: () => {
          seen.push('close')
          local.close()
        },
      }
    }
    const room = await open({ relays })
    expect(target).toBe(room)
    const [a, b] = [harness.connect(), harness.connect()]
    room.addConnection(a.conn)
    room.addConnection(b.conn)
    expect(
      room.applyClientUpdate(
        clientUpdate(room, (d) => d.getMap('notes').set('n1', 'x')),
        a.conn,
      ),
    ).toBe('applied')
    const rowsBefore = (await harness.store.loadUpdates(room.boardId, room.documentName)).length
    room.applyRemoteUpdate(clientUpdate(room, (d) => d.getMap('notes').set('n2', 'y')))
    expect(a.socket.receivedDoc().getMap('notes').get('n2')).toBe('y')
    expect(b.socket.receivedDoc().getMap('notes').get('n2')).toBe('y')
    expect((await harness.store.loadUpdates(room.boardId, room.documentName)).length).toBe(rowsBefore)
    const remote = new Awareness(new Y.Doc())
    remote.setLocalState({ name: 'far away' })
    room.applyRemoteAwareness(encodeAwarenessUpdate(remote, [remote.clientID]))
    expect(room.awareness.getStates().get(remote.clientID)).toEqual({ name: 'far away' })
    expect(seen).toContain('elsewhere')
    expect(seen).toContain('awareness-elsewhere')
    expect(seen.filter((s) => s === 'now' || s === 'batch').length).toBe(1)
    expect(seen).not.toContain('awareness')
    remote.destroy()
  })
})
