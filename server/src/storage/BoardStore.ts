/*
 * Where boards and their Yjs updates live. Passed into the server, never global, so tests can run
 * several servers (and a failing or slow store wrapper) in one process.
 *
 * A board has several documents (permissions/documents.ts: its content, its facilitation state, each
 * participant's private document), each with an update log of its own: rows are keyed by board,
 * document and seq, and every update method names the document. The store does not interpret names;
 * the board's row (title, tokens) is the board's, not a document's. A document with no rows loads as
 * empty, which is how every document but the content starts.
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

/**
 * The tokens a stronger link's holder may be handed, each sealed (AES-256-GCM) under a key derived
 * from that stronger token (permissions/links.ts): the database alone opens none of them.
 */
export interface SealedTokens {
  viewForEdit?: Uint8Array
  viewForFacilitator?: Uint8Array
  editForFacilitator?: Uint8Array
}

/** A board's links as stored: the hash of each token, and the sealed copies handed out (permissions/links.ts). */
export interface BoardLinks {
  /** SHA-256 of the edit token; the token itself is never stored in the clear. */
  editTokenHash: Uint8Array
  /** SHA-256 of the view (read-only) token. */
  viewTokenHash: Uint8Array
  /** SHA-256 of the facilitator token; absent on a board from before facilitators (issue 16). */
  facilitatorTokenHash?: Uint8Array | undefined
  /** Absent on a board from before links were handed out: nothing can be handed out until a rotation. */
  sealed?: SealedTokens | undefined
}

/** The boards row. Never contains a plaintext token. */
export interface BoardRecord extends BoardLinks {
  /** 16 random bytes, base64url; also the first segment of the room name on the WebSocket path. */
  id: string
  /** Denormalised from the content document (meta title) so the board list needs no Y.Doc. */
  title: string
  /** Epoch milliseconds. */
  createdAt: number
  /** Epoch milliseconds of the last persisted edit (debounced); orders the board list. */
  updatedAt: number
  /** Denormalised from the content document for the board list. */
  noteCount: number
}

export interface NewBoard extends BoardLinks {
  id: string
  title: string
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
   * Orders a document's rows: increases with every append. Only the order is promised: a store may give the
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
  /** The board's document the update belongs to (`content`, `facilitation`, `private/<id>`). */
  document: string
  update: Uint8Array
}

/** A template saved from a board (POST /api/templates): shared/src/templates/savedTemplate.ts's body. */
export interface SavedTemplateSummary {
  /** `saved-` then random base64url: never one of the built-in ids. */
  id: string
  title: string
  description: string
  /** Epoch milliseconds; orders the list. */
  createdAt: number
}

export interface SavedTemplateRecord extends SavedTemplateSummary {
  /** The template's body as JSON text; checked again by its reader whenever it is used. */
  body: string
}

export interface BoardStore {
  /** Creates the row and stores the initial content document as its first update, in one transaction. */
  createBoard(board: NewBoard, initialUpdate: Uint8Array): Promise<void>
  getBoard(id: string): Promise<BoardRecord | undefined>
  /** Newest-edited first. */
  listBoards(): Promise<BoardRecord[]>
  updateSummary(id: string, summary: BoardSummaryUpdate): Promise<void>
  /**
   * Compare-and-swap of the board's links (a rotation): writes `next` only if the three token hashes
   * are still those of `expected` (absent facilitator hash included); resolves false otherwise, or for
   * an unknown board, and changes nothing. Two rotations at once: one wins, the other retries or fails.
   */
  updateLinks(id: string, expected: BoardLinks, next: BoardLinks): Promise<boolean>
  /** All stored updates of one document of a board, oldest first; none for a document never written. */
  loadUpdates(boardId: string, document: string): Promise<StoredUpdate[]>
  /**
   * The names of a board's documents that have stored updates (`content`, `facilitation`,
   * `private/<id>`…), in no set order: the server reads every private document of a board to tally a
   * vote or reveal a private phase (issue 16). Optional so a test's partial store needs no stub.
   */
  listDocuments?(boardId: string): Promise<string[]>
  /**
   * Appends updates of any number of boards and documents in ONE transaction; resolves with the seq of
   * each, in order, only once the transaction is durable. A rejection means nothing of the batch was
   * stored. Seqs increase per document.
   */
  appendUpdates(batch: readonly UpdateToAppend[]): Promise<number[]>
  /**
   * Optional, for stores that commit synchronously (SQLite, memory): `appendUpdates` done before it
   * returns, throwing instead of rejecting. When a store has it, the server stores and relays each update
   * inside the message handler, with no queue turn between them (persistQueue.ts, docs/performance.md).
   */
  appendUpdatesNow?(batch: readonly UpdateToAppend[]): number[]
  /**
   * Replaces every row of the document with seq <= upToSeq by `parts` (Yjs updates whose union is the
   * merged state; several, so that a large board can be sent a bounded piece at a time), in one
   * transaction. The parts load in their order, before every row with a higher seq; those rows keep their
   * order (a store may renumber them). Resolves with the seq of the document's last row, never lower than
   * upToSeq; later appends get higher seqs. Other documents of the board are untouched.
   */
  compact(boardId: string, document: string, parts: readonly Uint8Array[], upToSeq: number): Promise<number>
  /**
   * Stores a saved template unless `maxCount` are stored already: then resolves false and stores
   * nothing. The count and the insert are one atomic step, so two saves at once cannot pass the limit.
   */
  createTemplate(template: SavedTemplateRecord, maxCount: number): Promise<boolean>
  getTemplate(id: string): Promise<SavedTemplateRecord | undefined>
  /** Oldest first (the picker's order), then by id; without their bodies. */
  listTemplates(): Promise<SavedTemplateSummary[]>
  /**
   * Resolves when the database answers now; rejects saying why not (GET /readyz). Optional: a store that
   * cannot become unreachable (memory) may leave it out, and is then taken as reachable.
   */
  ping?(): Promise<void>
  close(): Promise<void>
}
