/*
 * Arrow-key nudges. Notes snap to cells and flow in reading order, so a nudge moves a note by places,
 * never by pixels:
 *   Left / Right          one place earlier / later in its cell's reading order (stops at the ends)
 *   Up / Down             into the lane above / below, same stage, appended at the end of that cell
 *   Shift+Left / Right    into the previous / next stage, same lane, appended at the end of that cell
 * Each selected note moves relative to its own cell; a note already at the edge of the board stays.
 * Notes in the "Unsorted" row (their stage or lane is gone) go back onto the grid with Up: into the
 * bottom lane, in the stage column they are drawn under, so the keyboard can rescue what a mouse would
 * drag; the other directions leave them. Data in, data out: the result is the patches to write, in one
 * transaction.
 */
import type { LaneId, NoteId, RecordId, StageId } from '../../../shared/src/board/ids'
import type { NotePatch } from '../../../shared/src/board/schema'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { cellKey, UNSORTED_CELL } from '../../../shared/src/layout/grid'
import { acceptsNotes } from '../../../shared/src/layout/hitTest'
import { keysBetween } from '../../../shared/src/order'

export type NudgeDirection = 'earlier' | 'later' | 'laneUp' | 'laneDown' | 'stageBefore' | 'stageAfter'

interface Cell {
  stageId: StageId
  laneId: LaneId
  ids: readonly NoteId[]
}

/** Keys for `count` notes between two neighbours; equal neighbour keys (concurrent inserts) append. */
function keysFor(before: string | null, after: string | null, count: number): string[] {
  if (before !== null && after !== null && before >= after) return keysBetween(before, null, count)
  return keysBetween(before, after, count)
}

/** Moves selected notes one place within their cell; only the runs of selected notes get new keys. */
function reorder(
  cell: Cell,
  selected: ReadonlySet<RecordId>,
  orderOf: (id: NoteId) => string | undefined,
  step: -1 | 1,
  patches: Map<NoteId, NotePatch>,
): void {
  const ids = [...cell.ids]
  if (!ids.some((id) => selected.has(id))) return
  let moved = false
  // The classic "move selected up" pass: a selected note swaps with an unselected neighbour.
  const indexes = step < 0 ? ids.keys() : [...ids.keys()].reverse()
  for (const i of indexes) {
    const j = i + step
    if (j < 0 || j >= ids.length) continue
    if (selected.has(ids[i]!) && !selected.has(ids[j]!)) {
      ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
      moved = true
    }
  }
  if (!moved) return
  for (let start = 0; start < ids.length; start++) {
    if (!selected.has(ids[start]!)) continue
    let end = start
    while (end + 1 < ids.length && selected.has(ids[end + 1]!)) end++
    const before = start > 0 ? (orderOf(ids[start - 1]!) ?? null) : null
    const after = end + 1 < ids.length ? (orderOf(ids[end + 1]!) ?? null) : null
    const keys = keysFor(before, after, end - start + 1)
    for (let k = start; k <= end; k++) patches.set(ids[k]!, { order: keys[k - start]! })
    start = end
  }
}

export function planNudge(
  layout: BoardLayout,
  orderOf: (id: NoteId) => string | undefined,
  selection: ReadonlySet<RecordId>,
  direction: NudgeDirection,
): Map<NoteId, NotePatch> {
  const patches = new Map<NoteId, NotePatch>()
  // Only lanes that hold notes: ↓ from actions skips a channels lane or an emotion curve.
  const lanes = layout.lanes.filter(acceptsNotes)
  const cells: Cell[][] = layout.stages.map((stage) =>
    lanes.map((lane) => ({
      stageId: stage.id,
      laneId: lane.id,
      ids: layout.cells.get(cellKey(stage.id, lane.id)) ?? [],
    })),
  )
  if (direction === 'earlier' || direction === 'later') {
    for (const column of cells)
      for (const cell of column) reorder(cell, selection, orderOf, direction === 'earlier' ? -1 : 1, patches)
    return patches
  }
  const [ds, dl] = {
    laneUp: [0, -1],
    laneDown: [0, 1],
    stageBefore: [-1, 0],
    stageAfter: [1, 0],
  }[direction] as [number, number]
  // Moving notes grouped by target cell, in reading order of their source cells. A selected note at
  // the board's edge stays, and counts as staying in its cell.
  const arrivals = new Map<Cell, NoteId[]>()
  const leaving = new Set<NoteId>()
  cells.forEach((column, s) => {
    column.forEach((cell, l) => {
      const target = cells[s + ds]?.[l + dl]
      const moving = cell.ids.filter((id) => selection.has(id))
      if (!target || moving.length === 0) return
      arrivals.set(target, [...(arrivals.get(target) ?? []), ...moving])
      for (const id of moving) leaving.add(id)
    })
  })
  if (direction === 'laneUp') addUnsortedArrivals(layout, cells, selection, arrivals)
  for (const [target, moving] of arrivals) {
    const last = target.ids.reduce<string | null>((max, id) => {
      const order = leaving.has(id) ? undefined : orderOf(id)
      return order !== undefined && (max === null || order > max) ? order : max
    }, null)
    const keys = keysBetween(last, null, moving.length)
    moving.forEach((id, i) => {
      patches.set(id, { stageId: target.stageId, laneId: target.laneId, order: keys[i]! })
    })
  }
  return patches
}

/** Selected Unsorted notes rise into the bottom lane, in the stage column under which each is drawn. */
function addUnsortedArrivals(
  layout: BoardLayout,
  cells: Cell[][],
  selection: ReadonlySet<RecordId>,
  arrivals: Map<Cell, NoteId[]>,
): void {
  const bottom = layout.lanes.filter(acceptsNotes).length - 1
  if (bottom < 0 || layout.stages.length === 0) return
  for (const id of layout.cells.get(UNSORTED_CELL) ?? []) {
    const box = layout.notes.get(id)
    if (!selection.has(id) || !box) continue
    const centre = box.x + box.w / 2
    // Past the last column (a wide Unsorted row) counts as the last stage.
    const found = layout.stages.findIndex((stage) => centre < stage.x + stage.w)
    const column = found === -1 ? layout.stages.length - 1 : found
    const target = cells[column]?.[bottom]
    if (target) arrivals.set(target, [...(arrivals.get(target) ?? []), id])
  }
}
