// Closed shapes as path commands, so every drawing target traces them with the same curves.
import type { Rect } from '../layout/geometry'
import type { PathCommand, Radii } from './items'

// Control-point distance that makes a cubic Bézier a quarter circle.
const KAPPA = 0.5522847498

/** A circle as four cubic curves. */
export function circleCommands(cx: number, cy: number, r: number): PathCommand[] {
  const k = r * KAPPA
  return [
    ['M', cx + r, cy],
    ['C', cx + r, cy + k, cx + k, cy + r, cx, cy + r],
    ['C', cx - k, cy + r, cx - r, cy + k, cx - r, cy],
    ['C', cx - r, cy - k, cx - k, cy - r, cx, cy - r],
    ['C', cx + k, cy - r, cx + r, cy - k, cx + r, cy],
    ['Z'],
  ]
}

/** A rectangle with rounded corners, each radius capped at half the shorter side (as Konva does). */
export function roundedRectCommands({ x, y, w, h }: Rect, radii: Radii): PathCommand[] {
  const max = Math.min(w, h) / 2
  const [tl, tr, br, bl] = radii.map((r) => Math.min(r, max)) as [number, number, number, number]
  const k = (r: number) => r * (1 - KAPPA)
  const out: PathCommand[] = [
    ['M', x + tl, y],
    ['L', x + w - tr, y],
  ]
  if (tr > 0) out.push(['C', x + w - k(tr), y, x + w, y + k(tr), x + w, y + tr])
  out.push(['L', x + w, y + h - br])
  if (br > 0) out.push(['C', x + w, y + h - k(br), x + w - k(br), y + h, x + w - br, y + h])
  out.push(['L', x + bl, y + h])
  if (bl > 0) out.push(['C', x + k(bl), y + h, x, y + h - k(bl), x, y + h - bl])
  out.push(['L', x, y + tl])
  if (tl > 0) out.push(['C', x, y + k(tl), x + k(tl), y, x + tl, y])
  out.push(['Z'])
  return out
}

/** An ellipse as four cubic curves (a circle when rx = ry). */
export function ellipseCommands(cx: number, cy: number, rx: number, ry: number): PathCommand[] {
  const kx = rx * KAPPA
  const ky = ry * KAPPA
  return [
    ['M', cx + rx, cy],
    ['C', cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry],
    ['C', cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy],
    ['C', cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry],
    ['C', cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy],
    ['Z'],
  ]
}
