import type { BoardRecord, BoardStore, NewBoard, StoredUpdate, UpdateToAppend } from './BoardStore'

/**
 * BoardStore kept in memory: for tests and for trying the server without a disk. Methods are async so a
 * bad call rejects (like a network store) instead of throwing; the work itself is done at once.
 */
export function createMemoryStore(): BoardStore {
  const boards = new Map<string, BoardRecord>()
  const updates = new Map<string, StoredUpdate[]>()
  let lastSeq = 0

  function requireBoard(id: string): BoardRecord {
    const board = boards.get(id)
    if (!board) throw new Error(`unknown board ${JSON.stringify(id)}`)
    return board
  }

  function appendUpdatesNow(batch: readonly UpdateToAppend[]): number[] {
    // Check everything first so a bad entry leaves the store untouched, like a rolled-back transaction.
    for (const { boardId } of batch) requireBoard(boardId)
    return batch.map(({ boardId, update }) => {
      const seq = ++lastSeq
      updates.get(boardId)!.push({ seq, update: update.slice(), compacted: false })
      return seq
    })
  }

  return {
    async createBoard(board: NewBoard, initialUpdate: Uint8Array) {
      if (boards.has(board.id)) throw new Error(`board ${JSON.stringify(board.id)} already exists`)
      boards.set(board.id, { ...board, updatedAt: board.createdAt })
      updates.set(board.id, [{ seq: ++lastSeq, update: initialUpdate.slice(), compacted: false }])
    },
    async getBoard(id) {
      const board = boards.get(id)
      return board && { ...board }
    },
    async listBoards() {
      return [...boards.values()].map((b) => ({ ...b })).sort((a, b) => b.updatedAt - a.updatedAt)
    },
    async updateSummary(id, summary) {
      Object.assign(requireBoard(id), summary)
    },
    async loadUpdates(id) {
      return (updates.get(id) ?? []).map((row) => ({ ...row }))
    },
    appendUpdatesNow,
    appendUpdates: async (batch) => appendUpdatesNow(batch),
    async compact(boardId, parts, upToSeq) {
      requireBoard(boardId)
      const kept = updates.get(boardId)!.filter((row) => row.seq > upToSeq)
      const rows = [
        ...parts.map((part) => ({ update: part.slice(), compacted: true })),
        ...kept.map(({ update, compacted }) => ({ update, compacted })),
      ].map((row) => ({ ...row, seq: ++lastSeq }))
      updates.set(boardId, rows)
      return lastSeq
    },
    async close() {
      boards.clear()
      updates.clear()
    },
  }
}
