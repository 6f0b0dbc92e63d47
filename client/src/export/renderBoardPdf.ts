/*
 * Loaded on demand (dynamic import) when someone exports: pdf-lib, fontkit, the two fonts and the
 * painters stay out of the first page load. Draws the local document (shared/pdf, shared/svg, the
 * canvas painter), so it works offline and includes edits not yet synced; yields between batches of
 * notes so the page keeps painting and the dialog's progress moves, then downloads the file.
 */

import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url'
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url'
import type * as Y from 'yjs'
import { readBoard } from '../../../shared/src/board/schema'
import { boardPdf } from '../../../shared/src/pdf/boardPdf'
import { pdfFileName } from '../../../shared/src/pdf/fileName'
import type { PdfFontFiles } from '../../../shared/src/pdf/renderScenePdf'
import { buildScene } from '../../../shared/src/scene/buildScene'
import { renderSceneSvg } from '../../../shared/src/svg/boardSvg'
import { useUi } from '../state/ui'
import type { ExportRequest } from './pdfExport'
import { renderBoardPng } from './renderBoardImage'

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

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // The download has its own reference to the blob by now; the URL is only a handle.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Renders the board as asked and hands the file to the browser as `<board title>.<ext>`; answers a
 * sentence to show when the result differs from the request (an image scaled down to fit).
 */
export async function downloadBoard(
  doc: Y.Doc,
  request: ExportRequest,
  progress: (done: number, total: number) => void,
): Promise<string | undefined> {
  const board = readBoard(doc)
  const total = board.notes.length
  const pause = async (done: number) => {
    progress(done, total)
    await nextTask()
  }
  if (request.format === 'pdf') {
    const bytes = await boardPdf(doc, await loadFonts(), {
      exportedAt: new Date(),
      pdf: request.options,
      pause: nextTask,
      progress,
    })
    download(
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
      pdfFileName(board.title),
    )
    return undefined
  }
  const scene = buildScene(board)
  if (request.format === 'svg') {
    const svg = await renderSceneSvg(scene, await loadFonts())
    download(new Blob([svg], { type: 'image/svg+xml' }), pdfFileName(board.title, 'svg'))
    return undefined
  }
  const { viewport, canvasSize } = useUi.getState()
  // An item is a card or a text: about two per note.
  const image = await renderBoardPng(scene, request.image, { viewport, size: canvasSize }, (items) =>
    pause(Math.min(total, Math.round(items / 2))),
  )
  download(image.blob, pdfFileName(board.title, 'png'))
  if (image.scale < request.image.scale)
    return `The image is ${image.width} × ${image.height} px: ${request.image.scale}× would pass the browser's size limit.`
  return undefined
}
