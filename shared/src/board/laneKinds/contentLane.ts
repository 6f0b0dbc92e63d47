/*
 * What the content-lane families (emotion curve, channels, metrics, text, visibility, unknown) share:
 * they hold no notes, so they make none and accept none, and the scene draws their cells (its
 * `cellItems`, filled by shared/src/scene).
 */
import { GRID } from '../../layout/gridMetrics'
import type { CellContent, CellDrop, LaneCsv, LaneKindDef, LaneLayoutContent, MeasuredCell } from './laneKind'

export interface ContentLaneSpec<Id extends string> {
  id: Id
  label: string
  holds: Exclude<CellContent, 'notes'>
  rowHeight: (tallestContentH: number) => number
  contentHeight?: (cell: MeasuredCell, content: LaneLayoutContent) => number
  accepts?: readonly CellDrop[]
  cellTint: string
  headerAccent: string
  swatch: { fill: string; border: string }
  csv: LaneCsv
}

export function contentLane<const Id extends string>(spec: ContentLaneSpec<Id>): LaneKindDef<Id> {
  return {
    id: spec.id,
    label: spec.label,
    layout: { holds: spec.holds, rowHeight: spec.rowHeight, contentHeight: spec.contentHeight ?? null },
    scene: { cellTint: spec.cellTint, headerAccent: spec.headerAccent, cellItems: null },
    colors: { newNote: null, swatch: spec.swatch },
    accepts: spec.accepts ?? [],
    csv: spec.csv,
  }
}

/** A row that grows with its tallest cell's content, never below `min`. */
export const grownRow =
  (min: number) =>
  (tallestContentH: number): number =>
    Math.max(min, Math.ceil(tallestContentH) + 2 * GRID.cellPaddingPx)

export const fixedRow =
  (height: number) =>
  (_tallestContentH: number): number =>
    height
