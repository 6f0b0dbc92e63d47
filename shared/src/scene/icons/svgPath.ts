/*
 * SVG path data ("d") as the scene's PathCommand: absolute M, L, C and Z only, which every drawing
 * target draws natively. Relative commands become absolute, H and V lines, quadratic curves exact
 * cubics, and elliptical arcs cubics of at most a quarter turn each (SVG 1.1 appendix F.6's
 * endpoint-to-centre conversion). Used on the icon package's outlines (icons/index.ts); a malformed
 * path throws, naming where it stopped, so a bad icon fails its test rather than drawing half.
 */
import type { PathCommand } from '../items'

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/
const COMMAND = /[MmLlHhVvCcSsQqTtAaZz]/

class Cursor {
  i = 0
  constructor(readonly d: string) {}

  skip(): void {
    while (this.i < this.d.length && /[\s,]/.test(this.d[this.i] as string)) this.i++
  }

  done(): boolean {
    this.skip()
    return this.i >= this.d.length
  }

  /** True when a number (not a command letter) comes next. */
  atNumber(): boolean {
    this.skip()
    return NUMBER.test(this.d.slice(this.i, this.i + 32))
  }

  number(): number {
    this.skip()
    const m = NUMBER.exec(this.d.slice(this.i))
    if (!m) throw this.error('a number')
    this.i += m[0].length
    return Number(m[0])
  }

  /** Arc flags are one character each and may run into what follows ("a.5.5 0 01.471.666"). */
  flag(): boolean {
    this.skip()
    const c = this.d[this.i]
    if (c !== '0' && c !== '1') throw this.error('an arc flag (0 or 1)')
    this.i++
    return c === '1'
  }

  command(): string {
    this.skip()
    const c = this.d[this.i] ?? ''
    if (!COMMAND.test(c)) throw this.error('a command letter')
    this.i++
    return c
  }

  error(wanted: string): Error {
    return new Error(`SVG path: expected ${wanted} at ${this.i} in "${this.d}"`)
  }
}

export function svgPathCommands(d: string): PathCommand[] {
  const out: PathCommand[] = []
  const at = new Cursor(d)
  let x = 0
  let y = 0
  let startX = 0
  let startY = 0
  // The previous segment's last control point, for S (cubic) and T (quadratic) reflections.
  let lastCubic: [number, number] | null = null
  let lastQuad: [number, number] | null = null
  let command = ''
  while (!at.done()) {
    if (!at.atNumber()) command = at.command()
    else if (command === '' || command === 'Z' || command === 'z') throw at.error('a command letter')
    const rel = command === command.toLowerCase()
    const ox = rel ? x : 0
    const oy = rel ? y : 0
    const upper = command.toUpperCase()
    let cubic: [number, number] | null = null
    let quad: [number, number] | null = null
    switch (upper) {
      case 'M': {
        x = ox + at.number()
        y = oy + at.number()
        startX = x
        startY = y
        out.push(['M', x, y])
        // Further pairs after a moveto are linetos.
        command = rel ? 'l' : 'L'
        break
      }
      case 'L':
        x = ox + at.number()
        y = oy + at.number()
        out.push(['L', x, y])
        break
      case 'H':
        x = ox + at.number()
        out.push(['L', x, y])
        break
      case 'V':
        y = oy + at.number()
        out.push(['L', x, y])
        break
      case 'C': {
        const c1x = ox + at.number()
        const c1y = oy + at.number()
        const c2x = ox + at.number()
        const c2y = oy + at.number()
        x = ox + at.number()
        y = oy + at.number()
        out.push(['C', c1x, c1y, c2x, c2y, x, y])
        cubic = [c2x, c2y]
        break
      }
      case 'S': {
        const c1x = lastCubic ? 2 * x - lastCubic[0] : x
        const c1y = lastCubic ? 2 * y - lastCubic[1] : y
        const c2x = ox + at.number()
        const c2y = oy + at.number()
        x = ox + at.number()
        y = oy + at.number()
        out.push(['C', c1x, c1y, c2x, c2y, x, y])
        cubic = [c2x, c2y]
        break
      }
      case 'Q':
      case 'T': {
        const qx: number = upper === 'Q' ? ox + at.number() : lastQuad ? 2 * x - lastQuad[0] : x
        const qy: number = upper === 'Q' ? oy + at.number() : lastQuad ? 2 * y - lastQuad[1] : y
        const ex = ox + at.number()
        const ey = oy + at.number()
        out.push(quadAsCubic(x, y, qx, qy, ex, ey))
        x = ex
        y = ey
        quad = [qx, qy]
        break
      }
      case 'A': {
        const rx = at.number()
        const ry = at.number()
        const rotation = at.number()
        const large = at.flag()
        const sweep = at.flag()
        const ex = ox + at.number()
        const ey = oy + at.number()
        out.push(...arcCommands(x, y, rx, ry, rotation, large, sweep, ex, ey))
        x = ex
        y = ey
        break
      }
      case 'Z':
        out.push(['Z'])
        x = startX
        y = startY
        break
    }
    lastCubic = cubic
    lastQuad = quad
  }
  return out
}

/** A quadratic Bézier is exactly the cubic with controls ⅔ of the way to its one control point. */
function quadAsCubic(x0: number, y0: number, qx: number, qy: number, x: number, y: number): PathCommand {
  return [
    'C',
    x0 + (2 / 3) * (qx - x0),
    y0 + (2 / 3) * (qy - y0),
    x + (2 / 3) * (qx - x),
    y + (2 / 3) * (qy - y),
    x,
    y,
  ]
}

/**
 * An SVG elliptical arc from (x0, y0) to (x, y) as cubic curves of at most 90° each (error under
 * 0.03 % of the radius). Radii too small to reach are scaled up, and a zero radius is a line, as SVG
 * says.
 */
export function arcCommands(
  x0: number,
  y0: number,
  rxIn: number,
  ryIn: number,
  rotationDeg: number,
  large: boolean,
  sweep: boolean,
  x: number,
  y: number,
): PathCommand[] {
  if (x0 === x && y0 === y) return []
  let rx = Math.abs(rxIn)
  let ry = Math.abs(ryIn)
  if (rx === 0 || ry === 0) return [['L', x, y]]
  const phi = (rotationDeg * Math.PI) / 180
  const cos = Math.cos(phi)
  const sin = Math.sin(phi)
  // F.6.5.1: the midpoint in the ellipse's own axes.
  const dx = (x0 - x) / 2
  const dy = (y0 - y) / 2
  const x1 = cos * dx + sin * dy
  const y1 = -sin * dx + cos * dy
  // F.6.6: radii that cannot span the endpoints grow until they just do.
  const lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry)
  if (lambda > 1) {
    rx *= Math.sqrt(lambda)
    ry *= Math.sqrt(lambda)
  }
  // F.6.5.2: the centre.
  const num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1
  const den = rx * rx * y1 * y1 + ry * ry * x1 * x1
  const root = Math.sqrt(Math.max(0, num / den)) * (large === sweep ? -1 : 1)
  const cx1 = (root * rx * y1) / ry
  const cy1 = (-root * ry * x1) / rx
  const cx = cos * cx1 - sin * cy1 + (x0 + x) / 2
  const cy = sin * cx1 + cos * cy1 + (y0 + y) / 2
  // F.6.5.5–6: start angle and sweep.
  const angle = (ux: number, uy: number, vx: number, vy: number) =>
    Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)
  const theta1 = angle(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry)
  let delta = angle((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry)
  if (!sweep && delta > 0) delta -= 2 * Math.PI
  else if (sweep && delta < 0) delta += 2 * Math.PI
  const segments = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9))
  const step = delta / segments
  const k = (4 / 3) * Math.tan(step / 4)
  // A point and its tangent on the ellipse at parameter t, in board space.
  const point = (t: number): [number, number] => [
    cx + rx * Math.cos(t) * cos - ry * Math.sin(t) * sin,
    cy + rx * Math.cos(t) * sin + ry * Math.sin(t) * cos,
  ]
  const tangent = (t: number): [number, number] => [
    -rx * Math.sin(t) * cos - ry * Math.cos(t) * sin,
    -rx * Math.sin(t) * sin + ry * Math.cos(t) * cos,
  ]
  const out: PathCommand[] = []
  for (let i = 0; i < segments; i++) {
    const t0 = theta1 + i * step
    const t1 = t0 + step
    const [px, py] = point(t0)
    const [tx0, ty0] = tangent(t0)
    const [tx1, ty1] = tangent(t1)
    // The last point is the arc's given end exactly, so the path joins what follows without a seam.
    const [qx, qy] = i === segments - 1 ? [x, y] : point(t1)
    out.push(['C', px + k * tx0, py + k * ty0, qx - k * tx1, qy - k * ty1, qx, qy])
  }
  return out
}
