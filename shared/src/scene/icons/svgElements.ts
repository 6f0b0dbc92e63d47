/*
 * An icon package's element list (lucide's IconNode: [tag, attributes][]) as the scene's IconDef.
 * Every element is one subpath of the icon's stroked outline (so a translucent icon does not darken
 * where two strokes cross); an element with fill="currentColor" is filled too. Lucide draws on a
 * 24-unit grid, stroke width 2, round caps and joins: the convention icons/index.ts states.
 */
import type { PathCommand } from '../items'
import { ellipseCommands } from '../pathShapes'
import { arcCommands, svgPathCommands } from './svgPath'

/** The shape of an icon node as the package ships it (attribute values are strings or numbers). */
export type SvgElement = readonly [tag: string, attrs: Readonly<Record<string, string | number | undefined>>]

export interface IconDef {
  /** Outlines stroked in the icon's color: all of the icon's elements, as one path. */
  strokes: readonly (readonly PathCommand[])[]
  /** Shapes filled in the icon's color (dots, solid marks). */
  fills: readonly (readonly PathCommand[])[]
}

function num(attrs: SvgElement[1], name: string, fallback?: number): number {
  const v = attrs[name]
  if (v === undefined || v === '') {
    if (fallback !== undefined) return fallback
    throw new Error(`SVG element: missing ${name}`)
  }
  const n = typeof v === 'number' ? v : Number(v)
  if (!Number.isFinite(n)) throw new Error(`SVG element: ${name}="${v}" is not a number`)
  return n
}

function pointList(value: string | number | undefined): [number, number][] {
  const numbers = String(value ?? '')
    .trim()
    .split(/[\s,]+/)
    .filter((s) => s !== '')
    .map(Number)
  if (numbers.length < 4 || numbers.length % 2 !== 0 || numbers.some((n) => !Number.isFinite(n)))
    throw new Error(`SVG element: bad points "${value}"`)
  const out: [number, number][] = []
  for (let i = 0; i < numbers.length; i += 2) out.push([numbers[i] as number, numbers[i + 1] as number])
  return out
}

/** A rect with SVG's rx/ry rules: one given means both, each capped at half its side. */
function rectCommands(attrs: SvgElement[1]): PathCommand[] {
  const x = num(attrs, 'x', 0)
  const y = num(attrs, 'y', 0)
  const w = num(attrs, 'width')
  const h = num(attrs, 'height')
  const rxGiven = attrs.rx !== undefined
  const ryGiven = attrs.ry !== undefined
  let rx = rxGiven ? num(attrs, 'rx') : ryGiven ? num(attrs, 'ry') : 0
  let ry = ryGiven ? num(attrs, 'ry') : rx
  rx = Math.min(Math.max(rx, 0), w / 2)
  ry = Math.min(Math.max(ry, 0), h / 2)
  if (rx === 0 || ry === 0) return [['M', x, y], ['L', x + w, y], ['L', x + w, y + h], ['L', x, y + h], ['Z']]
  const corner = (x0: number, y0: number, x1: number, y1: number) =>
    arcCommands(x0, y0, rx, ry, 0, false, true, x1, y1)
  return [
    ['M', x + rx, y],
    ['L', x + w - rx, y],
    ...corner(x + w - rx, y, x + w, y + ry),
    ['L', x + w, y + h - ry],
    ...corner(x + w, y + h - ry, x + w - rx, y + h),
    ['L', x + rx, y + h],
    ...corner(x + rx, y + h, x, y + h - ry),
    ['L', x, y + ry],
    ...corner(x, y + ry, x + rx, y),
    ['Z'],
  ]
}

/** One SVG element as absolute path commands. Unknown tags throw (a new icon would draw wrong). */
export function elementCommands([tag, attrs]: SvgElement): PathCommand[] {
  switch (tag) {
    case 'path':
      return svgPathCommands(String(attrs.d ?? ''))
    case 'circle': {
      const r = num(attrs, 'r')
      return ellipseCommands(num(attrs, 'cx', 0), num(attrs, 'cy', 0), r, r)
    }
    case 'ellipse':
      return ellipseCommands(num(attrs, 'cx', 0), num(attrs, 'cy', 0), num(attrs, 'rx'), num(attrs, 'ry'))
    case 'rect':
      return rectCommands(attrs)
    case 'line':
      return [
        ['M', num(attrs, 'x1', 0), num(attrs, 'y1', 0)],
        ['L', num(attrs, 'x2', 0), num(attrs, 'y2', 0)],
      ]
    case 'polyline':
    case 'polygon': {
      const [first, ...rest] = pointList(attrs.points) as [[number, number], ...[number, number][]]
      const out: PathCommand[] = [['M', ...first], ...rest.map((p): PathCommand => ['L', ...p])]
      if (tag === 'polygon') out.push(['Z'])
      return out
    }
    default:
      throw new Error(`SVG element: <${tag}> is not drawn by the scene`)
  }
}

/** A whole icon: every element stroked, as one path; those filled with currentColor filled as well. */
export function iconFromElements(elements: readonly SvgElement[]): IconDef {
  const strokes: PathCommand[] = []
  const fills: PathCommand[][] = []
  for (const element of elements) {
    const commands = elementCommands(element)
    strokes.push(...commands)
    if (element[1].fill === 'currentColor') fills.push(commands)
  }
  return { strokes: [strokes], fills }
}
