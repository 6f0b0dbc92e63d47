/*
 * Where every stage, lane, cell and note sits on the board: data in, data out. Notes flow in reading
 * order inside their cell (stage × lane); a stage grows wider when its fullest cell grows, so that a
 * crowded board stays roughly square instead of becoming one tall strip. A note whose stage or lane
 * no longer exists (deleted by a colleague meanwhile) is never hidden: it flows into an "Unsorted" row
 * under the grid until someone moves it back. Each lane's height follows its kind's rule
 * (board/laneKinds).
 */
import type { LaneId, NoteId, StageId } from '../board/ids'
import type { LaneLayoutContent } from '../board/laneKinds/laneKind'
import { getLaneKind, type ReadLaneKind } from '../board/laneKinds/registry'
import { isParked } from '../board/records/parking'
import type { Lane, Note, Stage } from '../board/schema'
import type { Rect } from './geometry'
import { GRID } from './gridMetrics'

export { GRID } from './gridMetrics'

export interface StageColumn {
  id: StageId
  title: string
  /** The short goal shown under the header, if any. */
  description?: string
  x: number
  w: number
}

export interface LaneRow {
  id: LaneId
  title: string
  kind: ReadLaneKind
  y: number
  h: number
}

export interface NoteBox extends Rect {
  id: NoteId
}

export interface BoardLayout {
  /** The grid's size (headers, cells, the Unsorted row); the parking lot lies to its right. */
  width: number
  height: number
  /** The stage header row's height: taller when a stage has a description. */
  headerH: number
  /**
   * The parking lot beside the grid: free space for notes that belong to no cell yet. Always laid out
   * (a note dropped there parks); `used` when it holds notes, and only then drawn and part of `bounds`.
   */
  parking: Rect & { used: boolean }
  /** Everything that is drawn: the grid, and the parking lot when used. What "fit" and the PDF frame. */
  bounds: Rect
  stages: StageColumn[]
  lanes: LaneRow[]
  /** The row of notes whose stage or lane is gone; null when there are none. */
  unsorted: Rect | null
  notes: Map<NoteId, NoteBox>
  /** Note ids of each cell in reading order, keyed by `cellKey`. */
  cells: Map<string, NoteId[]>
}

export const cellKey = (stageId: StageId, laneId: LaneId): string => `${stageId}|${laneId}`
export const UNSORTED_CELL = 'unsorted'
/** `cells` key of the parking lot's notes, in the order they were laid out. */
export const PARKING_CELL = 'parking'

interface Flowed {
  boxes: { id: NoteId; dx: number; dy: number; w: number; h: number }[]
  height: number
}

/** Lays notes left to right, wrapping at innerW; offsets are relative to the cell's inner corner. */
function flow(notes: readonly Note[], innerW: number): Flowed {
  const boxes: Flowed['boxes'] = []
  let x = 0
  let y = 0
  let rowH = 0
  for (const note of notes) {
    if (x > 0 && x + note.w > innerW) {
      x = 0
      y += rowH + GRID.noteGapPx
      rowH = 0
    }
    boxes.push({ id: note.id, dx: x, dy: y, w: note.w, h: note.h })
    x += note.w + GRID.noteGapPx
    rowH = Math.max(rowH, note.h)
  }
  return { boxes, height: y + rowH }
}

const columnsWidth = (columns: number): number => columns * GRID.slotW + (columns - 1) * GRID.noteGapPx

/** A collapsed lane shows only its header's first line. */
export const COLLAPSED_LANE_H = 56

const NO_CONTENT: LaneLayoutContent = { chips: [], laneTexts: [] }

/**
 * `notes` must already be sorted by order (readNotes does this). `content`: what content lanes measure
 * their cells by (chips, text blocks); without it those rows take their smallest height.
 */
export function computeLayout(
  stages: readonly Stage[],
  lanes: readonly Lane[],
  notes: readonly Note[],
  content: LaneLayoutContent = NO_CONTENT,
): BoardLayout {
  const stageIds = new Set(stages.map((s) => s.id))
  const parked: Note[] = []
  const notesLaneIds = new Set(
    lanes.filter((l) => getLaneKind(l.kind).layout.holds === 'notes').map((l) => l.id),
  )
  const byCell = new Map<string, Note[]>()
  const orphans: Note[] = []
  for (const note of notes) {
    if (isParked(note)) {
      parked.push(note)
      continue
    }
    if (!stageIds.has(note.stageId) || !notesLaneIds.has(note.laneId)) {
      orphans.push(note)
      continue
    }
    const key = cellKey(note.stageId, note.laneId)
    const list = byCell.get(key)
    if (list) list.push(note)
    else byCell.set(key, [note])
  }

  // Stage widths: enough slot columns for the fullest cell to be about as tall as it is wide.
  const stageInnerW = stages.map((stage) => {
    let fullest = 0
    let widest = 0
    for (const lane of lanes) {
      const cell = byCell.get(cellKey(stage.id, lane.id)) ?? []
      fullest = Math.max(fullest, cell.length)
      for (const note of cell) widest = Math.max(widest, note.w)
    }
    // A width set by hand wins, but a note never sticks out of its column.
    if (stage.width !== undefined) return Math.max(stage.width - 2 * GRID.cellPaddingPx, widest)
    const columns = Math.min(
      GRID.maxStageColumns,
      Math.max(GRID.minStageColumns, Math.ceil(Math.sqrt(fullest / 1.5))),
    )
    return Math.max(columnsWidth(columns), widest)
  })

  const flowed = new Map<string, Flowed>()
  const laneHeights = lanes.map((lane) => {
    const { layout } = getLaneKind(lane.kind)
    let tallest = 0
    stages.forEach((stage, i) => {
      const key = cellKey(stage.id, lane.id)
      const innerW = stageInnerW[i] as number
      if (layout.contentHeight)
        tallest = Math.max(
          tallest,
          layout.contentHeight({ stageId: stage.id, laneId: lane.id, innerW }, content),
        )
      const cell = byCell.get(key)
      if (!cell) return
      const result = flow(cell, innerW)
      flowed.set(key, result)
      tallest = Math.max(tallest, result.height)
    })
    // Notes keep their places in a collapsed lane (they are only hidden), so a reopened lane is as before.
    if (lane.collapsed) return COLLAPSED_LANE_H
    // A height set by hand wins, but never hides content: the row grows past it when it must.
    const fit = layout.rowHeight(tallest)
    return lane.height === undefined ? fit : Math.max(lane.height, tallest > 0 ? fit : 0, COLLAPSED_LANE_H)
  })

  let x = GRID.laneHeaderW
  const stageColumns: StageColumn[] = stages.map((stage, i) => {
    const w = (stageInnerW[i] as number) + 2 * GRID.cellPaddingPx
    const column: StageColumn = { id: stage.id, title: stage.title, x, w }
    if (stage.description) column.description = stage.description
    x += w
    return column
  })
  const headerH = GRID.stageHeaderH + (stages.some((s) => s.description) ? GRID.stageDescriptionH : 0)
  let y = headerH
  const laneRows: LaneRow[] = lanes.map((lane, i) => {
    const h = laneHeights[i] as number
    const row = { id: lane.id, title: lane.title, kind: lane.kind, y, h }
    y += h
    return row
  })
  const width = Math.max(x, GRID.laneHeaderW + columnsWidth(GRID.minStageColumns) + 2 * GRID.cellPaddingPx)

  const boxes = new Map<NoteId, NoteBox>()
  const cells = new Map<string, NoteId[]>()
  const collapsed = new Set(lanes.filter((l) => l.collapsed).map((l) => l.id))
  for (const stage of stageColumns) {
    for (const lane of laneRows) {
      const key = cellKey(stage.id, lane.id)
      const result = flowed.get(key)
      if (!result) continue
      cells.set(
        key,
        result.boxes.map((b) => b.id),
      )
      // A collapsed lane's notes stay in its cells (the outline lists them) but are not drawn.
      if (collapsed.has(lane.id)) continue
      for (const b of result.boxes) {
        const box = {
          id: b.id,
          x: stage.x + GRID.cellPaddingPx + b.dx,
          y: lane.y + GRID.cellPaddingPx + b.dy,
          w: b.w,
          h: b.h,
        }
        boxes.set(b.id, box)
      }
    }
  }

  let unsorted: Rect | null = null
  if (orphans.length > 0) {
    const innerW = width - GRID.laneHeaderW - 2 * GRID.cellPaddingPx
    const result = flow(orphans, innerW)
    unsorted = {
      x: GRID.laneHeaderW,
      y,
      w: width - GRID.laneHeaderW,
      h: result.height + 2 * GRID.cellPaddingPx,
    }
    cells.set(
      UNSORTED_CELL,
      result.boxes.map((b) => b.id),
    )
    for (const b of result.boxes) {
      const box = {
        id: b.id,
        x: unsorted.x + GRID.cellPaddingPx + b.dx,
        y: unsorted.y + GRID.cellPaddingPx + b.dy,
        w: b.w,
        h: b.h,
      }
      boxes.set(b.id, box)
    }
    y += unsorted.h
  }

  const parking = layParkingLot(parked, { width, height: y, headerH }, boxes)
  if (parked.length > 0)
    cells.set(
      PARKING_CELL,
      parked.map((n) => n.id),
    )
  const bounds = parking.used
    ? { x: 0, y: 0, w: parking.x + parking.w, h: Math.max(y, parking.y + parking.h) }
    : { x: 0, y: 0, w: width, h: y }
  return {
    width,
    height: y,
    headerH,
    parking,
    bounds,
    stages: stageColumns,
    lanes: laneRows,
    unsorted,
    notes: boxes,
    cells,
  }
}

/** The lot's inner corner: where parkX/parkY count from. */
export const parkingOrigin = (parking: Rect, headerH: number): { x: number; y: number } => ({
  x: parking.x + GRID.cellPaddingPx,
  y: parking.y + headerH + GRID.cellPaddingPx,
})

/** Parked notes sit where they were dropped; the lot grows to hold them, never less than the grid tall. */
function layParkingLot(
  parked: readonly Note[],
  grid: { width: number; height: number; headerH: number },
  boxes: Map<NoteId, NoteBox>,
): BoardLayout['parking'] {
  const x = grid.width + GRID.parkingGapPx
  const origin = parkingOrigin({ x, y: 0, w: 0, h: 0 }, grid.headerH)
  let right = GRID.parkingMinW
  let bottom = grid.height
  for (const note of parked) {
    const box = {
      id: note.id,
      x: origin.x + (note.parkX ?? 0),
      y: origin.y + (note.parkY ?? 0),
      w: note.w,
      h: note.h,
    }
    boxes.set(note.id, box)
    right = Math.max(right, box.x + box.w + GRID.cellPaddingPx - x)
    bottom = Math.max(bottom, box.y + box.h + GRID.cellPaddingPx)
  }
  return { x, y: 0, w: right, h: bottom, used: parked.length > 0 }
}

/** Whether a board point lies in the parking lot (to park a note dropped there). */
export const inParkingLot = (layout: BoardLayout, point: { x: number; y: number }): boolean =>
  point.x >= layout.parking.x - GRID.parkingGapPx / 2 && point.y >= 0

/** A stage (column) header or a lane (row) header: what the grid-shaping commands act on. */
export type HeaderRef = { kind: 'stage'; id: StageId } | { kind: 'lane'; id: LaneId }

/** The header's rectangle: a stage's header above its column, a lane's header left of its row. */
export function headerRect(layout: BoardLayout, header: HeaderRef): Rect | null {
  if (header.kind === 'stage') {
    const stage = layout.stages.find((s) => s.id === header.id)
    return stage ? { x: stage.x, y: 0, w: stage.w, h: layout.headerH } : null
  }
  const lane = layout.lanes.find((l) => l.id === header.id)
  return lane ? { x: 0, y: lane.y, w: GRID.laneHeaderW, h: lane.h } : null
}

/** The header's title as laid out, or null when it is not on the board (removed meanwhile). */
export function headerTitle(layout: BoardLayout, header: HeaderRef): string | null {
  const items: readonly { id: string; title: string }[] =
    header.kind === 'stage' ? layout.stages : layout.lanes
  return items.find((item) => item.id === header.id)?.title ?? null
}

/** How many notes sit in the header's column or row (those a removal would send to "Unsorted"). */
export function countNotesUnder(layout: BoardLayout, header: HeaderRef): number {
  let count = 0
  for (const stage of layout.stages) {
    for (const lane of layout.lanes) {
      if ((header.kind === 'stage' ? stage.id : lane.id) !== header.id) continue
      count += layout.cells.get(cellKey(stage.id, lane.id))?.length ?? 0
    }
  }
  return count
}

/** The rectangle of one cell, or null when the stage or lane is not on the board. */
export function cellRect(layout: BoardLayout, stageId: StageId, laneId: LaneId): Rect | null {
  const stage = layout.stages.find((s) => s.id === stageId)
  const lane = layout.lanes.find((l) => l.id === laneId)
  return stage && lane ? { x: stage.x, y: lane.y, w: stage.w, h: lane.h } : null
}
