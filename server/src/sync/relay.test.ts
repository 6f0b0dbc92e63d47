import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { startSyncHarness } from '../testing/syncHarness'
import type { Connection } from './connection'
import { LocalRelay } from './relay'

// Who gets what: the relay of one batch merged for everyone but its authors, an author's repeated edits
// never merged with each other, and nothing after close.

/** An update setting `m[key]` from a fresh client. */
const set = (key: string) => {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, true)
  return Y.encodeStateAsUpdate(doc)
}

/** The keys of map `m` in each update message a socket received. */
const keysPerMessage = (sent: Uint8Array[]) =>
  sent.map((m) => {
    const decoder = decoding.createDecoder(m)
    decoding.readVarUint(decoder)
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsUpdate)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
    return [...doc.getMap('m').keys()].sort()
  })

async function setup() {
  const harness = await startSyncHarness()
  const [a, b, c] = [harness.connect(), harness.connect(), harness.connect('view')]
  const connections = new Set<Connection>([a.conn, b.conn, c.conn])
  return { relay: new LocalRelay(connections), a, b, c, stop: harness.stop }
}

describe('LocalRelay', () => {
  it('merges a batch for everyone but its authors, starting a new message where an author repeats', async () => {
    const { relay, a, b, c, stop } = await setup()
    relay.storedInBatch(set('a1'), a.conn)
    relay.storedInBatch(set('b1'), b.conn)
    relay.storedInBatch(set('a2'), a.conn)
    expect(c.socket.sent).toEqual([]) // sent once the batch's relays have all been handed over
    await Promise.resolve()
    expect(keysPerMessage(c.socket.sent)).toEqual([['a1', 'b1'], ['a2']])
    expect(keysPerMessage(a.socket.sent)).toEqual([['b1']])
    expect(keysPerMessage(b.socket.sent)).toEqual([['a1'], ['a2']])
    await stop()
  })

  it('relays an update stored now at once, to everyone but its author', async () => {
    const { relay, a, b, c, stop } = await setup()
    relay.storedNow(set('now'), b.conn)
    expect(keysPerMessage(a.socket.sent)).toEqual([['now']])
    expect(keysPerMessage(c.socket.sent)).toEqual([['now']])
    expect(b.socket.sent).toEqual([])
    await stop()
  })

  it('drops what is waiting when closed', async () => {
    const { relay, a, c, stop } = await setup()
    relay.storedInBatch(set('late'), a.conn)
    relay.close()
    await Promise.resolve()
    expect(c.socket.sent).toEqual([])
    await stop()
  })
})
