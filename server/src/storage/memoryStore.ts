import { contentDocument } from '../permissions/documents'
import type {
  BoardLinks,
  BoardRecord,
  BoardStore,
  NewBoard,
  SavedTemplateRecord,
  StoredUpdate,
  UpdateToAppend,
} from './BoardStore'

// BoardStore kept in memory: for tests and for trying the server without a disk. Methods are async so a
// bad call rejects (like a network store) instead of throwing; the work itself is done at once.

export function createMemoryStore(): BoardStore {
  const boards = new Map<string, BoardRecord>()
  /** Rows per board, then per document. */
  const updates = new Map<string, Map<string, StoredUpdate[]>>()
  let lastSeq = 0
  const templates = new Map<string, SavedTemplateRecord>()

  const rowsOf = (boardId: string, document: string): StoredUpdate[] => {
    const documents = updates.get(boardId)!
    let rows = documents.get(document)
    if (!rows) {
      rows = []
      documents.set(document, rows)
    }
    return rows
  }

  function requireBoard(id: string): BoardRecord {
    const board = boards.get(id)
    if (!board) throw new Error(`unknown board ${JSON.stringify(id)}`)
    return board
  }

  function appendUpdatesNow(batch: readonly UpdateToAppend[]): number[] {
    // Check everything first so a bad entry leaves the store untouched, like a rolled-back transaction.
    for (const { boardId } of batch) requireBoard(boardId)
    return batch.map(({ boardId, document, update }) => {
      const seq = ++lastSeq
      rowsOf(boardId, document).push({ seq, update: update.slice(), compacted: false })
      return seq
    })
  }

  return {
    async createBoard(board: NewBoard, initialUpdate: Uint8Array) {
      if (boards.has(board.id)) throw new Error(`board ${JSON.stringify(board.id)} already exists`)
      boards.set(board.id, { ...board, sealed: { ...board.sealed }, updatedAt: board.createdAt })
      const content = [{ seq: ++lastSeq, update: initialUpdate.slice(), compacted: false }]
      updates.set(board.id, new Map([[contentDocument, content]]))
    },
    async getBoard(id) {
      const board = boards.get(id)
      return board && { ...board, sealed: { ...board.sealed } }
    },
    async listBoards() {
      return [...boards.values()].map((b) => ({ ...b })).sort((a, b) => b.updatedAt - a.updatedAt)
    },
    async updateLinks(id, expected, next) {
      const board = boards.get(id)
      if (!board || !sameLinks(board, expected)) return false
      Object.assign(board, {
        editTokenHash: next.editTokenHash.slice(),
        viewTokenHash: next.viewTokenHash.slice(),
        facilitatorTokenHash: next.facilitatorTokenHash?.slice(),
        sealed: { ...next.sealed },
      })
      return true
    },
    async updateSummary(id, summary) {
      Object.assign(requireBoard(id), summary)
    },
    async loadUpdates(boardId, document) {
      return (updates.get(boardId)?.get(document) ?? []).map((row) => ({ ...row }))
    },
    async listDocuments(boardId) {
      return [...(updates.get(boardId)?.keys() ?? [])]
    },
    appendUpdatesNow,
    appendUpdates: async (batch) => appendUpdatesNow(batch),
    async compact(boardId, document, parts, upToSeq) {
      requireBoard(boardId)
      const kept = rowsOf(boardId, document).filter((row) => row.seq > upToSeq)
      const rows = [
        ...parts.map((part) => ({ update: part.slice(), compacted: true })),
        ...kept.map(({ update, compacted }) => ({ update, compacted })),
      ].map((row) => ({ ...row, seq: ++lastSeq }))
      updates.get(boardId)!.set(document, rows)
      return lastSeq
    },
    async createTemplate(template, maxCount) {
      if (templates.has(template.id))
        throw new Error(`template ${JSON.stringify(template.id)} already exists`)
      if (templates.size >= maxCount) return false
      templates.set(template.id, { ...template })
      return true
    },
    async getTemplate(id) {
      const template = templates.get(id)
      return template && { ...template }
    },
    async listTemplates() {
      return [...templates.values()]
        .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
        .map(({ id, title, description, createdAt }) => ({ id, title, description, createdAt }))
    },
    async close() {
      templates.clear()
      boards.clear()
      updates.clear()
    },
  }
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a === undefined || b === undefined ? a === b : Buffer.from(a).equals(Buffer.from(b))

/** The compare of `updateLinks`: the three hashes, as the SQLite store compares them. */
const sameLinks = (a: BoardLinks, b: BoardLinks) =>
  sameBytes(a.editTokenHash, b.editTokenHash) &&
  sameBytes(a.viewTokenHash, b.viewTokenHash) &&
  sameBytes(a.facilitatorTokenHash, b.facilitatorTokenHash)
