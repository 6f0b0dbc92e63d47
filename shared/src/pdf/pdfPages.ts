/*
 * The pages of one export and what they share: the fonts, the structure tree, a painter per page in the
 * scene's y-down space (points from the page's top-left), and the page furniture every page gets once
 * the page count is known: the footer ("<title> · page n of m" and the export time), an artifact so a
 * screen reader skips it.
 */
import type { PDFDocument, PDFPage } from 'pdf-lib'
import type { TextItem } from '../scene/items'
import { wrapText } from '../text/wrapText'
import { FOOTER_BAND_PT, MARGIN_PT } from './pageLayout'
import type { PdfTextFont } from './pdfFont'
import { type PdfFonts, PdfPainter } from './pdfPainter'
import type { StructNode, StructureTree } from './structure'

export const META_PT = 9
export const MUTED = '#5b6478'
export const INK = '#1f2a44'

/** "2026-11-24 14:05 UTC": unambiguous wherever the PDF is read. */
export const exportStamp = (at: Date): string => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`

export interface DrawnPage {
  page: PDFPage
  painter: PdfPainter
  width: number
  height: number
}

export class PdfPages {
  readonly pages: DrawnPage[] = []
  /** Lines already broken for a text item (the notes', by the cut check), shared by every page's painter. */
  readonly layouts = new WeakMap<TextItem, string[]>()

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: PdfFonts,
    readonly tree: StructureTree,
    readonly title: string,
    readonly exportedAt: Date,
  ) {}

  add(width: number, height: number): DrawnPage {
    const page = this.doc.addPage([width, height])
    const painter = new PdfPainter(page, this.fonts, this.layouts)
    painter.save()
    painter.transform([1, 0, 0, -1, 0, height])
    const drawn = { page, painter, width, height }
    this.pages.push(drawn)
    return drawn
  }

  /** One line of text at a baseline, tagged as (part of) `element`, or an artifact without one. */
  line(
    at: DrawnPage,
    font: PdfTextFont,
    size: number,
    x: number,
    baseline: number,
    text: string,
    color: string,
    element?: StructNode,
  ): void {
    if (text === '') return
    if (element) at.painter.beginTagged(element.type, this.tree.mcid(at.page, element))
    else at.painter.beginArtifact()
    at.painter.line(font, size, x, baseline, text, color)
    at.painter.endMarked()
  }

  /** `text` cut to one line of `width` with "…", in the font's repaired form. */
  fitLine(font: PdfTextFont, size: number, text: string, width: number): string {
    const [line = ''] = wrapText(
      font.repair(text).replace(/\n/g, ' '),
      { width, height: size, lineHeightPx: size, wrap: 'none' },
      (t) => font.measure(t, size),
    )
    return line
  }

  /** Footers on every page, then every painter's content flushed to its page. */
  finish(): void {
    const { regular } = this.fonts
    const total = this.pages.length
    const stamp = `exported ${exportStamp(this.exportedAt)} · Journeyboard`
    this.pages.forEach((at, i) => {
      const baseline = at.height - MARGIN_PT - (FOOTER_BAND_PT - META_PT) / 2
      const stampW = regular.measure(stamp, META_PT)
      const room = at.width - 2 * MARGIN_PT - stampW - 24
      const left = this.fitLine(regular, META_PT, `${this.title} · page ${i + 1} of ${total}`, room)
      this.line(at, regular, META_PT, MARGIN_PT, baseline, left, MUTED)
      this.line(at, regular, META_PT, at.width - MARGIN_PT - stampW, baseline, stamp, MUTED)
      at.painter.restore()
      at.painter.flush()
    })
  }
}
