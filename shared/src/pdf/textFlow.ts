/*
 * Text pages (cover, insights, appendix): a cursor that writes headings and wrapped paragraphs down a
 * page and starts the next page when one is full, each line tagged as part of its structure element.
 * Pages get the same margins and footer band as the map's.
 */
import { wrapText } from '../text/wrapText'
import { FOOTER_BAND_PT, MARGIN_PT } from './pageLayout'
import type { PdfTextFont } from './pdfFont'
import type { DrawnPage, PdfPages } from './pdfPages'
import type { StructNode } from './structure'

export interface TextStyle {
  font: PdfTextFont
  size: number
  color: string
  /** Line height as a multiple of size. */
  leading?: number
  indent?: number
}

export class TextFlow {
  page!: DrawnPage
  /** The top of the next line, in points from the page's top. */
  y = 0

  constructor(
    private readonly pages: PdfPages,
    readonly width: number,
    readonly height: number,
  ) {
    this.newPage()
  }

  get left(): number {
    return MARGIN_PT
  }

  get right(): number {
    return this.width - MARGIN_PT
  }

  get bottom(): number {
    return this.height - MARGIN_PT - FOOTER_BAND_PT
  }

  newPage(): void {
    this.page = this.pages.add(this.width, this.height)
    this.y = MARGIN_PT
  }

  /** Starts a new page unless `h` points still fit on this one. */
  ensure(h: number): void {
    if (this.y + h > this.bottom) this.newPage()
  }

  space(h: number): void {
    this.y += h
  }

  /** Wrapped lines of `text`, each tagged as part of `element` (an artifact without one). */
  paragraph(text: string, style: TextStyle, element?: StructNode): void {
    const { font, size, color } = style
    const lh = size * (style.leading ?? 1.35)
    const x = this.left + (style.indent ?? 0)
    const lines = wrapText(
      font.repair(text),
      { width: this.right - x, height: Number.POSITIVE_INFINITY, lineHeightPx: lh, ellipsis: false },
      (t) => font.measure(t, size),
    )
    for (const line of lines) {
      this.ensure(lh)
      // The baseline sits where a line box of `lh` puts it (ascent-ish: 80 % of the size below the top).
      this.pages.line(this.page, font, size, x, this.y + (lh - size) / 2 + size * 0.8, line, color, element)
      this.y += lh
    }
  }
}
