/*
 * Worker thread that turns a board's stored updates into PDF bytes (shared/pdf) or an SVG (shared/svg),
 * off the event loop that relays live sync. It keeps its fonts between jobs and answers one job at a time.
 */

import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'
import { readBoardTitle } from '../../../shared/src/board/schema'
import { boardPdf } from '../../../shared/src/pdf/boardPdf'
import { readPdfFontFiles } from '../../../shared/src/pdf/nodeFontFiles'
import type { PdfExportOptions } from '../../../shared/src/pdf/pdfOptions'
import type { PdfFontFiles } from '../../../shared/src/pdf/renderScenePdf'
import { boardSvg } from '../../../shared/src/svg/boardSvg'

export interface PdfJob {
  updates: Uint8Array[]
  exportedAtMs: number
  /** 'pdf' unless said. */
  format?: 'pdf' | 'svg'
  /** Page size, layout, cover, insights; absent means the one poster page. */
  options?: PdfExportOptions
}

/** `title` is the document's own, fresher than the debounced summary row. */
export type PdfJobResult = { ok: true; bytes: Uint8Array; title: string } | { ok: false; error: string }

let fonts: Promise<PdfFontFiles> | undefined

async function render(job: PdfJob): Promise<{ bytes: Uint8Array; title: string }> {
  fonts ??= readPdfFontFiles()
  const doc = new Y.Doc()
  for (const update of job.updates) Y.applyUpdate(doc, update, 'load')
  try {
    const bytes =
      job.format === 'svg'
        ? new TextEncoder().encode(await boardSvg(doc, await fonts))
        : await boardPdf(doc, await fonts, {
            exportedAt: new Date(job.exportedAtMs),
            ...(job.options ? { pdf: job.options } : {}),
          })
    return { bytes, title: readBoardTitle(doc) }
  } finally {
    doc.destroy()
  }
}

parentPort?.on('message', (job: PdfJob) => {
  render(job).then(
    ({ bytes, title }) =>
      parentPort?.postMessage({ ok: true, bytes, title } satisfies PdfJobResult, [
        bytes.buffer as ArrayBuffer,
      ]),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  )
})
