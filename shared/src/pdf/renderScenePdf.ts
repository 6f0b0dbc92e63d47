/*
 * A scene as a one-page, vector PDF: the board title above the map, a footer with the title and the
 * export time below it (the page chrome, drawn here), and the map itself as the canvas draws it: the
 * scene's items through the PDF painter (paintItems, pdfPainter), placed by paginate's 'fit' page.
 * Fonts are passed in as bytes (the server reads them from disk, the browser fetches them on demand)
 * and embedded as subsets. Pure apart from pdf-lib: no file system, no DOM, so the server and the
 * browser both run it.
 */
import { PDFDocument } from 'pdf-lib'
import type { Scene } from '../scene/buildScene'
import { paginate } from '../scene/paginate'
import { type Pause, paintItems } from '../scene/painter'
import { BOARD_INK } from '../scene/palette'
import { wrapText } from '../text/wrapText'
import { FOOTER_BAND_PT, MARGIN_PT, posterFrame } from './pageLayout'
import { embedTextFont } from './pdfFont'
import { type PdfFonts, PdfPainter } from './pdfPainter'

/** TrueType files: DejaVu Sans and DejaVu Sans Bold (Latin, Greek, Cyrillic and much more). */
export interface PdfFontFiles {
  regular: Uint8Array
  bold: Uint8Array
}

export interface PdfOptions {
  exportedAt: Date
  /** Yields between batches of items (the browser passes one, so the page stays responsive). */
  pause?: Pause
}

const TITLE_PT = 20
const META_PT = 9
const MUTED = '#5b6478'

/** "2026-11-24 14:05 UTC": unambiguous wherever the PDF is read. */
export const exportStamp = (at: Date): string => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`

function drawChrome(
  painter: PdfPainter,
  fonts: PdfFonts,
  scene: Scene,
  pageW: number,
  pageH: number,
  at: Date,
) {
  const stamp = exportStamp(at)
  const counts = [
    count(scene.layout.notes.size, 'note'),
    count(scene.layout.stages.length, 'stage'),
    count(scene.layout.lanes.length, 'lane'),
  ].join(' · ')
  const countsW = fonts.regular.measure(counts, META_PT)
  const titleW = pageW - 2 * MARGIN_PT - countsW - 24
  const measure = (t: string) => fonts.bold.measure(t, TITLE_PT)
  const title = fonts.bold.repair(scene.title)
  const [titleLine = ''] = wrapText(
    title,
    { width: titleW, height: TITLE_PT, lineHeightPx: TITLE_PT, wrap: 'none' },
    measure,
  )
  const titleBaseline = MARGIN_PT + TITLE_PT
  painter.line(fonts.bold, TITLE_PT, MARGIN_PT, titleBaseline, titleLine, BOARD_INK.stageHeaderFill)
  painter.line(fonts.regular, META_PT, pageW - MARGIN_PT - countsW, titleBaseline, counts, MUTED)
  const footerBaseline = pageH - MARGIN_PT - (FOOTER_BAND_PT - META_PT) / 2
  const brand = 'Journeyboard'
  const brandW = fonts.regular.measure(brand, META_PT)
  const footerMeasure = (t: string) => fonts.regular.measure(t, META_PT)
  const footerBox = {
    width: pageW - 2 * MARGIN_PT - brandW - 24,
    height: META_PT,
    lineHeightPx: META_PT,
    wrap: 'none' as const,
  }
  const [footer = ''] = wrapText(
    `${fonts.regular.repair(scene.title)} · exported ${stamp}`,
    footerBox,
    footerMeasure,
  )
  painter.line(fonts.regular, META_PT, MARGIN_PT, footerBaseline, footer, MUTED)
  painter.line(fonts.regular, META_PT, pageW - MARGIN_PT - brandW, footerBaseline, brand, MUTED)
}

export async function renderScenePdf(
  scene: Scene,
  files: PdfFontFiles,
  options: PdfOptions,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle(scene.title, { showInWindowTitleBar: true })
  doc.setCreator('Journeyboard')
  doc.setProducer('Journeyboard PDF export (pdf-lib)')
  doc.setCreationDate(options.exportedAt)
  doc.setModificationDate(options.exportedAt)
  const fonts: PdfFonts = {
    regular: await embedTextFont(doc, files.regular),
    bold: await embedTextFont(doc, files.bold),
  }
  const frame = posterFrame(scene.width, scene.height)
  const page = doc.addPage([frame.width, frame.height])
  const painter = new PdfPainter(page, fonts)
  painter.save()
  // y-down points from the page's top-left, the scene's orientation.
  painter.transform([1, 0, 0, -1, 0, frame.height])
  drawChrome(painter, fonts, scene, frame.width, frame.height, options.exportedAt)
  for (const view of paginate(scene, frame)[0]?.views ?? []) {
    painter.save()
    painter.clip(view.clip)
    painter.transform(view.transform)
    await paintItems(painter, scene.items, options.pause)
    painter.restore()
  }
  painter.restore()
  painter.flush()
  return doc.save({ useObjectStreams: true })
}
