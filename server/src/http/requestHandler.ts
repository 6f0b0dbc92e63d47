import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../log'
import { type BoardsApiDeps, createBoard, getBoard, listBoards } from './boardsApi'
import { sendJson } from './json'
import { createStaticClient } from './staticClient'

/** Routes every plain HTTP request: health, the boards API, and the static client. */
export interface RequestHandlerDeps extends BoardsApiDeps {
  staticDir: string
  log: Logger
}

export function createRequestHandler(deps: RequestHandlerDeps) {
  const serveClient = createStaticClient(deps.staticDir)

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost')
    const method = req.method ?? 'GET'
    if (pathname === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      return void res.end('ok')
    }
    if (pathname === '/api/boards') {
      if (method === 'POST') return createBoard(deps, req, res)
      if (method === 'GET') return listBoards(deps, res)
      return sendJson(res, 405, { error: `${method} is not allowed on /api/boards` })
    }
    const boardPath = /^\/api\/boards\/([^/]+)$/.exec(pathname)
    if (boardPath) {
      if (method === 'GET') return getBoard(deps, req, res, boardPath[1]!)
      return sendJson(res, 405, { error: `${method} is not allowed on ${pathname}` })
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) return sendJson(res, 404, { error: 'not found' })
    if (method === 'GET' || method === 'HEAD') return serveClient(req, res, pathname)
    sendJson(res, 405, { error: `${method} is not allowed here` })
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res).catch((error: unknown) => {
      // Log the path only: the query string or headers could carry a token.
      deps.log.error({ err: error, method: req.method, path: req.url?.split('?')[0] }, 'request failed')
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' })
      else res.destroy()
    })
  }
}
