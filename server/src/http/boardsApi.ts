import type { IncomingMessage, ServerResponse } from 'node:http'
import { clientIp } from '../limits/clientIp'
import type { IpRateLimit } from '../limits/ipRateLimit'
import type { Logger } from '../log'
import type { Role } from '../permissions/access'
import { authenticate, claimFromHttpRequest } from '../permissions/authenticate'
import type { DocumentPolicies } from '../permissions/documentPolicies'
import { contentDocument } from '../permissions/documents'
import {
  boardUrl,
  linkRoles,
  linksToHandOut,
  newBoardLinks,
  planRotation,
  rotatableLinks,
} from '../permissions/links'
import { bearerToken, isSecret, newBoardId } from '../permissions/tokens'
import type { BoardRecord, BoardStore } from '../storage/BoardStore'
import { describeStoreFailure } from '../storage/storeFailure'
import type { LinkSockets } from '../sync/linkSockets'
import { boardFromTemplate } from './boardFromTemplate'
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
  /** Saved templates the server keeps (templatesApi.ts). */
  maxSavedTemplates: number
  /** The operator's token for the whole board list; unset, the list is not served. */
  adminToken: string | undefined
  createLimit: IpRateLimit
  /** See config.trustProxyHops: how the client IP is found behind proxies. */
  trustProxyHops: number
  /** Open sockets by token, closed when their link is rotated. */
  linkSockets: LinkSockets
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

  const built = await boardFromTemplate(deps.store, template, title)
  if (!built.ok) {
    if (built.status === 500) deps.log.error({ template }, built.error)
    return sendJson(res, built.status, { error: built.error })
  }
  const created = await storeNewBoard(deps, res, built.summary, built.update)
  if (!created) return
  deps.log.info({ boardId: created.id, template }, 'board created')
  sendJson(res, 201, created)
}

/** What POST /api/boards (and /api/boards/import) answers: the board's id, title, tokens and links. */
export interface CreatedBoard {
  id: string
  title: string
  editToken: string
  viewToken: string
  facilitatorToken: string
  editUrl: string
  viewUrl: string
  facilitatorUrl: string
}

/**
 * Stores a new board with fresh links; the answer to send, or undefined once it answered a full disk
 * with 507. Any other store failure rejects (a logged 500, requestHandler).
 */
export async function storeNewBoard(
  deps: BoardsApiDeps,
  res: ServerResponse,
  summary: { title: string; noteCount: number },
  initialUpdate: Uint8Array,
): Promise<CreatedBoard | undefined> {
  const id = newBoardId()
  const { links, tokens } = newBoardLinks()
  try {
    await deps.store.createBoard(
      { id, title: summary.title, ...links, createdAt: deps.now(), noteCount: summary.noteCount },
      initialUpdate,
    )
  } catch (error) {
    const failure = describeStoreFailure(error)
    if (failure.kind !== 'disk full') throw error // a logged 500 (requestHandler)
    deps.log.error(
      { err: error, storeFailure: failure.kind, action: failure.action },
      'creating a board failed',
    )
    sendJson(res, 507, { error: diskFullMessage })
    return undefined
  }
  return {
    id,
    title: summary.title,
    editToken: tokens.edit,
    viewToken: tokens.view,
    facilitatorToken: tokens.facilitate,
    editUrl: boardUrl(id, tokens.edit),
    viewUrl: boardUrl(id, tokens.view),
    facilitatorUrl: boardUrl(id, tokens.facilitate),
  }
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

/**
 * One board's summary and the caller's role (and participant id, when it sent a participant secret);
 * to an edit or facilitator caller also the links it may hand out (`links: { view?, edit?, facilitate? }`,
 * each `{ token, url }`) and the roles whose link it may rotate (`canRotate`): permissions/links.ts.
 */
export async function getBoard(deps: BoardsApiDeps, req: IncomingMessage, res: ServerResponse, id: string) {
  const claim = claimFromHttpRequest(req, id)
  const auth = await authenticate(deps, claim)
  if (!auth.ok) return sendJson(res, auth.status, { error: httpRefusal(auth, id) })
  const { id: boardId, title, ...rest } = publicFields(auth.board)
  const { participant, role } = auth.access
  const handed = linksToHandOut(auth.board, role, claim.token ?? '')
  const links: Partial<Record<Role, { token: string; url: string }>> = {}
  for (const linkRole of linkRoles) {
    const token = handed[linkRole]
    if (token) links[linkRole] = { token, url: boardUrl(boardId, token) }
  }
  sendJson(res, 200, {
    id: boardId,
    title,
    role,
    ...rest,
    ...(participant ? { participantId: participant.id } : {}),
    ...(role === 'view' ? {} : { links, canRotate: rotatableLinks(auth.board, role) }),
  })
}

const maxRotationAttempts = 5

/**
 * POST /api/boards/<id>/links/<role>/rotate with the Bearer token of a role allowed to rotate it
 * (links.ts): a new token for that link, `200 { token, url }`. The old token gets 401 from the next
 * request on, and every socket that joined with it is closed with 4401 (closeCodes.linkRotated). The
 * row is swapped by compare-and-swap: a rotation that lost a race with another is planned again
 * from the row as it now is (the caller's own token may be what the other rotated: then 401).
 */
export async function rotateLink(
  deps: BoardsApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  target: string,
) {
  if (!linkRoles.includes(target as Role)) {
    return sendJson(res, 404, {
      error: `unknown link ${JSON.stringify(target)} (expected one of ${linkRoles.join(', ')})`,
    })
  }
  const role = target as Role
  const claim = claimFromHttpRequest(req, id)
  for (let attempt = 0; attempt < maxRotationAttempts; attempt++) {
    const auth = await authenticate(deps, claim)
    if (!auth.ok) return sendJson(res, auth.status, { error: httpRefusal(auth, id) })
    const plan = planRotation(auth.board, auth.access.role, claim.token ?? '', role)
    if (!plan.ok) return sendJson(res, plan.status, { error: plan.error })
    if (!(await deps.store.updateLinks(id, auth.board, plan.next))) continue
    const oldHash = linkHash(auth.board, role)
    const closed = oldHash ? deps.linkSockets.revoke(id, oldHash) : 0
    deps.log.info({ boardId: id, link: role, by: auth.access.role, socketsClosed: closed }, 'link rotated')
    return sendJson(res, 200, { token: plan.token, url: boardUrl(id, plan.token) })
  }
  sendJson(res, 409, { error: 'the links were changed by another request meanwhile; try again' })
}

const linkHash = (board: BoardRecord, role: Role) =>
  role === 'facilitate'
    ? board.facilitatorTokenHash
    : role === 'edit'
      ? board.editTokenHash
      : board.viewTokenHash

/** The error text of an HTTP refusal, naming what to send. */
export function httpRefusal(refusal: { status: number; message: string }, boardId: string): string {
  if (refusal.status === 404) return `unknown board ${JSON.stringify(boardId)}`
  if (refusal.status === 401) return `${refusal.message} (send Authorization: Bearer <token>)`
  return refusal.message
}
