/**
 * Collects PDF drawing operators in a y-down space (the scene's), skipping color changes that would
 * repeat the current one, so a 20,000-note page stays compact. Text is set glyph by glyph through the
 * embedded font, so it is selectable and searchable.
 */
import {
  appendBezierCurve,
  beginText,
  closePath,
  concatTransformationMatrix,
  endText,
  fill,
  fillAndStroke,
  lineTo,
  moveTo,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  rectangle,
  setCharacterSpacing,
  setDashPattern,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
} from 'pdf-lib'
import type { Rect } from '../layout/geometry'
import type { PdfTextFont } from './pdfFont'

/** Corner radii: top-left, top-right, bottom-right, bottom-left. */
export type Radii = readonly [number, number, number, number]
// Control-point distance that makes a cubic Bézier a quarter circle.
const KAPPA = 0.5522847498
// pushOperators takes rest arguments; a 20,000-note page would overflow the call stack in one call.
const FLUSH_OPS = 8_192

export class Painter {
  private ops: PDFOperator[] = []
  private fillKey = ''
  private strokeKey = ''
  // Character spacing is graphics state: it outlives the text object that set it.
  private spacing = 0
  private readonly fontKeys = new Map<PdfTextFont, PDFName>()

  constructor(private readonly page: PDFPage) {}

  save(): void {
    this.ops.push(pushGraphicsState())
  }

  restore(): void {
    this.ops.push(popGraphicsState())
    this.fillKey = ''
    this.strokeKey = ''
    this.spacing = 0
  }

  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.ops.push(concatTransformationMatrix(a, b, c, d, e, f))
  }

  lineStyle(width: number, dash: number[] = []): void {
    this.ops.push(setLineWidth(width), setDashPattern(dash, 0))
  }

  private setFill(color: RGB): void {
    const key = `${color.red},${color.green},${color.blue}`
    if (key === this.fillKey) return
    this.fillKey = key
    this.ops.push(setFillingRgbColor(color.red, color.green, color.blue))
  }

  private setStroke(color: RGB): void {
    const key = `${color.red},${color.green},${color.blue}`
    if (key === this.strokeKey) return
    this.strokeKey = key
    this.ops.push(setStrokingRgbColor(color.red, color.green, color.blue))
  }

  /** A rectangle, rounded where `radii` says, filled and (with `border`) outlined. */
  box(r: Rect, color: RGB, border?: RGB, radii?: Radii): void {
    this.setFill(color)
    if (border) this.setStroke(border)
    if (radii?.some((x) => x > 0)) this.roundedPath(r, radii)
    else this.ops.push(rectangle(r.x, r.y, r.w, r.h))
    this.ops.push(border ? fillAndStroke() : fill())
  }

  line(x0: number, y0: number, x1: number, y1: number, color: RGB): void {
    this.setStroke(color)
    this.ops.push(moveTo(x0, y0), lineTo(x1, y1), stroke())
  }

  /** One line of text whose baseline starts at (x, y). */
  text(font: PdfTextFont, size: number, x: number, y: number, text: string, color: RGB, spacing = 0): void {
    if (text === '') return
    this.setFill(color)
    this.ops.push(beginText(), setFontAndSize(this.fontKey(font), size))
    if (spacing !== this.spacing) {
      this.ops.push(setCharacterSpacing(spacing))
      this.spacing = spacing
    }
    // The space is y-down; flip the text matrix back so glyphs stand upright.
    this.ops.push(setTextMatrix(1, 0, 0, -1, x, y), showText(font.encode(text)), endText())
    if (this.ops.length >= FLUSH_OPS) this.flush()
  }

  flush(): void {
    if (this.ops.length > 0) this.page.pushOperators(...this.ops)
    this.ops = []
  }

  private fontKey(font: PdfTextFont): PDFName {
    let key = this.fontKeys.get(font)
    if (!key) {
      key = this.page.node.newFontDictionary(font.pdf.name, font.pdf.ref)
      this.fontKeys.set(font, key)
    }
    return key
  }

  private roundedPath({ x, y, w, h }: Rect, radii: Radii): void {
    const max = Math.min(w, h) / 2
    const [tl, tr, br, bl] = radii.map((r) => Math.min(r, max)) as [number, number, number, number]
    const k = (r: number) => r * (1 - KAPPA)
    this.ops.push(moveTo(x + tl, y), lineTo(x + w - tr, y))
    if (tr > 0) this.ops.push(appendBezierCurve(x + w - k(tr), y, x + w, y + k(tr), x + w, y + tr))
    this.ops.push(lineTo(x + w, y + h - br))
    if (br > 0)
      this.ops.push(appendBezierCurve(x + w, y + h - k(br), x + w - k(br), y + h, x + w - br, y + h))
    this.ops.push(lineTo(x + bl, y + h))
    if (bl > 0) this.ops.push(appendBezierCurve(x + k(bl), y + h, x, y + h - k(bl), x, y + h - bl))
    this.ops.push(lineTo(x, y + tl))
    if (tl > 0) this.ops.push(appendBezierCurve(x, y + k(tl), x + k(tl), y, x + tl, y))
    this.ops.push(closePath())
  }
}
