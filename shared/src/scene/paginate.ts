/*
 * Which part of the board each printed page shows, and where it goes on the page: pure, so a PDF, a
 * print preview or a tiled image export all split a board the same way. A page is a list of views,
 * each a board rectangle with its transform and clip; a painter draws the scene's items under each.
 *
 * 'fit' puts the whole board on one page. 'stages' keeps the board legible: stages are grouped left to
 * right as many as fit the page's width, lanes (and the Unsorted row) top to bottom as many as fit its
 * height, and every page repeats the lane-header column at its left and the stage-header row at its top,
 * so a page read alone still says which stage and lane each note is in. Pages go stage group by stage
 * group, and lane group by lane group within one: the map's reading order; a used parking lot last. The scale is the same on
 * every page: the largest that fits the widest stage and the tallest lane, capped at `maxScale`.
 */
import type { LaneId, StageId } from '../board/ids'
import type { Rect } from '../layout/geometry'
import type { BoardLayout } from '../layout/grid'
import type { Matrix } from './painter'

export interface PageFrame {
  /** Page size, in page units (PDF points). */
  width: number
  height: number
  /** Where the map may go, from the page's top-left (y down): the page less margins, title and footer. */
  content: Rect
  mode: 'fit' | 'stages'
  /** Page units per board unit at most (the PDF prints a board pixel at 0.75 pt, note text at 12 pt). */
  maxScale: number
}

export type PageRow = LaneId | 'unsorted'

export interface PageView {
  /** The board rectangle shown, in board units. */
  board: Rect
  /** Board → page: [s, 0, 0, s, e, f]. */
  transform: Matrix
  /** Where the view lands, in page units: draw it clipped to this (grown where it is the board's edge). */
  clip: Rect
}

export interface ScenePage {
  index: number
  /** Page units per board unit. */
  scale: number
  /** The cells first, then the repeated stage headers, lane headers and the corner they share. */
  views: PageView[]
  stages: StageId[]
  rows: PageRow[]
}

/** Strokes on the board's outer edge reach this far past it (board units); clips keep them. */
const EDGE_BLEED = 4

interface Span<Id> {
  id: Id
  start: number
  size: number
}

/** Consecutive spans grouped so that each group's total fits `room` (a span alone may not). */
function group<Id>(spans: readonly Span<Id>[], room: number): Span<Id>[][] {
  const groups: Span<Id>[][] = []
  let current: Span<Id>[] = []
  let used = 0
  for (const span of spans) {
    if (current.length > 0 && used + span.size > room * (1 + 1e-9)) {
      groups.push(current)
      current = []
      used = 0
    }
    current.push(span)
    used += span.size
  }
  if (current.length > 0) groups.push(current)
  return groups
}

function view(layout: BoardLayout, board: Rect, at: { x: number; y: number }, s: number): PageView {
  const edge = (value: number, limit: number) => (Math.abs(value - limit) < 1e-9 ? EDGE_BLEED : 0)
  const left = edge(board.x, 0)
  const top = edge(board.y, 0)
  const right = edge(board.x + board.w, layout.bounds.w)
  const bottom = edge(board.y + board.h, layout.bounds.h)
  return {
    board,
    transform: [s, 0, 0, s, at.x - board.x * s, at.y - board.y * s],
    clip: {
      x: at.x - left * s,
      y: at.y - top * s,
      w: (board.w + left + right) * s,
      h: (board.h + top + bottom) * s,
    },
  }
}

function rowsOf(layout: BoardLayout): Span<PageRow>[] {
  const rows: Span<PageRow>[] = layout.lanes.map((l) => ({ id: l.id, start: l.y, size: l.h }))
  if (layout.unsorted) rows.push({ id: 'unsorted', start: layout.unsorted.y, size: layout.unsorted.h })
  return rows
}

function fitPage(layout: BoardLayout, frame: PageFrame): ScenePage {
  const { content } = frame
  const s = Math.min(
    frame.maxScale,
    content.w / Math.max(1, layout.bounds.w),
    content.h / Math.max(1, layout.bounds.h),
  )
  const board = { ...layout.bounds }
  return {
    index: 0,
    scale: s,
    views: [view(layout, board, content, s)],
    stages: layout.stages.map((st) => st.id),
    rows: rowsOf(layout).map((r) => r.id),
  }
}

export function paginate(scene: { layout: BoardLayout }, frame: PageFrame): ScenePage[] {
  const { layout } = scene
  const rows = rowsOf(layout)
  if (frame.mode === 'fit' || layout.stages.length === 0 || rows.length === 0) return [fitPage(layout, frame)]
  const headerW = layout.stages[0]?.x ?? 0
  const headerH = rows[0]?.start ?? 0
  const stages: Span<StageId>[] = layout.stages.map((st) => ({ id: st.id, start: st.x, size: st.w }))
  const widest = Math.max(...stages.map((st) => st.size))
  const tallest = Math.max(...rows.map((r) => r.size))
  const { content } = frame
  const s = Math.min(frame.maxScale, content.w / (headerW + widest), content.h / (headerH + tallest))
  const stageGroups = group(stages, content.w / s - headerW)
  const rowGroups = group(rows, content.h / s - headerH)
  const pages: ScenePage[] = []
  for (const columns of stageGroups) {
    const x0 = (columns[0] as Span<StageId>).start
    const last = columns.at(-1) as Span<StageId>
    const x1 = last.start + last.size
    for (const band of rowGroups) {
      const y0 = (band[0] as Span<PageRow>).start
      const end = band.at(-1) as Span<PageRow>
      const y1 = end.start + end.size
      const cellsAt = { x: content.x + headerW * s, y: content.y + headerH * s }
      pages.push({
        index: pages.length,
        scale: s,
        views: [
          view(layout, { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, cellsAt, s),
          view(layout, { x: x0, y: 0, w: x1 - x0, h: headerH }, { x: cellsAt.x, y: content.y }, s),
          view(layout, { x: 0, y: y0, w: headerW, h: y1 - y0 }, { x: content.x, y: cellsAt.y }, s),
          view(layout, { x: 0, y: 0, w: headerW, h: headerH }, content, s),
        ],
        stages: columns.map((c) => c.id),
        rows: band.map((r) => r.id),
      })
    }
  }
  // The parking lot, when it holds notes, on a page of its own after the grid's.
  const lot = layout.parking
  if (lot.used) {
    const lotScale = Math.min(s, content.w / Math.max(1, lot.w), content.h / Math.max(1, lot.h))
    pages.push({
      index: pages.length,
      scale: lotScale,
      views: [view(layout, { x: lot.x, y: lot.y, w: lot.w, h: lot.h }, content, lotScale)],
      stages: [],
      rows: [],
    })
  }
  return pages
}
