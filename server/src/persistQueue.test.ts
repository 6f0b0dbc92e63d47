import { describe, expect, it } from 'vitest'
import { createLogger } from './log'
import { PersistQueue, type PersistTarget } from './persistQueue'
import type { BoardStore } from './storage/BoardStore'
import { createMemoryStore } from './storage/memoryStore'

/** The queue's ordering promises, checked without sockets. */

const silent = createLogger({ level: 'silent' })
const tick = () => new Promise((resolve) => setImmediate(resolve))

function setup(failFor: (boardId: string) => boolean = () => false) {
  const inner = createMemoryStore()
  const events: string[] = []
  let appendCalls = 0
  const store: BoardStore = {
    ...inner,
    appendUpdates(batch) {
      appendCalls++
      events.push(`write ${batch.map((b) => b.boardId).join(',')}`)
      if (batch.some((b) => failFor(b.boardId))) throw new Error('disk full')
      return inner.appendUpdates(batch)
    },
  }
  const target = (boardId: string): PersistTarget => {
    inner.createBoard(
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
      persisted: (lastSeq, rows) => events.push(`persisted ${boardId} rows=${rows} seq=${lastSeq ?? '-'}`),
      persistFailed: () => events.push(`failed ${boardId}`),
    }
  }
  return { queue: new PersistQueue(store, silent), store: inner, events, target, appends: () => appendCalls }
}

describe('PersistQueue', () => {
  it('writes the updates of all rooms in one transaction per tick, then relays in order', async () => {
    const { queue, events, target, appends } = setup()
    const a = target('a')
    const b = target('b')
    queue.addUpdate(a, new Uint8Array([1]), () => events.push('relay a1'))
    queue.afterNextWrite(a, () => events.push('reply a'))
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

  it('runs after-write actions even when there is nothing to write', async () => {
    const { queue, events, target, appends } = setup()
    queue.afterNextWrite(target('a'), () => events.push('reply'))
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
    queue.afterNextWrite(bad, () => events.push('reply bad'))
    await tick()
    expect(events).toContain('relay good')
    expect(events).toContain('failed bad')
    expect(events).not.toContain('relay bad')
    expect(events).not.toContain('reply bad')
    expect(store.loadUpdates('good').map((r) => [...r.update])).toEqual([[0, 0], [1]])
    expect(store.loadUpdates('bad').map((r) => [...r.update])).toEqual([[0, 0]])
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
})
