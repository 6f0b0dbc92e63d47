/**
 * GET /api/boards/<id>/export.pdf with `Authorization: Bearer <token>`: the board as a one-page vector
 * PDF (shared/pdf), under the same rules as GET /api/boards/<id>: 404 for an unknown board, 401 for a
 * wrong token; an edit or a view token may export. The PDF is drawn from the stored updates, which hold
 * every edit anyone has seen (the server stores before it relays), in a worker thread (pdfExporter).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pdfContentDisposition } from '../../../shared/src/pdf/fileName'
import { bearerToken, isBoardId, roleForToken } from '../auth'
import type { Logger } from '../log'
import type { BoardStore } from '../storage/BoardStore'
import { sendJson } from './json'
import type { PdfExporter } from './pdfExporter'

export interface PdfExportDeps {
  store: BoardStore
  log: Logger
  now: () => number
  pdfExporter: PdfExporter
}

const RETRY_AFTER_SECONDS = 5

export async function exportBoardPdf(
  deps: PdfExportDeps,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
) {
  const board = isBoardId(id) ? await deps.store.getBoard(id) : undefined
  if (!board) return sendJson(res, 404, { error: `unknown board ${JSON.stringify(id)}` })
  const role = roleForToken(board, bearerToken(req.headers.authorization))
  if (!role)
    return sendJson(res, 401, { error: 'missing or wrong token (send Authorization: Bearer <token>)' })
  const updates = (await deps.store.loadUpdates(id)).map((u) => u.update)
  const started = performance.now()
  const result = await deps.pdfExporter.export({ updates, exportedAtMs: deps.now() })
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
