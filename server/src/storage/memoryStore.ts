import type { BoardRecord, BoardStore, NewBoard, StoredUpdate } from './BoardStore'

/** BoardStore kept in memory: for tests and for trying the server without a disk. */
export function createMemoryStore(): BoardStore {
  const boards = new Map<string, BoardRecord>()
  const updates = new Map<string, StoredUpdate[]>()
  let lastSeq = 0

  function requireBoard(id: string): BoardRecord {
    const board = boards.get(id)
    if (!board) throw new Error(`unknown board ${JSON.stringify(id)}`)
    return board
  }

  return {
    createBoard(board: NewBoard, initialUpdate: Uint8Array) {
      if (boards.has(board.id)) throw new Error(`board ${JSON.stringify(board.id)} already exists`)
      boards.set(board.id, { ...board, updatedAt: board.createdAt })
      updates.set(board.id, [{ seq: ++lastSeq, update: initialUpdate.slice() }])
    },
    getBoard(id) {
      const board = boards.get(id)
      return board && { ...board }
    },
    listBoards() {
      return [...boards.values()].map((b) => ({ ...b })).sort((a, b) => b.updatedAt - a.updatedAt)
    },
    updateSummary(id, summary) {
      Object.assign(requireBoard(id), summary)
    },
    loadUpdates(id) {
      return (updates.get(id) ?? []).map((row) => ({ ...row }))
    },
    appendUpdates(batch) {
      // Check everything first so a bad entry leaves the store untouched, like a rolled-back transaction.
      for (const { boardId } of batch) requireBoard(boardId)
      return batch.map(({ boardId, update }) => {
        const seq = ++lastSeq
        updates.get(boardId)!.push({ seq, update: update.slice() })
        return seq
      })
    },
    compact(boardId, mergedState, upToSeq) {
      requireBoard(boardId)
      const rows = updates.get(boardId)!
      const kept = rows.filter((row) => row.seq > upToSeq)
      updates.set(boardId, [{ seq: upToSeq, update: mergedState.slice() }, ...kept])
    },
    close() {
      boards.clear()
      updates.clear()
    },
  }
}
