import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { closeCodes } from './closeCodes'
import { messageAwareness, messageSync } from './sync/messages'
import { closeEvent, openRawSocket } from './testing/rawSocket'
import {
  type CreatedBoard,
  connectClient,
  createBoard,
  startTestServer,
  storedDoc,
  synced,
  type TestClient,
  type TestServer,
  waitFor,
} from './testing/testServer'

/*
 * Each kind of bad input closes only the offending socket, with its documented code and a log line;
 * the board, its other connections and other boards carry on, and nothing bad is stored.
 */

const maxMessageBytes = 4096

const frame = (...parts: ((e: encoding.Encoder) => void)[]) => {
  const e = encoding.createEncoder()
  for (const part of parts) part(e)
  return encoding.toUint8Array(e)
}
const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n)
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b)
const raw = (b: Uint8Array | number[]) => (e: encoding.Encoder) =>
  encoding.writeUint8Array(e, new Uint8Array(b))

function validUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set('key', 'a value long enough to cut in half')
  return Y.encodeStateAsUpdate(doc)
}

const cases: { name: string; send: string | Uint8Array; code: number }[] = [
  { name: 'a text frame', send: 'hello', code: closeCodes.unsupportedData },
  {
    name: 'a frame over maxMessageBytes',
    send: new Uint8Array(maxMessageBytes + 1),
    code: closeCodes.messageTooBig,
  },
  { name: 'an empty frame', send: new Uint8Array(0), code: closeCodes.malformedMessage },
  { name: 'an unknown message type', send: frame(uint(7)), code: closeCodes.malformedMessage },
  {
    name: 'a sync message without a sync type',
    send: frame(uint(messageSync)),
    code: closeCodes.malformedMessage,
  },
  {
    name: 'an unknown sync type',
    send: frame(uint(messageSync), uint(9), bytes(new Uint8Array())),
    code: 4400,
  },
  {
    name: 'a truncated sync step 1',
    send: frame(uint(messageSync), uint(syncProtocol.messageYjsSyncStep1), uint(50), raw([1, 2])),
    code: closeCodes.malformedMessage,
  },
  {
    name: 'trailing bytes after an update',
    send: frame(uint(messageSync), uint(syncProtocol.messageYjsUpdate), bytes(validUpdate()), raw([0])),
    code: closeCodes.malformedMessage,
  },
  {
    name: 'a malformed awareness update',
    send: frame(uint(messageAwareness), bytes(new Uint8Array([5, 1, 2]))),
    code: closeCodes.malformedMessage,
  },
  {
    name: 'a truncated Yjs update',
    send: frame(uint(messageSync), uint(syncProtocol.messageYjsUpdate), bytes(validUpdate().slice(0, 12))),
    code: closeCodes.invalidUpdate,
  },
  {
    name: 'garbage as a Yjs update in sync step 2',
    send: frame(
      uint(messageSync),
      uint(syncProtocol.messageYjsSyncStep2),
      bytes(new Uint8Array([3, 250, 250, 250])),
    ),
    code: closeCodes.invalidUpdate,
  },
]

describe('bad input from one socket', () => {
  let t: TestServer
  let boardX: CreatedBoard
  let boardY: CreatedBoard
  let clients: TestClient[]

  beforeEach(async () => {
    t = await startTestServer({ config: { maxMessageBytes } })
    boardX = await createBoard(t.httpUrl, { title: 'Board X' })
    boardY = await createBoard(t.httpUrl, { title: 'Board Y' })
    clients = [
      connectClient(t, boardX.id, boardX.editToken),
      connectClient(t, boardX.id, boardX.editToken),
      connectClient(t, boardY.id, boardY.editToken),
    ]
    await Promise.all(clients.map(synced))
  })
  afterEach(async () => {
    for (const c of clients) c.destroy()
    await t.stop()
  })

  it.each(cases)('$name closes that socket only, with $code', async ({ send, code }) => {
    const [a, b, c] = clients as [TestClient, TestClient, TestClient]
    a.doc.getText('before').insert(0, 'good data')
    await waitFor(() => b.doc.getText('before').length > 0, 'good edit relayed')

    const bad = await openRawSocket(t.wsUrl, boardX.id, boardX.editToken)
    const closed = closeEvent(bad)
    bad.send(send)
    expect((await closed).code).toBe(code)
    await waitFor(
      () => t.logs.some((l) => typeof l.connId === 'string' && (l.closeCode === code || l.errorCode)),
      'a log line with the connection id',
    )

    // Same board, other connections: still live.
    a.doc.getText('after').insert(0, 'still works')
    await waitFor(() => b.doc.getText('after').toString() === 'still works', 'B to get the edit after')
    // Other board: still live.
    c.doc.getText('y').insert(0, 'board Y fine')
    await waitFor(
      async () => (await storedDoc(t.store, boardY.id)).getText('y').toString() === 'board Y fine',
      'board Y write',
    )
    // A fresh client gets all the good data.
    const fresh = connectClient(t, boardX.id, boardX.viewToken)
    clients.push(fresh)
    await synced(fresh)
    expect(fresh.doc.getText('before').toString()).toBe('good data')
    expect(fresh.doc.getText('after').toString()).toBe('still works')
    expect(fresh.doc.getMap('meta').get('title')).toBe('Board X')
    expect(a.closeCodes).toEqual([])
  })

  it('logs the connection id and reason when it closes a socket', async () => {
    const bad = await openRawSocket(t.wsUrl, boardX.id, boardX.editToken)
    const closed = closeEvent(bad)
    bad.send(frame(uint(42)))
    await closed
    const line = t.logs.find((l) => l.closeCode === closeCodes.malformedMessage)
    expect(line).toMatchObject({ boardId: boardX.id, reason: 'unknown message type 42' })
    expect(line?.connId).toMatch(/^c_/)
  })

  it('terminates a socket that stops answering pings', async () => {
    await t.stop()
    t = await startTestServer({ config: { pingIntervalMs: 50 } })
    const board = await createBoard(t.httpUrl)
    const { WebSocket } = await import('ws')
    const silent = new WebSocket(`${t.wsUrl}/${board.id}?token=${board.editToken}`, { autoPong: false })
    const closed = closeEvent(silent)
    expect((await closed).code).toBe(1006)
    expect(t.logs.some((l) => l.msg === 'no pong since the last ping; terminating socket')).toBe(true)
  })
})
