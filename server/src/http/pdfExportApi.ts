// GET /api/boards/<id>/export.pdf?page=&layout=&orientation=&cover=&insights=&lang= with `Authorization:
// Bearer <token>`: the board as a vector, tagged PDF (shared/pdf; no parameters: one poster page; a bad
// parameter: 400 naming it), under the same rules as GET /api/boards/<id> (authenticate: 404 for an unknown
// board, 401 for a wrong token); any role may export. The PDF is drawn from the content document's
// stored updates, which hold every edit anyone has seen (the server stores before it relays), in a
// worker thread (pdfExporter). The board's other documents (facilitation, private) are not in it.
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

export async function exportBoardPdf(
  deps: PdfExportDeps,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
) {
  const auth = await authenticate(deps, claimFromHttpRequest(req, id))
  if (!auth.ok) return sendJson(res, auth.status, { error: httpRefusal(auth, id) })
  const parsed = parsePdfQuery(new URL(req.url ?? '/', 'http://localhost').searchParams)
  if (!parsed.ok) return sendJson(res, 400, { error: parsed.error })
  const updates = (await deps.store.loadUpdates(id, contentDocument)).map((u) => u.update)
  const started = performance.now()
  const result = await deps.pdfExporter.export({
    updates,
    exportedAtMs: deps.now(),
    options: parsed.options,
  })
  if (!result.ok) {
    if (result.reason === 'busy') {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
      return sendJson(res, 503, { error: result.error })
    }
    deps.log.error({ boardId: id, error: result.error }, 'PDF export failed')
    return sendJson(res, 500, { error: `PDF export failed: ${result.error}` })
  }
  deps.log.info(
    { boardId: id, bytes: result.pdf.byteLength, ms: Math.round(performance.now() - started) },
    'PDF exported',
  )
  res.writeHead(200, {
    'Content-Type': 'application/pdf',
    'Content-Length': result.pdf.byteLength,
    'Content-Disposition': pdfContentDisposition(result.title),
    'Cache-Control': 'no-store',
  })
  res.end(result.pdf)
}
