import type * as Y from 'yjs'
import { readBoardSummary } from '../../../shared/src/board/schema'
import type { Logger } from '../log'
import type { BoardStore } from '../storage/BoardStore'

// The board's row in the store carries a copy of its title, note count and last edit time, so that the
// board list needs no Y.Doc. Only the content document has one. It is a convenience copy, refreshed at
// most once per summaryDebounceMs after an edit reached the disk, and at unload.

export interface BoardSummaryDeps {
  boardId: string
  store: BoardStore
  log: Logger
  now: () => number
  summaryDebounceMs: number
}

export class BoardSummary {
  /** Epoch ms of the last client edit that reached the disk and is not yet in the boards row. */
  private unsummarisedEditAt: number | undefined
  private timer: NodeJS.Timeout | undefined
  private closed = false

  constructor(
    private readonly doc: Y.Doc,
    private readonly deps: BoardSummaryDeps,
  ) {}

  /** A client's edit is stored: the row is rewritten within summaryDebounceMs. */
  editStored(): void {
    this.unsummarisedEditAt = this.deps.now()
    this.timer ??= setTimeout(() => {
      this.timer = undefined
      void this.write()
    }, this.deps.summaryDebounceMs)
  }

  /** Writes the row if an edit is not in it yet. Never rejects. */
  async write(): Promise<void> {
    const editAt = this.unsummarisedEditAt
    if (editAt === undefined || this.closed) return
    try {
      const { title, noteCount } = readBoardSummary(this.doc)
      this.unsummarisedEditAt = undefined
      await this.deps.store.updateSummary(this.deps.boardId, { title, noteCount, updatedAt: editAt })
    } catch (error) {
      this.unsummarisedEditAt ??= editAt // try again with the next edit or at unload
      // The summary is a convenience copy; the edits themselves are already stored.
      this.deps.log.error({ err: error }, 'updating the board summary failed')
    }
  }

  close(): void {
    this.closed = true
    clearTimeout(this.timer)
  }
}
