/*
 * A connector as scene items: an arrow from one box (a note or a stage header) to another, straight
 * (centre to centre, clipped at both boxes' edges) or elbow (out of a side, one vertical run between
 * the boxes, into the facing side), with an optional label on a pill at its middle. The route is a
 * pure function of the two boxes, so it follows its ends as they move, on screen and on paper.
 */
import type { Point, Rect } from '../layout/geometry'
import type { SceneItem, SceneRecordId } from './items'

export type ConnectorRoute = 'straight' | 'elbow'

export const CONNECTOR_STYLE = {
  color: '#475069',
  widthPx: 2,
  headLengthPx: 12,
  headWidthPx: 10,
  labelFontPx: 13,
  labelFill: '#ffffff',
  /** How far (board units) from the path a press still hits the connector. */
  hitSlopPx: 8,
} as const

const center = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 })

/** Where the ray from the box's centre towards `toward` leaves the box. */
export function exitPoint(box: Rect, toward: Point): Point {
  const c = center(box)
  const dx = toward.x - c.x
  const dy = toward.y - c.y
  if (dx === 0 && dy === 0) return c
  const tx = dx === 0 ? Number.POSITIVE_INFINITY : box.w / 2 / Math.abs(dx)
  const ty = dy === 0 ? Number.POSITIVE_INFINITY : box.h / 2 / Math.abs(dy)
  const t = Math.min(tx, ty)
  return { x: c.x + dx * t, y: c.y + dy * t }
}

/** The connector's polyline from `from` to `to`. */
export function connectorPoints(from: Rect, to: Rect, route: ConnectorRoute): Point[] {
  const a = center(from)
  const b = center(to)
  if (route === 'straight') return [exitPoint(from, b), exitPoint(to, a)]
  // Elbow: leave from the side facing the other box; boxes stacked in one column leave top/bottom.
  const overlapX = from.x < to.x + to.w && to.x < from.x + from.w
  if (overlapX) {
    const down = b.y > a.y
    const start = { x: a.x, y: down ? from.y + from.h : from.y }
    const end = { x: b.x, y: down ? to.y : to.y + to.h }
    const midY = (start.y + end.y) / 2
    return start.x === end.x ? [start, end] : [start, { x: start.x, y: midY }, { x: end.x, y: midY }, end]
  }
  const right = b.x > a.x
  const start = { x: right ? from.x + from.w : from.x, y: a.y }
  const end = { x: right ? to.x : to.x + to.w, y: b.y }
  const midX = (start.x + end.x) / 2
  return start.y === end.y ? [start, end] : [start, { x: midX, y: start.y }, { x: midX, y: end.y }, end]
}

/** The point halfway along a polyline (by length), where the label sits. */
export function midpointOf(points: readonly Point[]): Point {
  const lengths = points
    .slice(1)
    .map((p, i) => Math.hypot(p.x - (points[i] as Point).x, p.y - (points[i] as Point).y))
  let left = lengths.reduce((a, b) => a + b, 0) / 2
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i] as number
    const p = points[i] as Point
    const q = points[i + 1] as Point
    if (left <= len && len > 0)
      return { x: p.x + ((q.x - p.x) * left) / len, y: p.y + ((q.y - p.y) * left) / len }
    left -= len
  }
  return points[0] ?? { x: 0, y: 0 }
}

/** Distance from a point to a polyline: a press within CONNECTOR_STYLE.hitSlopPx hits the connector. */
export function distanceToPolyline(p: Point, points: readonly Point[]): number {
  let best = Number.POSITIVE_INFINITY
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point
    const b = points[i] as Point
    const dx = b.x - a.x
    const dy = b.y - a.y
    const len2 = dx * dx + dy * dy
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2))
    best = Math.min(best, Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)))
  }
  return best
}

export interface ConnectorInput {
  /** The connector's record id (selection and hit-testing). */
  id: SceneRecordId
  from: Rect
  to: Rect
  route: ConnectorRoute
  label: string
  selected?: boolean
}

/** A selected connector's ink (the selection blue). */
export const SELECTED_INK = '#2563eb'

export function connectorItems(c: ConnectorInput): SceneItem[] {
  const s = CONNECTOR_STYLE
  const points = connectorPoints(c.from, c.to, c.route)
  const color = c.selected ? SELECTED_INK : s.color
  const items: SceneItem[] = [
    {
      kind: 'arrow',
      layer: 'connectors',
      record: c.id,
      points,
      stroke: { color, width: c.selected ? s.widthPx + 1 : s.widthPx },
      heads: 'end',
      headLength: s.headLengthPx,
      headWidth: s.headWidthPx,
    },
  ]
  const label = c.label.trim()
  if (label) {
    const mid = midpointOf(points)
    const w = Math.min(220, 24 + label.length * s.labelFontPx * 0.58)
    items.push({
      kind: 'badge',
      layer: 'connectors',
      record: c.id,
      x: mid.x - w / 2,
      y: mid.y - 12,
      w,
      h: 24,
      text: label,
      fill: s.labelFill,
      color: s.color,
      fontSize: s.labelFontPx,
      fontWeight: 400,
      stroke: { color, width: 1 },
    })
  }
  return items
}
