import type { LaneId, NoteId, StageId } from '../board/ids'
import { keysBetween } from '../order'
import type { Point } from './geometry'
import { type BoardLayout, cellKey } from './grid'
import { nearestCell } from './hitTest'

export interface DropTarget {
  stageId: StageId
  laneId: LaneId
  /** One new order key per moved note, in the order the notes were given. */
  orders: string[]
}

/**
 * Where notes dropped at `point` land: the cell under the point (or the nearest one), placed in
 * reading order before the first remaining note whose slot comes after the point.
 */
export function snapNotesToCell(
  layout: BoardLayout,
  orderOf: (id: NoteId) => string | undefined,
  moving: readonly NoteId[],
  point: Point,
): DropTarget | null {
  const cell = nearestCell(layout, point)
  if (!cell) return null
  const movingSet = new Set(moving)
  const others = (layout.cells.get(cellKey(cell.stageId, cell.laneId)) ?? []).filter(
    (id) => !movingSet.has(id),
  )
  let insertAt = others.length
  for (let i = 0; i < others.length; i++) {
    const box = layout.notes.get(others[i]!)
    if (!box) continue
    const aboveRow = point.y < box.y
    const beforeInRow = point.y < box.y + box.h && point.x < box.x + box.w / 2
    if (aboveRow || beforeInRow) {
      insertAt = i
      break
    }
  }
  const before = insertAt > 0 ? (orderOf(others[insertAt - 1]!) ?? null) : null
  const after = insertAt < others.length ? (orderOf(others[insertAt]!) ?? null) : null
  // Equal neighbour keys (a concurrent insert) leave no room between them; append after `before`.
  const orders =
    before !== null && after !== null && before >= after
      ? keysBetween(before, null, moving.length)
      : keysBetween(before, after, moving.length)
  return { ...cell, orders }
}
