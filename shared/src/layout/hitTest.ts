import type { LaneId, StageId } from '../board/ids'
import { getLaneKind } from '../board/laneKinds/registry'
import type { Point, Rect } from './geometry'
import { type BoardLayout, GRID, type HeaderRef, type LaneRow } from './grid'

export interface CellRef {
  stageId: StageId
  laneId: LaneId
}

/** The cell under a board point, or null over headers, the unsorted row or outside the grid. */
export function pointToCell(layout: BoardLayout, point: Point): CellRef | null {
  const stage = layout.stages.find((s) => point.x >= s.x && point.x < s.x + s.w)
  const lane = layout.lanes.find((l) => point.y >= l.y && point.y < l.y + l.h)
  return stage && lane ? { stageId: stage.id, laneId: lane.id } : null
}

/** Whether notes may be dropped, pasted or added into a lane's cells: its kind says. */
export const acceptsNotes = (lane: LaneRow): boolean => getLaneKind(lane.kind).accepts.includes('note')

/**
 * The cell nearest to a point among the lanes that `accept` (by default, those whose kind takes notes):
 * a drop just outside the grid, or over a lane that holds no notes, still lands somewhere sensible.
 */
export function nearestCell(
  layout: BoardLayout,
  point: Point,
  accept: (lane: LaneRow) => boolean = acceptsNotes,
): CellRef | null {
  const lanes = layout.lanes.filter(accept)
  if (layout.stages.length === 0 || lanes.length === 0) return null
  const first = layout.stages[0]!
  const last = layout.stages.at(-1)!
  const x = Math.min(last.x + last.w - 1, Math.max(first.x, point.x))
  const stage = layout.stages.find((s) => x >= s.x && x < s.x + s.w)
  const top = lanes[0]!
  const bottom = lanes.at(-1)!
  const y = Math.min(bottom.y + bottom.h - 1, Math.max(top.y, point.y))
  // The accepting lane under the point, else (over a lane that accepts nothing) the closest one.
  let lane = lanes.find((l) => y >= l.y && y < l.y + l.h)
  let best = Number.POSITIVE_INFINITY
  for (const l of lane ? [] : lanes) {
    const distance = Math.max(l.y - y, y - (l.y + l.h), 0)
    if (distance < best) {
      best = distance
      lane = l
    }
  }
  return stage && lane ? { stageId: stage.id, laneId: lane.id } : null
}

/** The stage or lane header under a board point, or null over cells, the corner or the unsorted row. */
export function pointToHeader(layout: BoardLayout, point: Point): HeaderRef | null {
  if (point.y >= 0 && point.y < layout.headerH) {
    const stage = layout.stages.find((s) => point.x >= s.x && point.x < s.x + s.w)
    return stage ? { kind: 'stage', id: stage.id } : null
  }
  if (point.x >= 0 && point.x < GRID.laneHeaderW) {
    const lane = layout.lanes.find((l) => point.y >= l.y && point.y < l.y + l.h)
    return lane ? { kind: 'lane', id: lane.id } : null
  }
  return null
}

/**
 * The gap between headers nearest to a point along their axis: 0 is before the first stage (lane),
 * `stages.length` after the last. Where a dragged header would go.
 */
export function headerGapAt(layout: BoardLayout, kind: HeaderRef['kind'], point: Point): number {
  if (kind === 'stage') return layout.stages.filter((s) => s.x + s.w / 2 < point.x).length
  return layout.lanes.filter((l) => l.y + l.h / 2 < point.y).length
}

/** Where the gap `gap` is drawn: a line between two headers, across the header row or column. */
export function headerGapLine(layout: BoardLayout, kind: HeaderRef['kind'], gap: number): Rect {
  if (kind === 'stage') {
    const next = layout.stages[gap]
    const prev = layout.stages[gap - 1]
    const x = next ? next.x : prev ? prev.x + prev.w : GRID.laneHeaderW
    return { x, y: 0, w: 0, h: layout.height }
  }
  const next = layout.lanes[gap]
  const prev = layout.lanes[gap - 1]
  const y = next ? next.y : prev ? prev.y + prev.h : layout.headerH
  return { x: 0, y, w: layout.width, h: 0 }
}
