import type { IncomingMessage, ServerResponse } from 'node:http'
import * as Y from 'yjs'
import { readBoardSummary } from '../../../shared/src/board/schema'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { bearerToken, hashToken, isBoardId, newBoardId, newToken, roleForToken } from '../auth'
import { clientIp } from '../limits/clientIp'
import type { IpRateLimit } from '../limits/ipRateLimit'
import type { Logger } from '../log'
import type { BoardRecord, BoardStore } from '../storage/BoardStore'
import { describeStoreFailure } from '../storage/storeFailure'
import { parseCreateBoardBody } from './createBoardBody'
import { readJsonBody, sendJson } from './json'

/**
 * /api/boards: create a board (the only moment its tokens are ever shown), list boards (no tokens),
 * and read one board's metadata with a Bearer token. Timestamps are ISO 8601 strings. A store that
 * rejects surfaces in requestHandler as a logged 500 `{ error }` without details, except a full disk on
 * create, which is 507 with a message the user can act on. Creating is rate-limited per client IP
 * (429 with Retry-After), since each board is a lasting row and document.
 */
export interface BoardsApiDeps {
  store: BoardStore
  log: Logger
  now: () => number
  maxJsonBodyBytes: number
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

export async function listBoards(deps: BoardsApiDeps, res: ServerResponse) {
  const boards = await deps.store.listBoards()
  sendJson(res, 200, { boards: boards.map(publicFields) })
}

export async function getBoard(deps: BoardsApiDeps, req: IncomingMessage, res: ServerResponse, id: string) {
  const board = isBoardId(id) ? await deps.store.getBoard(id) : undefined
  if (!board) return sendJson(res, 404, { error: `unknown board ${JSON.stringify(id)}` })
  const role = roleForToken(board, bearerToken(req.headers.authorization))
  if (!role)
    return sendJson(res, 401, { error: 'missing or wrong token (send Authorization: Bearer <token>)' })
  const { id: boardId, title, ...rest } = publicFields(board)
  sendJson(res, 200, { id: boardId, title, role, ...rest })
}
