/*
 * Loaded on demand (dynamic import) when someone exports: pdf-lib, fontkit and the two fonts stay out of
 * the first page load. Draws the local document (shared/pdf), so it works offline and includes edits not
 * yet synced; yields between batches of notes so the page keeps painting, then downloads the file.
 */

import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url'
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url'
import type * as Y from 'yjs'
import { readBoardTitle } from '../../../shared/src/board/schema'
import { boardPdf } from '../../../shared/src/pdf/boardPdf'
import { pdfFileName } from '../../../shared/src/pdf/fileName'
import type { PdfFontFiles } from '../../../shared/src/pdf/renderScenePdf'

let fonts: Promise<PdfFontFiles> | undefined

async function fetchFont(url: string): Promise<Uint8Array> {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`could not load the PDF font (${res.status})`)
  return new Uint8Array(await res.arrayBuffer())
}

function loadFonts(): Promise<PdfFontFiles> {
  fonts ??= Promise.all([fetchFont(regularUrl), fetchFont(boldUrl)]).then(([regular, bold]) => ({
    regular,
    bold,
  }))
  // A failed fetch (offline before the fonts were ever cached) is tried again next time.
  fonts.catch(() => {
    fonts = undefined
  })
  return fonts
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // The download has its own reference to the blob by now; the URL is only a handle.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Renders the board and hands the file to the browser as `<board title>.pdf`. */
export async function downloadBoardPdf(doc: Y.Doc): Promise<void> {
  const bytes = await boardPdf(doc, await loadFonts(), { exportedAt: new Date(), pause: nextTask })
  download(bytes, pdfFileName(readBoardTitle(doc)))
}
