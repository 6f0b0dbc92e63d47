/*
 * The scene painter (scene/painter.ts) for one PDF page, with pdf-lib: collects drawing operators in
 * the scene's y-down space, skipping state changes that would repeat the current one (color, line
 * width, dash, character spacing), so a 20,000-note page stays compact. Text is set glyph by glyph
 * through the embedded fonts, so it is selectable and searchable; an item's opacity is a graphics
 * state with that alpha (one per distinct value), scoped to the item.
 */
import {
  appendBezierCurve,
  beginMarkedContent,
  beginText,
  clip,
  closePath,
  concatTransformationMatrix,
  endMarkedContent,
  endPath,
  endText,
  fill,
  fillAndStroke,
  LineCapStyle,
  LineJoinStyle,
  lineTo,
  moveTo,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setCharacterSpacing,
  setDashPattern,
  setFillingRgbColor,
  setFontAndSize,
  setGraphicsState,
  setLineCap,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
} from 'pdf-lib'
import type { Rect } from '../layout/geometry'
import type { PathCommand, PathItem, RectItem, Stroke, TextItem } from '../scene/items'
import type { Matrix, Painter } from '../scene/painter'
import { roundedRectCommands } from '../scene/pathShapes'
import { cornerRadii } from '../scene/primitives'
import { layoutText, lineLeft } from '../scene/textLayout'
import type { PdfTextFont } from './pdfFont'

export interface PdfFonts {
  regular: PdfTextFont
  bold: PdfTextFont
}

// pushOperators takes rest arguments; a 20,000-note page would overflow the call stack in one call.
const FLUSH_OPS = 8_192

/** What the operators so far have set, so that repeating it is skipped. '' is "not known". */
interface GraphicsState {
  fill: string
  stroke: string
  lineWidth: number
  dash: string
  cap: string
  join: string
  // Character spacing is graphics state: it outlives the text object that set it.
  spacing: number
}

const UNKNOWN: GraphicsState = {
  fill: '',
  stroke: '',
  lineWidth: -1,
  dash: '',
  cap: '',
  join: '',
  spacing: 0,
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16)
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255]
}

export class PdfPainter implements Painter {
  private ops: PDFOperator[] = []
  private state: GraphicsState = { ...UNKNOWN }
  private readonly saved: GraphicsState[] = []
  private readonly fontKeys = new Map<PdfTextFont, PDFName>()
  private readonly alphaKeys = new Map<number, PDFName>()

  /** `layouts`: lines already broken for some items with the regular font, used instead of wrapping again. */
  constructor(
    private readonly page: PDFPage,
    private readonly fonts: PdfFonts,
    private readonly layouts?: WeakMap<TextItem, string[]>,
  ) {}

  save(): void {
    this.ops.push(pushGraphicsState())
    this.saved.push({ ...this.state })
  }

  restore(): void {
    this.ops.push(popGraphicsState())
    this.state = this.saved.pop() ?? { ...UNKNOWN }
  }

  transform([a, b, c, d, e, f]: Matrix): void {
    this.ops.push(concatTransformationMatrix(a, b, c, d, e, f))
  }

  clip(r: Rect): void {
    this.ops.push(rectangle(r.x, r.y, r.w, r.h), clip(), endPath())
  }

  rect(item: RectItem): void {
    if (!item.fill && !item.stroke) return
    this.withAlpha(item.opacity, () => {
      if (item.fill) this.setFill(item.fill)
      if (item.stroke) this.setStroke(item.stroke)
      const radii = cornerRadii(item.radius)
      if (radii.some((r) => r > 0))
        for (const c of roundedRectCommands(item, radii)) this.ops.push(pathOperator(c))
      else this.ops.push(rectangle(item.x, item.y, item.w, item.h))
      this.ops.push(item.fill ? (item.stroke ? fillAndStroke() : fill()) : stroke())
    })
  }

  path(item: PathItem): void {
    if ((!item.fill && !item.stroke) || item.commands.length === 0) return
    this.withAlpha(item.opacity, () => {
      if (item.fill) this.setFill(item.fill)
      if (item.stroke) {
        this.setStroke(item.stroke)
        this.setCapJoin(item.lineCap ?? 'butt', item.lineJoin ?? 'miter')
      }
      for (const c of item.commands) this.ops.push(pathOperator(c))
      this.ops.push(item.fill ? (item.stroke ? fillAndStroke() : fill()) : stroke())
    })
  }

  /** Returns the lines drawn, for the structure tree's text of the item. */
  text(item: TextItem): string[] {
    const font = item.fontWeight >= 600 ? this.fonts.bold : this.fonts.regular
    const size = item.fontSize
    const spacing = item.letterSpacing
    const measure = (t: string) => font.measure(t, size) + spacing * [...t].length
    const known = font === this.fonts.regular ? this.layouts?.get(item) : undefined
    const { lines, lineHeightPx, top } = known
      ? placed(item, known)
      : layoutText(item, measure, font.repair(item.text))
    // Konva puts a line's baseline this far below its line box's top.
    const shift = lineHeightPx / 2 + font.baselineShiftEm * size
    this.withAlpha(item.opacity, () => {
      lines.forEach((line, i) => {
        const x = item.align === 'left' ? item.x : lineLeft(item, measure(line))
        this.line(font, size, x, top + i * lineHeightPx + shift, line, item.color, spacing)
      })
    })
    return lines
  }

  /** One line of text whose baseline starts at (x, y): the page chrome's, placed by the caller. */
  line(
    font: PdfTextFont,
    size: number,
    x: number,
    y: number,
    text: string,
    color: string,
    spacing = 0,
  ): void {
    if (text === '') return
    this.setFill(color)
    this.ops.push(beginText(), setFontAndSize(this.fontKey(font), size))
    if (spacing !== this.state.spacing) {
      this.ops.push(setCharacterSpacing(spacing))
      this.state.spacing = spacing
    }
    // The space is y-down; flip the text matrix back so glyphs stand upright.
    this.ops.push(setTextMatrix(1, 0, 0, -1, x, y), showText(font.encode(text)), endText())
    if (this.ops.length >= FLUSH_OPS) this.flush()
  }

  /** Starts content that belongs to the structure tree: `tag` (P, H2…) with its marked-content id. */
  beginTagged(tag: string, mcid: number): void {
    const props = this.page.doc.context.obj({})
    props.set(PDFName.of('MCID'), PDFNumber.of(mcid))
    this.ops.push(
      // pdf-lib's operand type leaves dictionaries out, but it writes any PDF object (toString), and BDC's
      // inline property list is one.
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
        PDFName.of(tag),
        props as unknown as PDFName,
      ]),
    )
  }

  /** Starts decoration a screen reader skips (cards, grid lines, page furniture). */
  beginArtifact(): void {
    this.ops.push(beginMarkedContent('Artifact'))
  }

  /** Ends what `beginTagged` or `beginArtifact` started. */
  endMarked(): void {
    this.ops.push(endMarkedContent())
  }

  flush(): void {
    if (this.ops.length > 0) this.page.pushOperators(...this.ops)
    this.ops = []
  }

  /** Runs `draw` under a graphics state with `alpha`, or as it is when opaque. */
  private withAlpha(alpha: number | undefined, draw: () => void): void {
    if (alpha === undefined || alpha >= 1) {
      draw()
    } else {
      this.save()
      this.ops.push(setGraphicsState(this.alphaKey(alpha)))
      draw()
      this.restore()
    }
    if (this.ops.length >= FLUSH_OPS) this.flush()
  }

  private setFill(hex: string): void {
    if (hex === this.state.fill) return
    this.state.fill = hex
    this.ops.push(setFillingRgbColor(...channels(hex)))
  }

  private setStroke(s: Stroke): void {
    if (s.color !== this.state.stroke) {
      this.state.stroke = s.color
      this.ops.push(setStrokingRgbColor(...channels(s.color)))
    }
    if (s.width !== this.state.lineWidth) {
      this.state.lineWidth = s.width
      this.ops.push(setLineWidth(s.width))
    }
    const dash = s.dash ?? []
    const dashKey = dash.join(',')
    if (dashKey !== this.state.dash) {
      this.state.dash = dashKey
      this.ops.push(setDashPattern([...dash], 0))
    }
  }

  private setCapJoin(cap: 'butt' | 'round', join: 'miter' | 'round'): void {
    if (cap !== this.state.cap) {
      this.state.cap = cap
      this.ops.push(setLineCap(cap === 'round' ? LineCapStyle.Round : LineCapStyle.Butt))
    }
    if (join !== this.state.join) {
      this.state.join = join
      this.ops.push(setLineJoin(join === 'round' ? LineJoinStyle.Round : LineJoinStyle.Miter))
    }
  }

  private fontKey(font: PdfTextFont): PDFName {
    let key = this.fontKeys.get(font)
    if (!key) {
      key = this.page.node.newFontDictionary(font.pdf.name, font.pdf.ref)
      this.fontKeys.set(font, key)
    }
    return key
  }

  private alphaKey(alpha: number): PDFName {
    let key = this.alphaKeys.get(alpha)
    if (!key) {
      const state = this.page.doc.context.obj({ Type: 'ExtGState', ca: alpha, CA: alpha })
      key = this.page.node.newExtGState('GS', state)
      this.alphaKeys.set(alpha, key)
    }
    return key
  }
}

/** Where `lines` go in the item's box, as layoutText places them. */
function placed(item: TextItem, lines: string[]) {
  const lineHeightPx = item.fontSize * item.lineHeight
  const slack = item.h - lines.length * lineHeightPx
  return { lines, lineHeightPx, top: item.y + (item.verticalAlign === 'middle' ? slack / 2 : 0) }
}

function pathOperator(c: PathCommand): PDFOperator {
  switch (c[0]) {
    case 'M':
      return moveTo(c[1], c[2])
    case 'L':
      return lineTo(c[1], c[2])
    case 'C':
      return appendBezierCurve(c[1], c[2], c[3], c[4], c[5], c[6])
    case 'Z':
      return closePath()
  }
}
