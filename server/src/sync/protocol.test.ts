import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { closeCodes } from '../closeCodes'
import { facilitatorsOnlyReason, viewOnlyReason } from '../permissions/documentPolicies'
import { awarenessFrame, smallUpdate, syncStep1Frame, updateFrame } from '../testing/frames'
import { contentOf, facilitationOf, type SyncHarness, startSyncHarness } from '../testing/syncHarness'
import { messageAuth, messageAwareness, messageQueryAwareness, messageSync } from './messages'
import { handleMessage } from './protocol'

// The message switch against a real room, on in-memory sockets: what is applied, refused or closed,
// and what the sender is told. The same over real sockets, fuzzed: hostileInput.test.ts, badInput.test.ts.

let harness: SyncHarness
afterEach(() => harness?.stop())

async function setup(options: Parameters<typeof startSyncHarness>[0] = {}, document = contentOf) {
  harness = await startSyncHarness(options)
  return harness.open(document)
}

const metric = async (name: string) =>
  (await harness.metrics.registry.getSingleMetricAsString(name)).split('\n')

describe('handleMessage', () => {
  it('applies an update from a writer and counts it', async () => {
    const room = await setup()
    const { conn, socket } = harness.connect()
    room.addConnection(conn)
    handleMessage(room, conn, updateFrame(smallUpdate('k', 'v')))
    expect(room.doc.getMap('m').get('k')).toBe('v')
    expect(socket.closedWith).toBeUndefined()
    expect((await metric('journeyboard_updates_received_total')).at(-1)).toMatch(/ 1$/)
  })

  it.each([
    ['a view link on the content', 'view', contentOf, viewOnlyReason],
    ['an editor on the facilitation document', 'edit', facilitationOf, facilitatorsOnlyReason],
  ] as const)(
    'drops a write from %s, says why with permission-denied, and stays open',
    async (_what, role, document, reason) => {
      const room = await setup({}, document)
      const { conn, socket } = harness.connect(role, { document })
      room.addConnection(conn)
      handleMessage(room, conn, updateFrame(smallUpdate('k', 'v')))
      // A sync step 2 carries an update as well.
      const step2 = encoding.createEncoder()
      encoding.writeVarUint(step2, messageSync)
      encoding.writeVarUint(step2, syncProtocol.messageYjsSyncStep2)
      encoding.writeVarUint8Array(step2, smallUpdate('k2', 'v'))
      handleMessage(room, conn, encoding.toUint8Array(step2))
      expect(room.doc.getMap('m').size).toBe(0)
      expect(socket.permissionDenied()).toEqual([reason, reason])
      expect(socket.closedWith).toBeUndefined()
      expect((await metric('journeyboard_rejected_messages_total')).join('\n')).toMatch(
        /reason="read-only"\} 2/,
      )
    },
  )

  it('lets a facilitator write the facilitation document', async () => {
    const room = await setup({}, facilitationOf)
    const { conn, socket } = harness.connect('facilitate', { document: facilitationOf })
    room.addConnection(conn)
    handleMessage(room, conn, updateFrame(smallUpdate('timer', 300)))
    expect(room.doc.getMap('m').get('timer')).toBe(300)
    expect(socket.permissionDenied()).toEqual([])
  })

  it.each([
    ['an unknown message type', [9]],
    ['an unknown sync message type', [messageSync, 7, 0]],
    ['a truncated sync message', [messageSync, syncProtocol.messageYjsUpdate, 5, 1]],
    ['trailing bytes after an update', [...updateFrame(smallUpdate()), 0]],
    ['an empty frame', []],
    ['a malformed state vector', [messageSync, syncProtocol.messageYjsSyncStep1, 2, 255, 255]],
    ['a query-awareness with trailing bytes', [messageQueryAwareness, 1]],
    ['a malformed awareness update', [messageAwareness, 3, 1, 2, 3]],
  ])('closes the socket with 4400 on %s', async (_what, bytes) => {
    const room = await setup()
    const { conn, socket } = harness.connect()
    room.addConnection(conn)
    handleMessage(room, conn, new Uint8Array(bytes))
    expect(socket.closedWith?.code).toBe(closeCodes.malformedMessage)
  })

  it('closes with 4422 on a well-formed message carrying an update Yjs cannot decode', async () => {
    const room = await setup()
    const { conn, socket } = harness.connect()
    room.addConnection(conn)
    handleMessage(room, conn, updateFrame(new Uint8Array([200, 200, 200])))
    expect(socket.closedWith?.code).toBe(closeCodes.invalidUpdate)
  })

  it('closes with 4529 past the update burst', async () => {
    const room = await setup({ config: { maxUpdatesPerSecond: 1, updateBurst: 3 } })
    const { conn, socket } = harness.connect()
    room.addConnection(conn)
    for (let i = 0; i < 3; i++) handleMessage(room, conn, syncStep1Frame())
    expect(socket.closedWith).toBeUndefined()
    handleMessage(room, conn, syncStep1Frame())
    expect(socket.closedWith?.code).toBe(closeCodes.rateLimited)
  })

  it('answers a query for awareness with every known state', async () => {
    const room = await setup()
    const [a, b] = [harness.connect(), harness.connect('view')]
    room.addConnection(a.conn)
    room.addConnection(b.conn)
    handleMessage(room, a.conn, awarenessFrame([{ clientID: 77, clock: 1, state: { user: 'a' } }]))
    const before = b.socket.awarenessMessages().length
    handleMessage(room, b.conn, new Uint8Array([messageQueryAwareness]))
    expect(b.socket.awarenessMessages().length).toBe(before + 1)
  })

  it('answers sync step 1 with sync step 2 of the stored state', async () => {
    const room = await setup()
    const { conn, socket } = harness.connect('view')
    room.addConnection(conn)
    handleMessage(room, conn, syncStep1Frame(Y.encodeStateVector(new Y.Doc())))
    expect(socket.syncMessages().map(([type]) => type)).toEqual([syncProtocol.messageYjsSyncStep2])
    expect(socket.receivedDoc().getMap('meta').get('title')).toBe('Harness board')
    expect(socket.sent.every((m) => m[0] !== messageAuth)).toBe(true)
  })
})
