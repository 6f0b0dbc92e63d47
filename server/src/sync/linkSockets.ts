import { sameHash } from '../permissions/tokens'

// The open sockets of each board, by the token hash they joined with, so that rotating a link closes
// every socket that joined with the old token at once (on every document of the board). An upgrade
// that authenticated with the old token just before the rotation committed may join just after the
// sweep; a revoked hash is therefore remembered for `graceMs` and a socket joining with it is closed
// as it joins. Per process: one server holds a board's sockets (docs/collaboration.md).

interface Entry {
  tokenHash: Uint8Array
  close: () => void
}

export class LinkSockets {
  private readonly byBoard = new Map<string, Set<Entry>>()
  private readonly revoked = new Map<string, { tokenHash: Uint8Array; until: number }[]>()

  constructor(
    private readonly now: () => number = Date.now,
    private readonly graceMs = 60_000,
  ) {}

  /** Registers an open socket; returns its unregistration. A socket whose token was just revoked is closed. */
  add(boardId: string, tokenHash: Uint8Array, close: () => void): () => void {
    if (this.isRevoked(boardId, tokenHash)) {
      close()
      return () => {}
    }
    const entry = { tokenHash, close }
    let entries = this.byBoard.get(boardId)
    if (!entries) {
      entries = new Set()
      this.byBoard.set(boardId, entries)
    }
    entries.add(entry)
    return () => {
      entries.delete(entry)
      if (entries.size === 0 && this.byBoard.get(boardId) === entries) this.byBoard.delete(boardId)
    }
  }

  /** Closes every socket of the board that joined with `tokenHash`; returns how many. */
  revoke(boardId: string, tokenHash: Uint8Array): number {
    const at = this.now()
    const kept = (this.revoked.get(boardId) ?? []).filter((r) => r.until > at)
    kept.push({ tokenHash, until: at + this.graceMs })
    this.revoked.set(boardId, kept)
    let closed = 0
    for (const entry of [...(this.byBoard.get(boardId) ?? [])]) {
      if (!sameHash(entry.tokenHash, tokenHash)) continue
      closed++
      entry.close()
    }
    return closed
  }

  private isRevoked(boardId: string, tokenHash: Uint8Array): boolean {
    const at = this.now()
    const list = (this.revoked.get(boardId) ?? []).filter((r) => r.until > at)
    if (list.length === 0) this.revoked.delete(boardId)
    else this.revoked.set(boardId, list)
    return list.some((r) => sameHash(r.tokenHash, tokenHash))
  }
}
