import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../log'
import type { Metrics } from '../metrics'
import { createBoard, getBoard, knownBoards, listBoards, rotateLink } from './boardsApi'
import { type ExchangeDeps, exportCsv, exportJson, importBoard } from './exchangeApi'
import { sendJson } from './json'
import { serveMetrics } from './metricsEndpoint'
import { exportBoardPdf, type PdfExportDeps } from './pdfExportApi'
import { type ReadinessDeps, serveReadiness } from './readiness'
import { applySecurityHeaders } from './securityHeaders'
import { createStaticClient } from './staticClient'
import { listTemplates, saveTemplate } from './templatesApi'
import { serveTime } from './timeApi'

/*
 * Routes every plain HTTP request: health, metrics, the boards API, and the static client. Every
 * response carries the security headers and an X-Request-Id that is also on each of its log lines;
 * every request is counted by route and status.
 */

export interface RequestHandlerDeps extends ExchangeDeps, PdfExportDeps {
  staticDir: string
  log: Logger
  metrics: Metrics
  metricsToken: string | undefined
  readiness: ReadinessDeps
}

/** A fixed set of route labels, so a scanner probing random paths cannot blow up metric cardinality. */
function routeLabel(pathname: string): string {
  const fixed = [
    '/healthz',
    '/readyz',
    '/metrics',
    '/api/boards',
    '/api/boards/known',
    '/api/boards/import',
    '/api/templates',
    '/api/time',
  ]
  if (fixed.includes(pathname)) return pathname
  if (/^\/api\/boards\/[^/]+$/.test(pathname)) return '/api/boards/:id'
  const exportFile = /^\/api\/boards\/[^/]+\/export\.(pdf|svg|json|csv)$/.exec(pathname)
  if (exportFile) return `/api/boards/:id/export.${exportFile[1]}`
  if (/^\/api\/boards\/[^/]+\/links\/[^/]+\/rotate$/.test(pathname))
    return '/api/boards/:id/links/:role/rotate'
  if (pathname === '/api' || pathname.startsWith('/api/')) return '/api/*'
  if (pathname.startsWith('/assets/')) return '/assets/*'
  return 'client'
}

const newRequestId = () => `r_${randomBytes(6).toString('base64url')}`

export function createRequestHandler(deps: RequestHandlerDeps) {
  const serveClient = createStaticClient(deps.staticDir)

  async function route(req: IncomingMessage, res: ServerResponse, pathname: string, log: Logger) {
    const method = req.method ?? 'GET'
    const api = { ...deps, log }
    if (pathname === '/metrics' && (method === 'GET' || method === 'HEAD')) {
      return serveMetrics(deps.metrics, deps.metricsToken, req, res)
    }
    if (pathname === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      return void res.end('ok')
    }
    if (pathname === '/readyz') return serveReadiness(deps.readiness, res)
    if (pathname === '/api/time') return serveTime(deps.now, req, res)
    if (pathname === '/api/boards') {
      if (method === 'POST') return createBoard(api, req, res)
      if (method === 'GET') return listBoards(api, req, res)
      return sendJson(res, 405, { error: `${method} is not allowed on /api/boards` })
    }
    if (pathname === '/api/templates') {
      if (method === 'GET') return listTemplates(api, res)
      if (method === 'POST') return saveTemplate(api, req, res)
      return sendJson(res, 405, {
        error: `${method} is not allowed on /api/templates (GET to list, POST to save)`,
      })
    }
    if (pathname === '/api/boards/known') {
      if (method === 'POST') return knownBoards(api, req, res)
      return sendJson(res, 405, {
        error: `${method} is not allowed on /api/boards/known (POST the links you hold)`,
      })
    }
    if (pathname === '/api/boards/import') {
      if (method === 'POST') return importBoard(api, req, res)
      return sendJson(res, 405, { error: `${method} is not allowed on ${pathname} (POST a board's JSON)` })
    }
    const dataPath = /^\/api\/boards\/([^/]+)\/export\.(json|csv)$/.exec(pathname)
    if (dataPath) {
      if (method !== 'GET') return sendJson(res, 405, { error: `${method} is not allowed on ${pathname}` })
      return dataPath[2] === 'json'
        ? exportJson(api, req, res, dataPath[1]!)
        : exportCsv(api, req, res, dataPath[1]!)
    }
    const boardPath = /^\/api\/boards\/([^/]+)$/.exec(pathname)
    if (boardPath) {
      if (method === 'GET') return getBoard(api, req, res, boardPath[1]!)
      return sendJson(res, 405, { error: `${method} is not allowed on ${pathname}` })
    }
    const rotatePath = /^\/api\/boards\/([^/]+)\/links\/([^/]+)\/rotate$/.exec(pathname)
    if (rotatePath) {
      if (method === 'POST') return rotateLink(api, req, res, rotatePath[1]!, rotatePath[2]!)
      return sendJson(res, 405, { error: `${method} is not allowed on ${pathname} (POST to rotate)` })
    }
    const exportPath = /^\/api\/boards\/([^/]+)\/export\.(pdf|svg)$/.exec(pathname)
    if (exportPath) {
      const format = exportPath[2] === 'svg' ? 'svg' : 'pdf'
      if (method === 'GET') return exportBoardPdf(api, req, res, exportPath[1]!, format)
      return sendJson(res, 405, { error: `${method} is not allowed on ${pathname}` })
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) return sendJson(res, 404, { error: 'not found' })
    if (method === 'GET' || method === 'HEAD') return serveClient(req, res, pathname)
    sendJson(res, 405, { error: `${method} is not allowed here` })
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = newRequestId()
    const log = deps.log.child({ reqId: requestId })
    applySecurityHeaders(res)
    res.setHeader('X-Request-Id', requestId)
    let pathname = '/'
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    } catch {
      // an unparseable request line: routed as the client, which answers 404/400
    }
    res.once('finish', () => {
      deps.metrics.httpRequests.inc({ route: routeLabel(pathname), status: String(res.statusCode) })
    })
    route(req, res, pathname, log).catch((error: unknown) => {
      // Log the path only: the query string or headers could carry a token.
      log.error({ err: error, method: req.method, path: req.url?.split('?')[0] }, 'request failed')
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' })
      else res.destroy()
    })
  }
}
