import type { IncomingMessage, ServerResponse } from 'node:http'
import * as Y from 'yjs'
import { readBoardSummary } from '../../../shared/src/board/schema'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { clientIp } from '../limits/clientIp'
import type { IpRateLimit } from '../limits/ipRateLimit'
import type { Logger } from '../log'
import type { Role } from '../permissions/access'
import { authenticate, claimFromHttpRequest } from '../permissions/authenticate'
import type { DocumentPolicies } from '../permissions/documentPolicies'
import { contentDocument } from '../permissions/documents'
import { bearerToken, hashToken, isSecret, newBoardId, newToken } from '../permissions/tokens'
import type { BoardRecord, BoardStore } from '../storage/BoardStore'
import { describeStoreFailure } from '../storage/storeFailure'
import { parseCreateBoardBody } from './createBoardBody'
import { readJsonBody, sendJson } from './json'
import { parseKnownBoardsBody } from './knownBoardsBody'

// /api/boards: create a board (the only moment its tokens are ever shown), read one board's metadata
// with a Bearer token, tell a browser which of the links it holds still work (the home page), and list
// every board, for the operator only (ADMIN_TOKEN): a server several teams share must not tell a
// visitor what the others are working on. Timestamps are ISO 8601 strings. A store that rejects
// surfaces in requestHandler as a logged 500 `{ error }` without details, except a full disk on create,
// which is 507 with a message the user can act on. Creating is rate-limited per client IP (429 with
// Retry-After), since each board is a lasting row and document.

export interface BoardsApiDeps {
  store: BoardStore
  log: Logger
  now: () => number
  policies: DocumentPolicies
  maxJsonBodyBytes: number
  /** Links one POST /api/boards/known may ask about. */
  maxKnownBoards: number
  /** The operator's token for the whole board list; unset, the list is not served. */
  adminToken: string | undefined
  createLimit: IpRateLimit
  /** See config.trustProxyHops: how the client IP is found behind proxies. */
  trustProxyHops: number
}

export const diskFullMessage = "the server's disk is full; try again later"

const defaultTitle = 'Customer journey'

const publicFields = (board: BoardRecord) => ({
  id: board.id,
  title: board.title,
  createdAt: new Date(board.createdAt).toISOString(),
  updatedAt: new Date(board.updatedAt).toISOString(),
  noteCount: board.noteCount,
})

export async function createBoard(deps: BoardsApiDeps, req: IncomingMessage, res: ServerResponse) {
  const ip = clientIp(req, deps.trustProxyHops)
  const allowed = deps.createLimit.take(ip)
  if (!allowed.ok) {
    deps.log.warn({ retryAfterSeconds: allowed.retryAfterSeconds }, 'board creation rate-limited')
    res.setHeader('Retry-After', String(allowed.retryAfterSeconds))
    return sendJson(res, 429, {
      error: `too many boards created from this address; try again in ${allowed.retryAfterSeconds} s`,
    })
  }
  const body = await readJsonBody(req, deps.maxJsonBodyBytes)
  if (!body.ok) return sendJson(res, body.status, { error: body.error })
  const parsed = parseCreateBoardBody(body.value)
  if (!parsed.ok) return sendJson(res, 400, { error: parsed.error })
  const title = parsed.value.title ?? defaultTitle
  const template = parsed.value.template ?? 'customer-lifecycle'

  const doc = new Y.Doc()
  applyTemplate(doc, template, { title })
  const initialUpdate = Y.encodeStateAsUpdate(doc)
  const summary = readBoardSummary(doc)
  doc.destroy()

  const id = newBoardId()
  const editToken = newToken()
  const viewToken = newToken()
  try {
    await deps.store.createBoard(
      {
        id,
        title: summary.title,
        editTokenHash: hashToken(editToken),
        viewTokenHash: hashToken(viewToken),
        createdAt: deps.now(),
        noteCount: summary.noteCount,
      },
      initialUpdate,
    )
  } catch (error) {
    const failure = describeStoreFailure(error)
    if (failure.kind !== 'disk full') throw error // a logged 500 (requestHandler)
    deps.log.error(
      { err: error, storeFailure: failure.kind, action: failure.action },
      'creating a board failed',
    )
    return sendJson(res, 507, { error: diskFullMessage })
  }
  deps.log.info({ boardId: id, template }, 'board created')
  sendJson(res, 201, {
    id,
    title: summary.title,
    editToken,
    viewToken,
    editUrl: `/b/${id}#token=${editToken}`,
    viewUrl: `/b/${id}#token=${viewToken}`,
  })
}

/** Every board, for the operator: `Authorization: Bearer <ADMIN_TOKEN>`. */
export async function listBoards(deps: BoardsApiDeps, req: IncomingMessage, res: ServerResponse) {
  if (deps.adminToken === undefined) {
    return sendJson(res, 403, {
      error: 'the list of all boards is off on this server (the operator sets ADMIN_TOKEN to use it)',
    })
  }
  if (!isSecret(bearerToken(req.headers.authorization), deps.adminToken)) {
    res.setHeader('WWW-Authenticate', 'Bearer')
    return sendJson(res, 401, {
      error: 'missing or wrong admin token (send Authorization: Bearer <ADMIN_TOKEN>)',
    })
  }
  const boards = await deps.store.listBoards()
  sendJson(res, 200, { boards: boards.map(publicFields) })
}

/**
 * The boards a browser proves a link for: each `{ id, token }` it sends is checked like a GET of that
 * board. Those whose token works come back with their summary and role, newest edit first; the ids of
 * the others (unknown board or wrong token, not told apart) come back as `unavailable`, so the page can
 * say the link no longer works.
 */
export async function knownBoards(deps: BoardsApiDeps, req: IncomingMessage, res: ServerResponse) {
  const body = await readJsonBody(req, deps.maxJsonBodyBytes)
  if (!body.ok) return sendJson(res, body.status, { error: body.error })
  const parsed = parseKnownBoardsBody(body.value, deps.maxKnownBoards)
  if (!parsed.ok) return sendJson(res, 400, { error: parsed.error })
  const found = new Map<string, { board: BoardRecord; role: Role }>()
  const unavailable = new Set<string>()
  for (const { id, token } of parsed.value) {
    const auth = await authenticate(deps, {
      boardId: id,
      document: { name: contentDocument, kind: 'content' },
      token,
      participantSecret: null,
    })
    if (!auth.ok) {
      if (!found.has(id)) unavailable.add(id)
      continue
    }
    // A browser may hold several links to one board: the strongest role wins.
    const known = found.get(id)
    if (!known || roleRank[auth.access.role] > roleRank[known.role])
      found.set(id, { board: auth.board, role: auth.access.role })
    unavailable.delete(id)
  }
  const boards = [...found.values()]
    .sort((a, b) => b.board.updatedAt - a.board.updatedAt || a.board.id.localeCompare(b.board.id))
    .map(({ board, role }) => ({ ...publicFields(board), role }))
  sendJson(res, 200, { boards, unavailable: [...unavailable] })
}

const roleRank: Record<Role, number> = { view: 0, edit: 1, facilitate: 2 }

/** One board's summary and the caller's role (and participant id, when it sent a participant secret). */
export async function getBoard(deps: BoardsApiDeps, req: IncomingMessage, res: ServerResponse, id: string) {
  const auth = await authenticate(deps, claimFromHttpRequest(req, id))
  if (!auth.ok) return sendJson(res, auth.status, { error: httpRefusal(auth, id) })
  const { id: boardId, title, ...rest } = publicFields(auth.board)
  const participant = auth.access.participant
  sendJson(res, 200, {
    id: boardId,
    title,
    role: auth.access.role,
    ...rest,
    ...(participant ? { participantId: participant.id } : {}),
  })
}

/** The error text of an HTTP refusal, naming what to send. */
export function httpRefusal(refusal: { status: number; message: string }, boardId: string): string {
  if (refusal.status === 404) return `unknown board ${JSON.stringify(boardId)}`
  if (refusal.status === 401) return `${refusal.message} (send Authorization: Bearer <token>)`
  return refusal.message
}
