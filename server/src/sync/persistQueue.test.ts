import { describe, expect, it } from 'vitest'
import { createLogger } from '../log'
import type { BoardStore } from '../storage/BoardStore'
import { createMemoryStore } from '../storage/memoryStore'
import { PersistQueue, type PersistTarget } from './persistQueue'

/** The queue's ordering promises, checked without sockets. */

const silent = createLogger({ level: 'silent' })
const tick = () => new Promise((resolve) => setImmediate(resolve))

/** After `gate()`, every append is held until the test calls `release()`. */
function setup(failFor: (boardId: string) => boolean = () => false) {
  const inner = createMemoryStore()
  const events: string[] = []
  let appendCalls = 0
  let inFlight = 0
  let maxInFlight = 0
  const gates: (() => void)[] = []
  let gated = false
  const store: BoardStore = {
    ...inner,
    appendUpdatesNow: undefined, // answers later, like a network store: the queued path
    async appendUpdates(batch) {
      appendCalls++
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      events.push(`write ${batch.map((b) => b.boardId).join(',')}`)
      try {
        if (gated) await new Promise<void>((resolve) => gates.push(resolve))
        if (batch.some((b) => failFor(b.boardId))) throw new Error('disk full')
        const seqs = await inner.appendUpdates(batch)
        events.push('written')
        return seqs
      } finally {
        inFlight--
      }
    },
  }
  const target = (boardId: string): PersistTarget => {
    void inner.createBoard(
      {
        id: boardId,
        title: boardId,
        editTokenHash: new Uint8Array(32),
        viewTokenHash: new Uint8Array(32),
        createdAt: 0,
        noteCount: 0,
      },
      new Uint8Array([0, 0]),
    )
    return {
      boardId,
      documentName: 'content',
      persisted: (lastSeq, rows) => events.push(`persisted ${boardId} rows=${rows} seq=${lastSeq ?? '-'}`),
      persistFailed: () => events.push(`failed ${boardId}`),
    }
  }
  return {
    queue: new PersistQueue(store, silent),
    store: inner,
    events,
    target,
    appends: () => appendCalls,
    maxInFlight: () => maxInFlight,
    gate: () => {
      gated = true
    },
    /** Lets the oldest held append finish. */
    release: () => gates.shift()?.(),
    held: () => gates.length,
  }
}

describe('PersistQueue', () => {
  it('writes the updates of all rooms in one transaction per tick, then relays in order', async () => {
    const { queue, events, target, appends } = setup()
    const a = target('a')
    const b = target('b')
    queue.addUpdate(a, new Uint8Array([1]), () => events.push('relay a1'))
    queue.afterNextWrite(a, () => () => events.push('reply a'))
    queue.addUpdate(b, new Uint8Array([2]), () => events.push('relay b1'))
    queue.addUpdate(a, new Uint8Array([3]), () => events.push('relay a2'))
    expect(events).toEqual([]) // nothing is relayed before the write
    await tick()
    expect(appends()).toBe(1)
    expect(events[0]).toBe('write a,a,b')
    expect(events).toContain('relay a1')
    expect(events.indexOf('relay a1')).toBeLessThan(events.indexOf('reply a'))
    expect(events.indexOf('reply a')).toBeLessThan(events.indexOf('relay a2'))
    expect(events.indexOf('write a,a,b')).toBeLessThan(events.indexOf('relay b1'))
  })

  it('times the whole write, including a store that does its work before returning the promise', async () => {
    const inner = createMemoryStore()
    const busyMs = 25
    // Like better-sqlite3: the transaction runs synchronously, then an already-resolved promise is returned.
    const store: BoardStore = {
      ...inner,
      appendUpdatesNow: undefined,
      appendUpdates(batch) {
        const until = performance.now() + busyMs
        while (performance.now() < until) {}
        return inner.appendUpdates(batch)
      },
    }
    const observed: number[] = []
    const queue = new PersistQueue(store, silent, (seconds) => observed.push(seconds))
    queue.addUpdate(
      { boardId: 'a', documentName: 'content', persisted: () => {}, persistFailed: () => {} },
      new Uint8Array([1]),
      () => {},
    )
    await tick()
    await queue.flush()
    expect(observed).toHaveLength(1)
    expect(observed[0]).toBeGreaterThanOrEqual((busyMs - 1) / 1000)
  })

  it('runs after-write actions even when there is nothing to write', async () => {
    const { queue, events, target, appends } = setup()
    queue.afterNextWrite(target('a'), () => () => events.push('reply'))
    await tick()
    expect(events).toEqual(['persisted a rows=0 seq=-', 'reply'])
    expect(appends()).toBe(0)
  })

  it('on a failed batch retries board by board: the failing board never relays, the others do', async () => {
    const { queue, events, target, store } = setup((id) => id === 'bad')
    const good = target('good')
    const bad = target('bad')
    queue.addUpdate(good, new Uint8Array([1]), () => events.push('relay good'))
    queue.addUpdate(bad, new Uint8Array([2]), () => events.push('relay bad'))
    queue.afterNextWrite(bad, () => () => events.push('reply bad'))
    await tick()
    expect(events).toContain('relay good')
    expect(events).toContain('failed bad')
    expect(events).not.toContain('relay bad')
    expect(events).not.toContain('reply bad')
    expect((await store.loadUpdates('good', 'content')).map((r) => [...r.update])).toEqual([[0, 0], [1]])
    expect((await store.loadUpdates('bad', 'content')).map((r) => [...r.update])).toEqual([[0, 0]])
  })

  it('drops what was queued for a discarded room', async () => {
    const { queue, events, target, appends } = setup()
    const a = target('a')
    queue.addUpdate(a, new Uint8Array([1]), () => events.push('relay'))
    queue.discard(a)
    await tick()
    expect(events).toEqual([])
    expect(appends()).toBe(0)
  })

  it('relays only after the append resolved, with one batch in flight; later updates form the next batch', async () => {
    const { queue, events, target, appends, maxInFlight, gate, release, held } = setup()
    const a = target('a')
    const b = target('b')
    gate()
    queue.addUpdate(a, new Uint8Array([1]), () => events.push('relay a1'))
    await tick()
    expect(held()).toBe(1)
    // Arrive while the first batch is in flight.
    queue.addUpdate(a, new Uint8Array([2]), () => events.push('relay a2'))
    queue.addUpdate(b, new Uint8Array([3]), () => events.push('relay b1'))
    await tick()
    await tick()
    expect(appends()).toBe(1) // the second batch waits for the first
    expect(events).toEqual(['write a'])
    release()
    await waitUntil(() => held() === 1)
    expect(events).toEqual(['write a', 'written', 'persisted a rows=1 seq=3', 'relay a1', 'write a,b'])
    release()
    await queue.flush()
    expect(events.slice(5)).toEqual([
      'written',
      'persisted a rows=1 seq=4',
      'relay a2',
      'persisted b rows=1 seq=5',
      'relay b1',
    ])
    expect(maxInFlight()).toBe(1)
  })

  it('captures a reply when the batch is cut, so it never holds updates of a later batch', async () => {
    const { queue, events, target, gate, release, held } = setup()
    const a = target('a')
    let docState = ['u1']
    gate()
    queue.addUpdate(a, new Uint8Array([1]), () => {})
    queue.afterNextWrite(a, () => {
      const reply = docState.join('+')
      return () => events.push(`reply ${reply}`)
    })
    await tick()
    expect(held()).toBe(1)
    docState = ['u1', 'u2'] // applied to the doc while the first batch is in flight
    queue.addUpdate(a, new Uint8Array([2]), () => {})
    release()
    await waitUntil(() => held() === 1)
    expect(events).toContain('reply u1')
    expect(events.join()).not.toContain('u2')
    release()
    await queue.flush()
  })

  it('flush waits for the batch in flight and for what was queued meanwhile', async () => {
    const { queue, events, target, gate, release, held } = setup()
    const a = target('a')
    gate()
    queue.addUpdate(a, new Uint8Array([1]), () => events.push('relay 1'))
    await tick()
    queue.addUpdate(a, new Uint8Array([2]), () => events.push('relay 2'))
    let flushed = false
    const flushing = queue.flush().then(() => {
      flushed = true
    })
    release()
    await waitUntil(() => held() === 1)
    expect(flushed).toBe(false)
    release()
    await flushing
    expect(events.filter((e) => e.startsWith('relay'))).toEqual(['relay 1', 'relay 2'])
  })

  it('gives no callbacks to a room discarded while its write is in flight', async () => {
    const { queue, events, target, gate, release, held } = setup()
    const a = target('a')
    gate()
    queue.addUpdate(a, new Uint8Array([1]), () => events.push('relay'))
    await tick()
    expect(held()).toBe(1)
    queue.discard(a)
    release()
    await queue.flush()
    await tick()
    expect(events).toEqual(['write a', 'written'])
  })

  describe('with a store that commits synchronously', () => {
    const synchronous = (maxStoredNowPerSecond?: number) => {
      const store = createMemoryStore()
      const events: string[] = []
      const observed: number[] = []
      const queue = new PersistQueue(
        store,
        silent,
        (seconds) => observed.push(seconds),
        maxStoredNowPerSecond,
      )
      const target: PersistTarget = {
        boardId: 'a',
        documentName: 'content',
        persisted: (seq) => events.push(`persisted ${seq}`),
        persistFailed: () => events.push('failed'),
      }
      /** Board 'a', whose first row is [0, 0]. */
      const createBoardA = () => {
        const hashes = { editTokenHash: new Uint8Array(), viewTokenHash: new Uint8Array() }
        const board = { id: 'a', title: '', createdAt: 0, noteCount: 0, ...hashes }
        return store.createBoard(board, new Uint8Array([0, 0]))
      }
      return { store, events, observed, queue, target, createBoardA }
    }

    it('stores an update before storeNow returns, and times the write', async () => {
      const { store, observed, queue, target, createBoardA } = synchronous()
      await createBoardA()
      expect(queue.canStoreNow()).toBe(true)
      const seq = queue.storeNow(target, new Uint8Array([7]))
      const rows = await store.loadUpdates('a', 'content')
      expect(rows.at(-1)).toMatchObject({ seq, update: new Uint8Array([7]) })
      expect(observed).toHaveLength(1)
    })

    it('queues updates past maxStoredNowPerSecond: one batch, relayed in order after its write', async () => {
      const { store, events, queue, target, createBoardA } = synchronous(10) // one update per 100 ms window
      await createBoardA()
      expect(queue.canStoreNow()).toBe(true)
      queue.storeNow(target, new Uint8Array([1]))
      expect(queue.canStoreNow()).toBe(false) // the second update in the window: busy
      queue.addUpdate(target, new Uint8Array([2]), () => events.push('relay 2'))
      queue.addUpdate(target, new Uint8Array([3]), () => events.push('relay 3'))
      queue.afterNextWrite(target, () => () => events.push('reply'))
      expect(events).toEqual([]) // the reply waits for the batch: the store lacks 2 and 3 yet
      await queue.flush()
      expect(events).toEqual(['persisted 4', 'relay 2', 'relay 3', 'reply']) // seq 4: the memory store counts across boards
      expect((await store.loadUpdates('a', 'content')).map((r) => [...r.update])).toEqual([
        [0, 0],
        [1],
        [2],
        [3],
      ])
      await new Promise((resolve) => setTimeout(resolve, 250)) // two quiet windows
      expect(queue.canStoreNow()).toBe(true)
    })

    it('never stores at once while an async store is its store', () => {
      const later: BoardStore = { ...createMemoryStore(), appendUpdatesNow: undefined }
      expect(new PersistQueue(later, silent).canStoreNow()).toBe(false)
    })

    it('throws what the store threw, storing nothing', async () => {
      const { store, queue, target } = synchronous()
      expect(() => queue.storeNow(target, new Uint8Array([7]))).toThrow(/unknown board/)
      expect(await store.loadUpdates('a', 'content')).toEqual([])
    })

    it('runs after-write actions at once: there is no write to wait for', async () => {
      const { events, queue, target } = synchronous()
      queue.afterNextWrite(target, () => {
        events.push('captured')
        return () => events.push('delivered')
      })
      expect(events).toEqual(['captured', 'delivered'])
      await queue.flush()
    })
  })
})

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await tick()
  expect(condition()).toBe(true)
}
