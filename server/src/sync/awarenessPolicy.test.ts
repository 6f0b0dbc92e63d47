import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { awarenessFrame } from '../testing/frames'
import { closeEvent, openRawSocket } from '../testing/rawSocket'
import { testScope } from '../testing/testScope'
import {
  type CreatedBoard,
  createBoard,
  synced,
  type TestClient,
  type TestServer,
  waitFor,
} from '../testing/testServer'

/*
 * Presence policing over real sockets: a socket changes only the awareness ids it announced first,
 * and huge, crowded or very frequent awareness messages are cut down before anyone else sees them.
 */

const scope = testScope()
const { cleanups } = scope

let t: TestServer
let board: CreatedBoard
let alice: TestClient
let watcher: TestClient

async function setup(config: Parameters<typeof scope.start>[0] = {}) {
  t = await scope.start(config)
  board = await createBoard(t.httpUrl)
  alice = scope.client(t, board.id, board.editToken)
  watcher = scope.client(t, board.id, board.viewToken)
  await Promise.all([synced(alice), synced(watcher)])
  alice.provider.awareness.setLocalState({ user: 'alice' })
  await waitFor(() => seen(alice.doc.clientID)?.user === 'alice', 'the watcher to see alice')
}

const seen = (clientID: number) =>
  watcher.provider.awareness.getStates().get(clientID) as Record<string, unknown> | undefined

async function mallory(): Promise<WebSocket> {
  const ws = await openRawSocket(t.wsUrl, board.id, board.editToken)
  cleanups.push(() => ws.terminate())
  return ws
}

/**
 * Waits until the server has handled every awareness message alice and the watcher sent so far: each
 * sets a marker last, and a socket's messages are handled in order.
 */
async function awarenessBarrier() {
  const marker = Math.random()
  alice.provider.awareness.setLocalStateField('barrier', marker)
  watcher.provider.awareness.setLocalStateField('barrier', marker)
  await waitFor(
    () =>
      seen(alice.doc.clientID)?.barrier === marker &&
      alice.provider.awareness.getStates().get(watcher.doc.clientID)?.barrier === marker,
    'both markers',
  )
}

/** Waits until the server has handled everything `ws` sent so far: a new state of its own entry 10000, sent last. */
async function ownEntryBarrier(ws: WebSocket, clock: number) {
  ws.send(awarenessFrame([{ clientID: 10_000, clock, state: { barrier: clock } }]))
  await waitFor(() => seen(10_000)?.barrier === clock, "mallory's marker")
}

const droppedReasons = () =>
  t.logs.filter((l) => l.msg === 'dropped awareness entries').flatMap((l) => l.reasons as string[])

describe('awareness ownership', () => {
  it("drops another socket's attempt to change or remove someone's presence", async () => {
    await setup()
    const ws = await mallory()
    const id = alice.doc.clientID
    ws.send(awarenessFrame([{ clientID: id, clock: 1_000, state: { user: 'mallory' } }]))
    ws.send(awarenessFrame([{ clientID: id, clock: 1_001, state: null }]))
    ws.send(awarenessFrame([{ clientID: 4242, clock: 1, state: { user: 'mallory' } }]))
    await waitFor(() => seen(4242)?.user === 'mallory', "mallory's own presence to arrive")
    expect(seen(id)).toEqual({ user: 'alice' })
    expect(droppedReasons()).toContain('awareness-foreign-client')
    expect(t.logs.find((l) => l.msg === 'dropped awareness entries')?.connId).toMatch(/^c_/)

    // Alice keeps control of her own entry.
    alice.provider.awareness.setLocalState({ user: 'alice', cursor: 1 })
    await waitFor(() => seen(id)?.cursor === 1, "alice's own update")
  })

  it("removes a socket's entries when it closes and lets its id be claimed again", async () => {
    await setup()
    const first = await mallory()
    first.send(awarenessFrame([{ clientID: 777, clock: 1, state: { user: 'reconnecting' } }]))
    await waitFor(() => seen(777) !== undefined, 'the entry')
    first.close()
    await waitFor(() => seen(777) === undefined, 'the entry to go with its socket')
    expect(seen(alice.doc.clientID)).toEqual({ user: 'alice' })

    const second = await mallory()
    second.send(awarenessFrame([{ clientID: 777, clock: 5, state: { user: 'back' } }]))
    await waitFor(() => seen(777)?.user === 'back', 'the same id from a new socket')
  })

  it("frees a dead socket's presence id as soon as its reconnected client announces it", async () => {
    await setup({ config: { awarenessProbeTimeoutMs: 200 } })
    // A socket that never answers pings: a laptop whose Wi-Fi dropped without a close.
    const dead = await openRawSocket(t.wsUrl, board.id, board.editToken, { autoPong: false })
    cleanups.push(() => dead.terminate())
    dead.send(awarenessFrame([{ clientID: 888, clock: 1, state: { user: 'bob' } }]))
    await waitFor(() => seen(888)?.user === 'bob', "bob's presence")

    const back = await mallory()
    const deadClosed = closeEvent(dead)
    back.send(awarenessFrame([{ clientID: 888, clock: 2, state: { user: 'bob', cursor: 1 } }]))
    await waitFor(
      () => t.logs.some((l) => l.msg === 'no pong to a liveness probe; terminating the stale socket'),
      'the probe to fail',
    )
    // Once the server has dropped the dead socket (and with it bob's old entry), bob's next state is his.
    await deadClosed
    await waitFor(() => seen(888) === undefined, "bob's stale entry to be removed")
    back.send(awarenessFrame([{ clientID: 888, clock: 4, state: { user: 'bob', cursor: 2 } }]))
    await waitFor(() => seen(888)?.cursor === 2, "bob's presence from his new socket")
  })

  it("keeps a live owner's presence id when another socket announces it", async () => {
    await setup({ config: { awarenessProbeTimeoutMs: 200 } })
    const ws = await mallory()
    ws.send(awarenessFrame([{ clientID: alice.doc.clientID, clock: 1_000, state: { user: 'mallory' } }]))
    // The probe's timer is cleared by alice's pong: from then on nothing can terminate her socket for it.
    await waitFor(
      () => t.logs.some((l) => l.msg === 'liveness probe answered; the socket keeps its presence ids'),
      'alice to answer the probe',
    )
    expect(droppedReasons()).toContain('awareness-foreign-client')
    expect(alice.provider.wsconnected).toBe(true)
    expect(seen(alice.doc.clientID)).toEqual({ user: 'alice' })
    expect(t.logs.some((l) => l.msg === 'no pong to a liveness probe; terminating the stale socket')).toBe(
      false,
    )
  })

  it('ignores, without logging, the echoes the stock client sends back', async () => {
    await setup()
    for (let i = 0; i < 5; i++) alice.provider.awareness.setLocalState({ user: 'alice', cursor: i })
    await waitFor(() => seen(alice.doc.clientID)?.cursor === 4, 'the updates')
    await awarenessBarrier()
    expect(droppedReasons()).toEqual([])
  })
})

describe('awareness caps', () => {
  it('relays at most maxAwarenessEntries of a 20,000-entry frame', async () => {
    await setup()
    const ws = await mallory()
    const entries = Array.from({ length: 20_000 }, (_, i) => ({ clientID: 10_000 + i, clock: 1, state: {} }))
    ws.send(awarenessFrame(entries))
    await waitFor(() => seen(10_000) !== undefined, 'the first entries')
    await ownEntryBarrier(ws, 2)
    // the watcher itself, alice, and at most 20 from mallory
    expect(watcher.provider.awareness.getStates().size).toBe(2 + 20)
    expect(droppedReasons()).toContain('awareness-too-many-entries')

    // Nor can the socket claim 20 more ids with a second message.
    ws.send(awarenessFrame([{ clientID: 99_999, clock: 1, state: {} }]))
    await ownEntryBarrier(ws, 3)
    expect(seen(99_999)).toBeUndefined()
  })

  it('drops a state larger than maxAwarenessStateBytes', async () => {
    await setup()
    const ws = await mallory()
    ws.send(awarenessFrame([{ clientID: 5150, clock: 1, state: { blob: 'x'.repeat(100 * 1024) } }]))
    ws.send(awarenessFrame([{ clientID: 5151, clock: 1, state: { small: true } }]))
    await waitFor(() => seen(5151) !== undefined, 'the small state')
    expect(seen(5150)).toBeUndefined()
    expect(droppedReasons()).toContain('awareness-state-too-large')
  })

  it('coalesces more than maxAwarenessPerSecond messages, ending on the latest state', async () => {
    await setup({ config: { maxAwarenessPerSecond: 10 } })
    const ws = await mallory()
    let relayed = 0
    watcher.provider.awareness.on('update', ({ updated, added }: { updated: number[]; added: number[] }) => {
      if ([...updated, ...added].includes(31337)) relayed++
    })
    for (let n = 1; n <= 100; n++) ws.send(awarenessFrame([{ clientID: 31337, clock: n, state: { n } }]))
    await waitFor(() => seen(31337)?.n === 100, 'the latest state to arrive')
    expect(relayed).toBeLessThanOrEqual(12)
    expect(ws.readyState).toBe(ws.OPEN) // throttled, not closed
  })
})
