// GET /api/boards/<id>/export.pdf?page=&layout=&orientation=&cover=&insights=&lang= and
// GET /api/boards/<id>/export.svg, with `Authorization: Bearer <token>`: the board as a vector, tagged
// PDF (shared/pdf; no parameters: one poster page; a bad parameter: 400 naming it) or as one SVG of the
// whole board (shared/svg), under the same rules as GET /api/boards/<id> (authenticate: 404 for an
// unknown board, 401 for a wrong token); any role may export. Both are drawn from the content
// document's stored updates, which hold every edit anyone has seen (the server stores before it
// relays), in a worker thread (pdfExporter). The board's other documents (facilitation, private) are
// not in them.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pdfContentDisposition } from '../../../shared/src/pdf/fileName'
import { parsePdfQuery } from '../../../shared/src/pdf/pdfOptions'
import type { Logger } from '../log'
import { authenticate, claimFromHttpRequest } from '../permissions/authenticate'
import type { DocumentPolicies } from '../permissions/documentPolicies'
import { contentDocument } from '../permissions/documents'
import type { BoardStore } from '../storage/BoardStore'
import { httpRefusal } from './boardsApi'
import { sendJson } from './json'
import type { PdfExporter } from './pdfExporter'

export interface PdfExportDeps {
  store: BoardStore
  log: Logger
  now: () => number
  policies: DocumentPolicies
  pdfExporter: PdfExporter
}

const RETRY_AFTER_SECONDS = 5

const CONTENT_TYPE = { pdf: 'application/pdf', svg: 'image/svg+xml; charset=utf-8' } as const

export async function exportBoardPdf(
  deps: PdfExportDeps,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  format: 'pdf' | 'svg' = 'pdf',
) {
  const auth = await authenticate(deps, claimFromHttpRequest(req, id))
  if (!auth.ok) return sendJson(res, auth.status, { error: httpRefusal(auth, id) })
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams
  let options: ReturnType<typeof parsePdfQuery> | undefined
  if (format === 'pdf') {
    options = parsePdfQuery(query)
    if (!options.ok) return sendJson(res, 400, { error: options.error })
  } else {
    const [name] = query.keys()
    if (name !== undefined) return sendJson(res, 400, { error: `${name}: export.svg takes no parameters` })
  }
  const updates = (await deps.store.loadUpdates(id, contentDocument)).map((u) => u.update)
  const started = performance.now()
  const result = await deps.pdfExporter.export({
    updates,
    exportedAtMs: deps.now(),
    format,
    ...(options?.ok ? { options: options.options } : {}),
  })
  const label = format.toUpperCase()
  if (!result.ok) {
    if (result.reason === 'busy') {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
      return sendJson(res, 503, { error: result.error })
    }
    deps.log.error({ boardId: id, error: result.error }, `${label} export failed`)
    return sendJson(res, 500, { error: `${label} export failed: ${result.error}` })
  }
  deps.log.info(
    { boardId: id, bytes: result.bytes.byteLength, ms: Math.round(performance.now() - started) },
    `${label} exported`,
  )
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPE[format],
    'Content-Length': result.bytes.byteLength,
    'Content-Disposition': pdfContentDisposition(result.title, format),
    'Cache-Control': 'no-store',
  })
  res.end(result.bytes)
}
