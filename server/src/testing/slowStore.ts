import type { BoardStore } from '../storage/BoardStore'

/*
 * Test wrapper that makes a BoardStore behave like one across a network: each method waits `delayMs[method]`
 * before the inner call does its work (so its effect, too, lands late). `delayMs` and `failWith` are live:
 * a test can slow a method down or make it reject in the middle of a run. `settled` counts finished calls
 * per method, so a test can check what had resolved when a client received something. It has no
 * `appendUpdatesNow` (a network store cannot commit synchronously), so edits go through the persist queue.
 */

type Method = Exclude<keyof BoardStore, 'close' | 'appendUpdatesNow' | 'ping' | 'listDocuments'>

export interface SlowStore extends BoardStore {
  readonly delayMs: Partial<Record<Method, number>>
  /** While set for a method, its calls reject with this error (after the delay) and do nothing. */
  readonly failWith: Partial<Record<Method, Error>>
  readonly settled: Record<Method, number>
}

const methods: Method[] = [
  'createBoard',
  'getBoard',
  'listBoards',
  'updateSummary',
  'updateLinks',
  'loadUpdates',
  'appendUpdates',
  'compact',
  'createTemplate',
  'getTemplate',
  'listTemplates',
]

export function slowStore(inner: BoardStore, delayMs: Partial<Record<Method, number>> = {}): SlowStore {
  const settled = Object.fromEntries(methods.map((m) => [m, 0])) as Record<Method, number>
  const failWith: Partial<Record<Method, Error>> = {}
  const wrap =
    <M extends Method>(method: M) =>
    async (...args: Parameters<BoardStore[M]>): Promise<Awaited<ReturnType<BoardStore[M]>>> => {
      const ms = delayMs[method] ?? 0
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms))
      try {
        const error = failWith[method]
        if (error) throw error
        const call = inner[method] as (...a: Parameters<BoardStore[M]>) => ReturnType<BoardStore[M]>
        return (await call(...args)) as Awaited<ReturnType<BoardStore[M]>>
      } finally {
        settled[method]++
      }
    }
  return {
    delayMs,
    failWith,
    settled,
    createBoard: wrap('createBoard'),
    getBoard: wrap('getBoard'),
    listBoards: wrap('listBoards'),
    updateSummary: wrap('updateSummary'),
    updateLinks: wrap('updateLinks'),
    loadUpdates: wrap('loadUpdates'),
    appendUpdates: wrap('appendUpdates'),
    compact: wrap('compact'),
    createTemplate: wrap('createTemplate'),
    getTemplate: wrap('getTemplate'),
    listTemplates: wrap('listTemplates'),
    ping: async () => {
      await inner.ping?.()
    },
    // Passed through undelayed: only the facilitation tally reads it.
    ...(inner.listDocuments ? { listDocuments: inner.listDocuments.bind(inner) } : {}),
    close: () => inner.close(),
  }
}
