/**
 * Where boards and their Yjs updates live. Passed into the server, never global, so tests can run
 * several servers (and a failing or slow store wrapper) in one process.
 *
 * Every method returns a Promise so that a network store (PostgreSQL, with Redis between instances) can
 * implement it without touching the sync code; SQLite and memory answer with already-settled promises.
 * Failures are rejections, never synchronous throws (disk full, unknown board). The one exception is the
 * optional `appendUpdatesNow`, which a synchronous store offers so edits skip the queue (see below).
 *
 * The server keeps its guarantees on top of any latency (see persistQueue.ts and rooms.ts): one
 * `appendUpdates` call in flight at a time, holding every room's writes of one tick in one transaction,
 * relays only after it resolved; a board's room is a promise while it loads or unloads, and joins wait.
 * A store therefore never sees two appends at once, but `compact`, `updateSummary` and reads of other
 * boards may overlap an append and must be safe to run concurrently with it (separate transactions).
 */

/** The boards row. Never contains a plaintext token. */
export interface BoardRecord {
  /** 16 random bytes, base64url; also the room name on the WebSocket path. */
  id: string
  /** Denormalised from the document (meta title) so the board list needs no Y.Doc. */
  title: string
  /** SHA-256 of the edit token; the token itself is shown once, at creation, and never stored. */
  editTokenHash: Uint8Array
  /** SHA-256 of the view (read-only) token. */
  viewTokenHash: Uint8Array
  /** Epoch milliseconds. */
  createdAt: number
  /** Epoch milliseconds of the last persisted edit (debounced); orders the board list. */
  updatedAt: number
  /** Denormalised from the document for the board list. */
  noteCount: number
}

export interface NewBoard {
  id: string
  title: string
  editTokenHash: Uint8Array
  viewTokenHash: Uint8Array
  createdAt: number
  noteCount: number
}

export interface BoardSummaryUpdate {
  title: string
  noteCount: number
  updatedAt: number
}

export interface StoredUpdate {
  /**
   * Orders a board's rows: increases with every append. Only the order is promised: a store may give the
   * rows compaction keeps new seqs (see `compact`).
   */
  seq: number
  /** A Yjs update (v1 encoding) that the server applied successfully. */
  update: Uint8Array
  /**
   * Written by `compact` (a piece of the merged state), not appended as an edit; the room counts only
   * appended rows towards the next compaction, so an unchanged multi-piece board is not compacted again.
   */
  compacted: boolean
}

export interface UpdateToAppend {
  boardId: string
  update: Uint8Array
}

export interface BoardStore {
  /** Creates the row and stores the initial document as the first update, in one transaction. */
  createBoard(board: NewBoard, initialUpdate: Uint8Array): Promise<void>
  getBoard(id: string): Promise<BoardRecord | undefined>
  /** Newest-edited first. */
  listBoards(): Promise<BoardRecord[]>
  updateSummary(id: string, summary: BoardSummaryUpdate): Promise<void>
  /** All stored updates for a board, oldest first. */
  loadUpdates(id: string): Promise<StoredUpdate[]>
  /**
   * Appends updates of any number of boards in ONE transaction; resolves with the seq of each, in order,
   * only once the transaction is durable. A rejection means nothing of the batch was stored.
   */
  appendUpdates(batch: readonly UpdateToAppend[]): Promise<number[]>
  /**
   * Optional, for stores that commit synchronously (SQLite, memory): `appendUpdates` done before it
   * returns, throwing instead of rejecting. When a store has it, the server stores and relays each update
   * inside the message handler, with no queue turn between them (persistQueue.ts, docs/performance.md).
   */
  appendUpdatesNow?(batch: readonly UpdateToAppend[]): number[]
  /**
   * Replaces every row of the board with seq <= upToSeq by `parts` (Yjs updates whose union is the merged
   * state; several, so that a large board can be sent a bounded piece at a time), in one transaction.
   * The parts load in their order, before every row with a higher seq; those rows keep their order (a
   * store may renumber them). Resolves with the seq of the board's last row, never lower than upToSeq;
   * later appends get higher seqs.
   */
  compact(boardId: string, parts: readonly Uint8Array[], upToSeq: number): Promise<number>
  close(): Promise<void>
}
