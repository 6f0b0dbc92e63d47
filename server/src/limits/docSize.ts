import type * as Y from 'yjs'
import { encodeIntegratedState } from './pendingUpdates'

/**
 * Keeps a board's encoded size under `maxDocBytes` without encoding the whole doc on every update.
 * The estimate starts from the stored bytes and grows by each applied update's size (an update never
 * grows the encoded state by much more than its own size); only when the estimate would cross the cap
 * is the doc measured exactly, so the cost is paid near the cap, not on every edit.
 */
export class DocSizeGuard {
  constructor(
    private readonly doc: Y.Doc,
    private readonly maxDocBytes: number,
    private estimateBytes: number,
  ) {}

  /** Whether an update of `updateBytes` may be applied. */
  admits(updateBytes: number): boolean {
    if (this.estimateBytes + updateBytes <= this.maxDocBytes) return true
    this.estimateBytes = encodeIntegratedState(this.doc).byteLength
    return this.estimateBytes + updateBytes <= this.maxDocBytes
  }

  applied(updateBytes: number): void {
    this.estimateBytes += updateBytes
  }

  /** The exact size is known (a compaction just encoded the whole state). */
  measured(bytes: number): void {
    this.estimateBytes = bytes
  }
}
