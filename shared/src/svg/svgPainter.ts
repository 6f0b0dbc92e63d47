/*
 * The scene painter (scene/painter.ts) for SVG: each primitive becomes one element, a transform or a
 * clip a <g> (clip rectangles in <defs>), so the SVG holds the same vector art as the PDF, with text as
 * <text> elements (selectable, searchable) broken into the lines the PDF draws (the same font metrics).
 * Shadows are left out, as on paper.
 */
import type { Rect } from '../layout/geometry'
import type { PathCommand, PathItem, RectItem, Stroke, TextItem } from '../scene/items'
import type { Matrix, Painter } from '../scene/painter'
import { roundedRectCommands } from '../scene/pathShapes'
import { cornerRadii } from '../scene/primitives'
import { layoutText, lineLeft } from '../scene/textLayout'
import type { FontMetrics } from './fontMetrics'

export const SVG_FONT_FAMILY = "'DejaVu Sans', Verdana, 'Segoe UI', sans-serif"

/** Numbers short: two decimals is a hundredth of a board pixel. */
const n = (v: number) => String(Math.round(v * 100) / 100)

export const escapeXml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

function pathData(commands: readonly PathCommand[]): string {
  return commands
    .map((c) =>
      c[0] === 'Z'
        ? 'Z'
        : `${c[0]}${c
            .slice(1)
            .map((v) => n(v as number))
            .join(' ')}`,
    )
    .join('')
}

function strokeAttrs(s: Stroke | undefined): string {
  if (!s) return ''
  const dash = s.dash && s.dash.length > 0 ? ` stroke-dasharray="${s.dash.map(n).join(' ')}"` : ''
  return ` stroke="${s.color}" stroke-width="${n(s.width)}"${dash}`
}

const opacityAttr = (o: number | undefined) => (o !== undefined && o < 1 ? ` opacity="${n(o)}"` : '')

export class SvgPainter implements Painter {
  private readonly body: string[] = []
  private readonly defs: string[] = []
  /** Groups opened since each save. */
  private readonly open: number[] = [0]
  private clips = 0

  constructor(private readonly fonts: { regular: FontMetrics; bold: FontMetrics }) {}

  save(): void {
    this.open.push(0)
  }

  restore(): void {
    const count = this.open.pop() ?? 0
    for (let i = 0; i < count; i++) this.body.push('</g>')
    if (this.open.length === 0) this.open.push(0)
  }

  transform(m: Matrix): void {
    this.group(`transform="matrix(${m.map(n).join(' ')})"`)
  }

  clip(r: Rect): void {
    const id = `clip${this.clips++}`
    this.defs.push(
      `<clipPath id="${id}"><rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}"/></clipPath>`,
    )
    this.group(`clip-path="url(#${id})"`)
  }

  rect(item: RectItem): void {
    if (!item.fill && !item.stroke) return
    const paint = `fill="${item.fill ?? 'none'}"${strokeAttrs(item.stroke)}${opacityAttr(item.opacity)}`
    const radii = cornerRadii(item.radius)
    if (radii.every((r) => r === radii[0])) {
      const rx = radii[0] > 0 ? ` rx="${n(radii[0])}"` : ''
      this.body.push(
        `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.w)}" height="${n(item.h)}"${rx} ${paint}/>`,
      )
    } else {
      this.body.push(`<path d="${pathData(roundedRectCommands(item, radii))}" ${paint}/>`)
    }
  }

  path(item: PathItem): void {
    if ((!item.fill && !item.stroke) || item.commands.length === 0) return
    const caps = item.stroke
      ? ` stroke-linecap="${item.lineCap ?? 'butt'}" stroke-linejoin="${item.lineJoin ?? 'miter'}"`
      : ''
    this.body.push(
      `<path d="${pathData(item.commands)}" fill="${item.fill ?? 'none'}"${strokeAttrs(item.stroke)}${caps}${opacityAttr(item.opacity)}/>`,
    )
  }

  text(item: TextItem): void {
    const font = item.fontWeight >= 600 ? this.fonts.bold : this.fonts.regular
    const size = item.fontSize
    const measure = (t: string) => font.measure(t, size) + item.letterSpacing * [...t].length
    const { lines, lineHeightPx, top } = layoutText(item, measure, font.repair(item.text))
    const shift = lineHeightPx / 2 + font.baselineShiftEm * size
    const spacing = item.letterSpacing ? ` letter-spacing="${n(item.letterSpacing)}"` : ''
    const weight = item.fontWeight >= 600 ? ' font-weight="bold"' : ''
    lines.forEach((line, i) => {
      if (line === '') return
      const x = item.align === 'left' ? item.x : lineLeft(item, measure(line))
      this.body.push(
        `<text x="${n(x)}" y="${n(top + i * lineHeightPx + shift)}" font-size="${n(size)}"${weight}${spacing} fill="${item.color}"${opacityAttr(item.opacity)}>${escapeXml(line)}</text>`,
      )
    })
  }

  /** Raw markup (a title, a background), placed where the drawing is now. */
  raw(markup: string): void {
    this.body.push(markup)
  }

  /** The document: `width` × `height` user units, the fonts named once at the root. */
  toString(width: number, height: number, head = ''): string {
    while (this.open.length > 1 || (this.open[0] ?? 0) > 0) this.restore()
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escapeXml(SVG_FONT_FAMILY)}" role="img">`,
      head,
      this.defs.length > 0 ? `<defs>${this.defs.join('')}</defs>` : '',
      ...this.body,
      '</svg>',
    ].join('\n')
  }

  private group(attrs: string): void {
    this.body.push(`<g ${attrs}>`)
    this.open[this.open.length - 1] = (this.open.at(-1) ?? 0) + 1
  }
}
