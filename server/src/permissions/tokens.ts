import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { BoardLinks } from '../storage/BoardStore'
import type { Role } from './access'

// Capability tokens: whoever holds a board's edit token may edit it, the view token may only read.
// Only SHA-256 hashes are stored, so a leaked database does not leak working links; comparisons are
// constant-time so response timing does not reveal how much of a guess was right. Facilitator tokens
// (issue 16) are a third hash on the board row, compared the same way (absent on boards from before
// them; links.ts says who manages such a board's links).

const boardIdBytes = 16
const tokenBytes = 32

export const newBoardId = () => randomBytes(boardIdBytes).toString('base64url')
export const newToken = () => randomBytes(tokenBytes).toString('base64url')

/** Board ids are 16 bytes base64url: anything else cannot be a board, so it is rejected before the store. */
export const isBoardId = (value: string) => /^[A-Za-z0-9_-]{22}$/.test(value)

export const hashToken = (token: string): Uint8Array =>
  new Uint8Array(createHash('sha256').update(token).digest())

export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b)
}

/** Compared against when a board has no facilitator hash, so its absence does not show in the timing. */
const noFacilitator = new Uint8Array(32)

/** The role a token grants on a board, or null for a missing or wrong token. */
export function roleForToken(board: BoardLinks, token: string | null | undefined): Role | null {
  if (!token) return null
  const hash = hashToken(token)
  // Compare against every hash every time, so timing does not tell the roles apart.
  const isFacilitator =
    sameHash(hash, board.facilitatorTokenHash ?? noFacilitator) && !!board.facilitatorTokenHash
  const isEdit = sameHash(hash, board.editTokenHash)
  const isView = sameHash(hash, board.viewTokenHash)
  if (isFacilitator) return 'facilitate'
  if (isEdit) return 'edit'
  if (isView) return 'view'
  return null
}

/** The token from an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1] ?? null
}

/** Whether `given` is `secret`, in constant time whatever their lengths (both are hashed first). */
export const isSecret = (given: string | null, secret: string): boolean =>
  given !== null && sameHash(hashToken(given), hashToken(secret))
