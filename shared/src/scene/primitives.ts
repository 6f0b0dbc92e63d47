/*
 * Composite items (arrow, icon, badge) as the primitives every drawing target implements. Both the
 * canvas and the painters go through here, so an arrowhead or an icon has one geometry everywhere.
 */
import type { Point } from '../layout/geometry'
import { ICON_GRID, ICON_STROKE, iconDef } from './icons'
import type {
  ArrowItem,
  BadgeItem,
  IconItem,
  PathCommand,
  PathItem,
  PrimitiveItem,
  Radii,
  RectItem,
  SceneItem,
} from './items'

export function primitivesOf(item: SceneItem): readonly PrimitiveItem[] {
  switch (item.kind) {
    case 'rect':
    case 'text':
    case 'path':
      return [item]
    case 'arrow':
      return arrowPrimitives(item)
    case 'icon':
      return iconPrimitives(item)
    case 'badge':
      return badgePrimitives(item)
  }
}

/** A rect's radius as four corners (top-left, top-right, bottom-right, bottom-left). */
export function cornerRadii(radius: RectItem['radius']): Radii {
  if (radius === undefined) return [0, 0, 0, 0]
  return typeof radius === 'number' ? [radius, radius, radius, radius] : radius
}

const common = (item: SceneItem) => ({
  layer: item.layer,
  ...(item.record ? { record: item.record } : {}),
  ...(item.opacity !== undefined ? { opacity: item.opacity } : {}),
})

function arrowPrimitives(item: ArrowItem): PathItem[] {
  const points = [...item.points]
  if (points.length < 2) return []
  const heads: PathItem[] = []
  const head = (tip: Point, from: Point): Point => {
    const dx = tip.x - from.x
    const dy = tip.y - from.y
    const length = Math.hypot(dx, dy) || 1
    const ux = dx / length
    const uy = dy / length
    const base = { x: tip.x - ux * item.headLength, y: tip.y - uy * item.headLength }
    const half = item.headWidth / 2
    heads.push({
      ...common(item),
      kind: 'path',
      commands: [
        ['M', tip.x, tip.y],
        ['L', base.x - uy * half, base.y + ux * half],
        ['L', base.x + uy * half, base.y - ux * half],
        ['Z'],
      ],
      fill: item.stroke.color,
    })
    // The shaft stops at the head's base, so a thick line never pokes past the tip.
    return base
  }
  const last = points.length - 1
  points[last] = head(points[last] as Point, points[last - 1] as Point)
  if (item.heads === 'both') points[0] = head(points[0] as Point, points[1] as Point)
  const [first, ...rest] = points as [Point, ...Point[]]
  const shaft: PathItem = {
    ...common(item),
    kind: 'path',
    commands: [['M', first.x, first.y], ...rest.map((p): PathCommand => ['L', p.x, p.y])],
    stroke: item.stroke,
    lineJoin: 'round',
  }
  return [shaft, ...heads]
}

function iconPrimitives(item: IconItem): PathItem[] {
  const icon = iconDef(item.name)
  const scale = Math.min(item.w, item.h) / ICON_GRID
  const ox = item.x + (item.w - ICON_GRID * scale) / 2
  const oy = item.y + (item.h - ICON_GRID * scale) / 2
  const at = (x: number, y: number): [number, number] => [ox + x * scale, oy + y * scale]
  const place = (commands: readonly PathCommand[]): PathCommand[] =>
    commands.map((c): PathCommand => {
      if (c[0] === 'Z') return c
      if (c[0] === 'C') return ['C', ...at(c[1], c[2]), ...at(c[3], c[4]), ...at(c[5], c[6])]
      return [c[0], ...at(c[1], c[2])]
    })
  return [
    ...icon.fills.map(
      (commands): PathItem => ({
        ...common(item),
        kind: 'path',
        commands: place(commands),
        fill: item.color,
      }),
    ),
    ...icon.strokes.map(
      (commands): PathItem => ({
        ...common(item),
        kind: 'path',
        commands: place(commands),
        stroke: { color: item.color, width: ICON_STROKE * scale },
        lineCap: 'round',
        lineJoin: 'round',
      }),
    ),
  ]
}

function badgePrimitives(item: BadgeItem): PrimitiveItem[] {
  const inset = item.h / 2
  return [
    {
      ...common(item),
      kind: 'rect',
      x: item.x,
      y: item.y,
      w: item.w,
      h: item.h,
      fill: item.fill,
      ...(item.stroke ? { stroke: item.stroke } : {}),
      radius: item.h / 2,
    },
    {
      ...common(item),
      kind: 'text',
      x: item.x + inset,
      y: item.y,
      w: Math.max(0, item.w - 2 * inset),
      h: item.h,
      text: item.text,
      color: item.color,
      fontSize: item.fontSize,
      fontWeight: item.fontWeight,
      lineHeight: 1,
      letterSpacing: 0,
      align: 'center',
      verticalAlign: 'middle',
      wrap: 'none',
      ellipsis: true,
    },
  ]
}
