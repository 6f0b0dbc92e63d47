/*
 * The whole board as one SVG, from the same scene the canvas and the PDF draw: grid, headers and notes
 * in reading order with a margin of the canvas's background around them. A <title> and <desc> name the
 * board for screen readers; every note's text is a <text> element. Pure: the server and the browser
 * both run it, given the font files (for the line breaks).
 */
import type * as Y from 'yjs'
import { readBoard } from '../board/schema'
import type { PdfFontFiles } from '../pdf/renderScenePdf'
import { buildScene, type Scene } from '../scene/buildScene'
import { paintItems } from '../scene/painter'
import { type FontMetrics, fontMetrics } from './fontMetrics'
import { escapeXml, SvgPainter } from './svgPainter'

const MARGIN = 32

let cached: { files: PdfFontFiles; fonts: { regular: FontMetrics; bold: FontMetrics } } | undefined

function metricsOf(files: PdfFontFiles) {
  if (cached?.files !== files)
    cached = { files, fonts: { regular: fontMetrics(files.regular), bold: fontMetrics(files.bold) } }
  return cached.fonts
}

export async function renderSceneSvg(scene: Scene, files: PdfFontFiles): Promise<string> {
  const painter = new SvgPainter(metricsOf(files))
  const width = scene.width + 2 * MARGIN
  const height = scene.height + 2 * MARGIN
  painter.raw(`<rect width="100%" height="100%" fill="${scene.background}"/>`)
  painter.save()
  painter.transform([1, 0, 0, 1, MARGIN, MARGIN])
  await paintItems(painter, scene.items)
  painter.restore()
  const { notes, stages, lanes } = scene.layout
  const desc = `Customer journey map: ${notes.size} notes in ${stages.length} stages (${stages.map((s) => s.title).join(', ')}) and ${lanes.length} lanes.`
  return painter.toString(
    width,
    height,
    `<title>${escapeXml(scene.title)}</title><desc>${escapeXml(desc)}</desc>`,
  )
}

export function boardSvg(doc: Y.Doc, files: PdfFontFiles): Promise<string> {
  return renderSceneSvg(buildScene(readBoard(doc)), files)
}
