/**
 * Where boards and their Yjs updates live. Passed into the server, never global, so tests can run
 * several servers (and a failing store wrapper) in one process.
 *
 * Every method is synchronous on purpose: the server's promise is "persist before broadcast", and with a
 * synchronous store a flush and the relay that follows it run in one turn of the event loop, so no
 * message can slip in between "written" and "relayed". (Like tldraw's TLSyncStorage, which rejects async
 * transaction callbacks.) Both implementations throw only on real failures (disk full, unknown board).
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
  /** Increases with every append for a board; compaction keeps the last seq it replaced. */
  seq: number
  /** A Yjs update (v1 encoding) that the server applied successfully. */
  update: Uint8Array
}

export interface UpdateToAppend {
  boardId: string
  update: Uint8Array
}

export interface BoardStore {
  /** Creates the row and stores the initial document as the first update, in one transaction. */
  createBoard(board: NewBoard, initialUpdate: Uint8Array): void
  getBoard(id: string): BoardRecord | undefined
  /** Newest-edited first. */
  listBoards(): BoardRecord[]
  updateSummary(id: string, summary: BoardSummaryUpdate): void
  /** All stored updates for a board, oldest first. */
  loadUpdates(id: string): StoredUpdate[]
  /** Appends updates of any number of boards in ONE transaction; returns the seq of each, in order. */
  appendUpdates(batch: readonly UpdateToAppend[]): number[]
  /** Replaces every row of the board with seq <= upToSeq by one row holding mergedState, in one transaction. */
  compact(boardId: string, mergedState: Uint8Array, upToSeq: number): void
  close(): void
}
