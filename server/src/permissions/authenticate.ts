import type { IncomingMessage } from 'node:http'
import type { BoardRecord, BoardStore } from '../storage/BoardStore'
import type { Access } from './access'
import type { DocumentPolicies } from './documentPolicies'
import { type BoardDocument, contentDocument, documentFromPath } from './documents'
import { isParticipantSecret, participantHeader, participantId, participantParam } from './participant'
import { bearerToken, hashToken, isBoardId, roleForToken } from './tokens'

// The one door: every WebSocket upgrade and every HTTP route that touches a board asks `authenticate`
// who the caller is on which document, and gets the board, the role, the participant — or a refusal
// with its status. The two readers below only say where a request carries its claim (the socket path
// and query string, since a browser cannot set headers on a WebSocket; the Authorization and
// X-Participant-Secret headers on HTTP, so tokens stay out of URLs there). In order:
//   404 not a board id, an unknown document name, or an unknown board
//   401 missing or wrong token
//   400 a participant secret of the wrong shape (participant.ts)
//   403 a document this caller may not read (documentPolicies.ts: someone else's private document)

export interface AccessClaim {
  boardId: string
  /** The document the request names; undefined when it names none that exists (404). */
  document: BoardDocument | undefined
  token: string | null
  participantSecret: string | null
}

export type Authenticated = {
  ok: true
  boardId: string
  /** The board row, so a route needs no second lookup. */
  board: BoardRecord
  document: BoardDocument
  access: Access
  /** SHA-256 of the token it proved, so that rotating that link can close its socket (linkSockets.ts). */
  tokenHash: Uint8Array
}

export type RefusalReason = 'unknown-board' | 'unknown-document' | 'token' | 'participant' | 'forbidden'

export type Refused = { ok: false; status: 400 | 401 | 403 | 404; reason: RefusalReason; message: string }

export interface AuthenticateDeps {
  store: BoardStore
  policies: DocumentPolicies
}

export async function authenticate(
  deps: AuthenticateDeps,
  claim: AccessClaim,
): Promise<Authenticated | Refused> {
  const { boardId, document } = claim
  const board = isBoardId(boardId) ? await deps.store.getBoard(boardId) : undefined
  if (!board) return { ok: false, status: 404, reason: 'unknown-board', message: 'unknown board' }
  if (!document) return { ok: false, status: 404, reason: 'unknown-document', message: 'unknown document' }
  const role = roleForToken(board, claim.token)
  if (!role) return { ok: false, status: 401, reason: 'token', message: 'missing or wrong token' }
  const secret = claim.participantSecret
  if (secret !== null && !isParticipantSecret(secret)) {
    const message = 'the participant secret must be 22 to 128 base64url characters'
    return { ok: false, status: 400, reason: 'participant', message }
  }
  const access: Access = {
    role,
    participant: secret === null ? undefined : { id: participantId(boardId, secret) },
  }
  const read = deps.policies[document.kind].read(access, document)
  if (!read.ok) return { ok: false, status: 403, reason: 'forbidden', message: read.reason }
  return { ok: true, boardId, board, document, access, tokenHash: hashToken(claim.token ?? '') }
}

/** `/ws/<boardId>[/<document>]?token=…&participant=…` (the upgrade's URL, parsed; never logged whole). */
export function claimFromSocketUrl(url: URL): AccessClaim | undefined {
  const match = /^\/ws\/([^/]+)(?:\/(.+))?$/.exec(url.pathname)
  if (!match) return undefined
  return {
    boardId: match[1]!,
    document: documentFromPath(match[2]),
    token: url.searchParams.get('token'),
    participantSecret: url.searchParams.get(participantParam),
  }
}

/** An HTTP route about a board's content: `Authorization: Bearer <token>`, `X-Participant-Secret`. */
export function claimFromHttpRequest(req: IncomingMessage, boardId: string): AccessClaim {
  const secret = req.headers[participantHeader]
  return {
    boardId,
    document: { name: contentDocument, kind: 'content' },
    token: bearerToken(req.headers.authorization),
    participantSecret: typeof secret === 'string' ? secret : null,
  }
}
