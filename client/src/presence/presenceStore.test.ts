import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import { PresencePublisher } from './presencePublisher'
import { type FlushScheduler, PRESENCE_FLUSH_MS, PresenceStore } from './presenceStore'
import type { Clock } from './throttle'

const awarenesses: Awareness[] = []
afterEach(() => {
  for (const a of awarenesses.splice(0)) a.destroy()
})

function peer(): Awareness {
  const awareness = new Awareness(new Y.Doc())
  awarenesses.push(awareness)
  return awareness
}

/** Delivers `from`'s local state to `to`, as the server would relay it. */
const relay = (from: Awareness, to: Awareness) =>
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'remote')

function manualClock() {
  let now = 0
  const timers = new Map<number, { at: number; run: () => void }>()
  let next = 1
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.set(next, { at: now + ms, run })
      return next++
    },
    clearTimeout: (id) => void timers.delete(id as number),
  }
  const advance = (ms: number) => {
    now += ms
    for (const [id, t] of [...timers]) if (t.at <= now && timers.delete(id)) t.run()
  }
  return { clock, advance }
}

/** Flushes that run only when the test says so. */
function manualFlushes() {
  let pending: (() => void)[] = []
  const schedule: FlushScheduler = (run) => {
    pending.push(run)
    return () => {
      pending = pending.filter((r) => r !== run)
    }
  }
  const runFlush = () => {
    const due = pending
    pending = []
    for (const run of due) run()
  }
  return { schedule, runFlush, pending: () => pending.length }
}

const ada = { id: 'ada', name: 'Ada', color: '#dc2626' }

describe('PresenceStore', () => {
  it('applies what arrives every PRESENCE_FLUSH_MS by default, not on the next frame', () => {
    vi.useFakeTimers()
    try {
      const me = peer()
      const other = peer()
      const store = new PresenceStore(me)
      const moves: number[] = []
      store.onCursorMove(() => moves.push(Date.now()))
      other.setLocalState({ user: ada, cursor: { x: 1, y: 2 } })
      relay(other, me)
      vi.advanceTimersByTime(PRESENCE_FLUSH_MS - 1)
      expect(store.peers.getSnapshot()).toHaveLength(0)
      other.setLocalState({ user: ada, cursor: { x: 3, y: 4 } })
      relay(other, me)
      vi.advanceTimersByTime(1)
      // Both messages, applied together: the latest position, one notification.
      expect(store.peers.getSnapshot()).toHaveLength(1)
      expect(store.cursorTarget(other.clientID)).toEqual({ x: 3, y: 4 })
      expect(moves).toHaveLength(1)
      store.destroy()
    } finally {
      vi.useRealTimers()
    }
  })

  it('lists valid remote peers, never myself, and skips garbage', () => {
    const me = peer()
    const other = peer()
    const junk = peer()
    me.setLocalState({ user: { id: 'me', name: 'Me', color: '#0f766e' } })
    const { schedule, runFlush } = manualFlushes()
    const store = new PresenceStore(me, undefined, undefined, schedule)
    other.setLocalState({
      user: ada,
      cursor: { x: 1, y: 2 },
      selection: ['note:a'],
      editing: null,
      view: null,
    })
    junk.setLocalState({ user: { name: '<img onerror>' }, cursor: 'everywhere' })
    relay(other, me)
    relay(junk, me)
    runFlush()
    const peers = store.peers.getSnapshot()
    expect(peers).toHaveLength(1)
    expect(peers[0]).toMatchObject({
      clientId: other.clientID,
      user: ada,
      selection: ['note:a'],
      cursorShown: true,
    })
    store.destroy()
  })

  it('changes the peers snapshot for a new selection but not for cursor motion', () => {
    const me = peer()
    const other = peer()
    const { schedule, runFlush } = manualFlushes()
    const store = new PresenceStore(me, undefined, undefined, schedule)
    let peerChanges = 0
    let cursorMoves = 0
    store.peers.subscribe(() => peerChanges++)
    store.onCursorMove(() => cursorMoves++)
    other.setLocalState({ user: ada, cursor: { x: 0, y: 0 } })
    relay(other, me)
    runFlush()
    const before = store.peers.getSnapshot()
    for (let i = 1; i <= 5; i++) {
      other.setLocalState({ user: ada, cursor: { x: i * 10, y: 0 } })
      relay(other, me)
      runFlush()
    }
    expect(store.peers.getSnapshot()).toBe(before)
    expect(peerChanges).toBe(1)
    expect(cursorMoves).toBe(6)
    expect(store.cursorTarget(other.clientID)).toEqual({ x: 50, y: 0 })
    other.setLocalState({ user: ada, cursor: { x: 50, y: 0 }, selection: ['note:b'] })
    relay(other, me)
    runFlush()
    expect(peerChanges).toBe(2)
    store.destroy()
  })

  it('reads awareness once per flush, however many messages arrive before it', () => {
    const me = peer()
    const people = [peer(), peer(), peer()]
    const { schedule, runFlush, pending } = manualFlushes()
    const store = new PresenceStore(me, undefined, undefined, schedule)
    let peerChanges = 0
    let cursorMoves = 0
    store.peers.subscribe(() => peerChanges++)
    store.onCursorMove(() => cursorMoves++)
    for (const [i, person] of people.entries()) {
      person.setLocalState({ user: { ...ada, id: `p${i}` }, cursor: { x: 0, y: 0 } })
      relay(person, me)
    }
    for (let step = 1; step <= 10; step++) {
      for (const person of people) {
        person.setLocalStateField('cursor', { x: step, y: step })
        relay(person, me)
      }
    }
    // Nothing is read until the flush; then the latest state of each person, once.
    expect(store.peers.getSnapshot()).toHaveLength(0)
    expect(pending()).toBe(1)
    runFlush()
    expect(store.peers.getSnapshot()).toHaveLength(3)
    expect(peerChanges).toBe(1)
    expect(cursorMoves).toBe(1)
    for (const person of people) expect(store.cursorTarget(person.clientID)).toEqual({ x: 10, y: 10 })
    // A flush with no change does nothing.
    runFlush()
    expect(cursorMoves).toBe(1)
    store.destroy()
  })

  it('hides a cursor idle for 10 s and shows it again when it moves', () => {
    const { clock, advance } = manualClock()
    const me = peer()
    const other = peer()
    const { schedule, runFlush } = manualFlushes()
    const store = new PresenceStore(me, clock, 10_000, schedule)
    other.setLocalState({ user: ada, cursor: { x: 5, y: 5 } })
    relay(other, me)
    runFlush()
    advance(5_000)
    // A move pushes the deadline back: hidden 10 s after the last move, not the first.
    other.setLocalState({ user: ada, cursor: { x: 5, y: 6 } })
    relay(other, me)
    runFlush()
    advance(9_000)
    expect(store.peers.getSnapshot()[0]?.cursorShown).toBe(true)
    advance(1_000)
    expect(store.peers.getSnapshot()[0]?.cursorShown).toBe(false)
    expect(store.cursorTarget(other.clientID)).toBeNull()
    other.setLocalState({ user: ada, cursor: { x: 6, y: 5 } })
    relay(other, me)
    runFlush()
    expect(store.peers.getSnapshot()[0]?.cursorShown).toBe(true)
    store.destroy()
  })

  it('drops a peer who leaves', () => {
    const me = peer()
    const other = peer()
    const { schedule, runFlush } = manualFlushes()
    const store = new PresenceStore(me, undefined, undefined, schedule)
    other.setLocalState({ user: ada })
    relay(other, me)
    runFlush()
    expect(store.peers.getSnapshot()).toHaveLength(1)
    removeAwarenessStates(me, [other.clientID], 'connection closed')
    runFlush()
    expect(store.peers.getSnapshot()).toHaveLength(0)
    store.destroy()
  })
})

describe('PresencePublisher', () => {
  it('sends nothing before a name, then at most one update per interval, none when unchanged', () => {
    const { clock, advance } = manualClock()
    const sent: unknown[] = []
    const publisher = new PresencePublisher({ setLocalState: (s) => void sent.push(s) }, clock, 50)
    publisher.setCursor({ x: 1, y: 1 })
    advance(100)
    expect(sent).toHaveLength(0)
    publisher.setUser(ada)
    expect(sent).toHaveLength(1)
    for (let i = 0; i < 100; i++) {
      publisher.setCursor({ x: i, y: 0 })
      advance(5) // 200 pointer events a second for half a second
    }
    advance(50)
    expect(sent.length).toBeGreaterThanOrEqual(10)
    expect(sent.length).toBeLessThanOrEqual(12)
    expect(sent.at(-1)).toMatchObject({ cursor: { x: 99, y: 0 } })
    const count = sent.length
    publisher.setCursor({ x: 99.01, y: 0 }) // rounds to the same tenth
    publisher.setSelection([])
    advance(200)
    expect(sent).toHaveLength(count)
    publisher.destroy()
  })
})
