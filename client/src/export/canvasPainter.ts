/*
 * The scene painter (shared/scene/painter.ts) for a 2D canvas: what the PNG export draws with, so an
 * image of the board is the same scene the PDF and SVG draw, at any pixel ratio, apart from the live
 * canvas's Konva layers (no cursors, selection or editing chrome in the picture). Text is measured with
 * the canvas's own font, as the live canvas measures it, so a note breaks as on screen.
 */
import type { Rect } from '../../../shared/src/layout/geometry'
import type { PathItem, RectItem, Stroke, TextItem } from '../../../shared/src/scene/items'
import type { Matrix, Painter } from '../../../shared/src/scene/painter'
import { BOARD_INK } from '../../../shared/src/scene/palette'
import { roundedRectCommands } from '../../../shared/src/scene/pathShapes'
import { cornerRadii } from '../../../shared/src/scene/primitives'
import { layoutText, lineLeft } from '../../../shared/src/scene/textLayout'

export class CanvasPainter implements Painter {
  constructor(private readonly ctx: CanvasRenderingContext2D) {}

  save(): void {
    this.ctx.save()
  }

  restore(): void {
    this.ctx.restore()
  }

  transform([a, b, c, d, e, f]: Matrix): void {
    this.ctx.transform(a, b, c, d, e, f)
  }

  clip(r: Rect): void {
    this.ctx.beginPath()
    this.ctx.rect(r.x, r.y, r.w, r.h)
    this.ctx.clip()
  }

  rect(item: RectItem): void {
    if (!item.fill && !item.stroke) return
    const { ctx } = this
    ctx.save()
    ctx.globalAlpha = item.opacity ?? 1
    ctx.beginPath()
    const radii = cornerRadii(item.radius)
    if (radii.some((r) => r > 0)) this.commands(roundedRectCommands(item, radii))
    else ctx.rect(item.x, item.y, item.w, item.h)
    if (item.fill) {
      if (item.shadow) {
        ctx.save()
        ctx.shadowColor = withAlpha(item.shadow.color, item.shadow.opacity)
        ctx.shadowBlur = item.shadow.blur
        // Shadow offsets are in device pixels; the scene's are in board units.
        const t = ctx.getTransform()
        ctx.shadowOffsetX = item.shadow.offsetX * t.a
        ctx.shadowOffsetY = item.shadow.offsetY * t.d
        ctx.fillStyle = item.fill
        ctx.fill()
        ctx.restore()
      } else {
        ctx.fillStyle = item.fill
        ctx.fill()
      }
    }
    if (item.stroke) this.stroke(item.stroke)
    ctx.restore()
  }

  path(item: PathItem): void {
    if ((!item.fill && !item.stroke) || item.commands.length === 0) return
    const { ctx } = this
    ctx.save()
    ctx.globalAlpha = item.opacity ?? 1
    ctx.beginPath()
    this.commands(item.commands)
    if (item.fill) {
      ctx.fillStyle = item.fill
      ctx.fill()
    }
    if (item.stroke) {
      ctx.lineCap = item.lineCap ?? 'butt'
      ctx.lineJoin = item.lineJoin ?? 'miter'
      this.stroke(item.stroke)
    }
    ctx.restore()
  }

  text(item: TextItem): void {
    const { ctx } = this
    ctx.save()
    ctx.globalAlpha = item.opacity ?? 1
    ctx.font = `${item.fontWeight === 400 ? 'normal' : item.fontWeight} ${item.fontSize}px ${BOARD_INK.font}`
    ctx.letterSpacing = `${item.letterSpacing}px`
    ctx.fillStyle = item.color
    ctx.textBaseline = 'middle'
    const measure = (t: string) => ctx.measureText(t).width
    const { lines, lineHeightPx, top } = layoutText(item, measure)
    lines.forEach((line, i) => {
      const x = item.align === 'left' ? item.x : lineLeft(item, measure(line))
      ctx.fillText(line, x, top + i * lineHeightPx + lineHeightPx / 2)
    })
    ctx.restore()
  }

  private commands(commands: PathItem['commands']): void {
    const { ctx } = this
    for (const c of commands) {
      if (c[0] === 'M') ctx.moveTo(c[1], c[2])
      else if (c[0] === 'L') ctx.lineTo(c[1], c[2])
      else if (c[0] === 'C') ctx.bezierCurveTo(c[1], c[2], c[3], c[4], c[5], c[6])
      else ctx.closePath()
    }
  }

  private stroke(s: Stroke): void {
    const { ctx } = this
    ctx.strokeStyle = s.color
    ctx.lineWidth = s.width
    ctx.setLineDash(s.dash ? [...s.dash] : [])
    ctx.stroke()
  }
}

function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1, 7), 16)
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`
}
