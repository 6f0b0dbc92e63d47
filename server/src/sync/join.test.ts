import { afterEach, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import { closeCodes } from '../closeCodes'
import { newConnectionId } from '../log'
import type { Access } from '../permissions/access'
import { viewOnlyReason } from '../permissions/documentPolicies'
import { createMemoryStore } from '../storage/memoryStore'
import { waitFor } from '../testing/clients'
import { smallUpdate, syncStep1Frame, updateFrame } from '../testing/frames'
import { MemorySocket } from '../testing/memorySocket'
import { slowStore } from '../testing/slowStore'
import { contentOf, type SyncHarness, startSyncHarness } from '../testing/syncHarness'
import { join } from './join'

// One socket's life without a network: frames before its room has loaded, the loading buffer's cap,
// text frames, the heartbeat, leaving early, and the rights its access gives.

let harness: SyncHarness
afterEach(() => harness?.stop())

const edit: Access = { role: 'edit', participant: undefined }
const view: Access = { role: 'view', participant: undefined }

function joined(access: Access = edit) {
  const socket = new MemorySocket()
  const events = join(harness, socket, {
    boardId: harness.boardId,
    document: contentOf,
    access,
    connId: newConnectionId(),
    tokenHash: new Uint8Array(32),
  })
  return { socket, events }
}

describe('join', () => {
  it('keeps frames that arrive while the board loads and handles them in order once it has', async () => {
    const store = slowStore(createMemoryStore(), { loadUpdates: 30 })
    harness = await startSyncHarness({ store })
    const { socket, events } = joined()
    events.binaryMessage(updateFrame(smallUpdate('early', 1)))
    events.binaryMessage(syncStep1Frame())
    expect(socket.sent).toEqual([])
    await waitFor(() => socket.syncMessages().length >= 2, 'the join and the reply')
    // Sync step 1 of the server (asking the writer), then the reply to the client's: it holds the early edit.
    expect(socket.syncMessages().map(([type]) => type)).toEqual([
      syncProtocol.messageYjsSyncStep1,
      syncProtocol.messageYjsSyncStep2,
    ])
    expect(socket.receivedDoc().getMap('m').get('early')).toBe(1)
    events.close(1000)
  })

  it('closes with 1013 a socket that sends more than maxLoadingBufferBytes while the board loads', async () => {
    const store = slowStore(createMemoryStore(), { loadUpdates: 30 })
    harness = await startSyncHarness({ store, config: { maxLoadingBufferBytes: 1000 } })
    const { socket, events } = joined()
    events.binaryMessage(updateFrame(smallUpdate('big', 'x'.repeat(1200))))
    expect(socket.closedWith?.code).toBe(closeCodes.tryAgainLater)
    events.close(closeCodes.tryAgainLater)
  })

  it('copies an early frame: the transport may reuse its buffer', async () => {
    const store = slowStore(createMemoryStore(), { loadUpdates: 30 })
    harness = await startSyncHarness({ store })
    const { socket, events } = joined()
    const frame = updateFrame(smallUpdate('copied', 1))
    events.binaryMessage(frame)
    frame.fill(0) // what a reused receive buffer would do
    await waitFor(() => socket.syncMessages().length >= 1, 'the join')
    events.binaryMessage(syncStep1Frame())
    await waitFor(() => socket.receivedDoc().getMap('m').get('copied') === 1, 'the early edit applied')
    expect(socket.closedWith).toBeUndefined()
    events.close(1000)
  })

  it('closes a text frame with 1003', async () => {
    harness = await startSyncHarness()
    const { socket, events } = joined()
    events.textMessage(5)
    expect(socket.closedWith?.code).toBe(closeCodes.unsupportedData)
    events.close(closeCodes.unsupportedData)
  })

  it('pings every pingIntervalMs and terminates a socket that did not answer the last ping', async () => {
    harness = await startSyncHarness({ config: { pingIntervalMs: 20 } })
    const live = joined()
    const dead = joined()
    await waitFor(() => live.socket.pings >= 1 && dead.socket.pings >= 1, 'the first pings')
    const answer = setInterval(() => live.events.pong(), 5)
    await waitFor(() => dead.socket.terminated, 'the silent socket to be terminated')
    await waitFor(() => live.socket.pings >= 3, 'more pings')
    clearInterval(answer)
    expect(live.socket.terminated).toBe(false)
    live.events.close(1000)
    dead.events.close(1006)
  })

  it('does not join a socket that left while its board loaded', async () => {
    const store = slowStore(createMemoryStore(), { loadUpdates: 30 })
    harness = await startSyncHarness({ store })
    const { socket, events } = joined()
    events.close(1001)
    const opened = await harness.rooms.open(harness.boardId, contentOf)
    expect(opened.ok && opened.room.connections.size).toBe(0)
    expect(socket.sent).toEqual([])
  })

  it('gives a view link no write: its update is refused with permission-denied, the socket stays', async () => {
    harness = await startSyncHarness()
    const { socket, events } = joined(view)
    await waitFor(async () => {
      const opened = await harness.rooms.open(harness.boardId, contentOf)
      return opened.ok && opened.room.connections.size === 1
    }, 'the join')
    events.binaryMessage(updateFrame(smallUpdate('nope', 1)))
    expect(socket.permissionDenied()).toEqual([viewOnlyReason])
    expect(socket.closedWith).toBeUndefined()
    const rows = await harness.store.loadUpdates(harness.boardId, 'content')
    expect(rows).toHaveLength(1) // the template only
    events.close(1000)
  })

  it('counts a frame over the size limit the transport reported', async () => {
    harness = await startSyncHarness()
    const { events } = joined()
    events.error({
      code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH',
      message: 'Max payload size exceeded',
      frameTooBig: true,
    })
    const text = await harness.metrics.registry.getSingleMetricAsString(
      'journeyboard_rejected_messages_total',
    )
    expect(text).toMatch(/reason="frame-too-big"\} 1/)
    events.close(closeCodes.messageTooBig)
  })
})
