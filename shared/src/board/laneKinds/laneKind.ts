/*
 * What a lane's kind decides, as one object per kind (the idea of tldraw's ShapeUtil, for lanes):
 * everything the layout, the scene, the pickers, drops and the CSV export need to know about a kind
 * is a facet of its LaneKindDef, looked up in registry.ts, instead of a branch or a table in each
 * of those places. A facet that a kind lacks is a type error here and a failing test in
 * registry.test.ts. docs/board-document.md says how to add a kind.
 */
import type { Rect } from '../../layout/geometry'
import type { LaneId, StageId } from '../ids'
import type { Chip } from '../records/chip'
import type { Lane } from '../records/lane'
import type { LaneText } from '../records/laneText'
import type { BoardContent } from '../schema'
import type { NoteColor } from '../style'

/**
 * What a lane's cells hold: notes, an emotion curve's scores, channel chips, metric values, a text
 * block, or nothing (the line of visibility, and a kind this build does not know).
 */
export type CellContent = 'notes' | 'scores' | 'chips' | 'values' | 'text' | 'nothing'

/** What may be dropped, pasted or added into a cell (`nearestCell` finds only cells that accept it). */
export type CellDrop = 'note' | 'chip'

/** What a kind's `contentHeight` may measure a cell's content from (the layout passes what it has). */
export interface LaneLayoutContent {
  chips: readonly Chip[]
  laneTexts: readonly LaneText[]
}

/** The cell a kind measures: which one, and the width its content flows in. */
export interface MeasuredCell {
  stageId: StageId
  laneId: LaneId
  innerW: number
}

/**
 * A scene item a kind adds to one of its cells. No kind adds any yet: notes kinds' notes are drawn from
 * the notes themselves, and the content kinds' drawing (an emotion curve and its faces, channel chips,
 * metric bars, text blocks) belongs to the scene (shared/src/scene), which sets this to its item union
 * and fills each content kind's `cellItems`.
 */
export type LaneSceneItem = never

/** One cell of a lane, as the scene hands it to a kind's `cellItems`. */
export interface LaneCell extends Rect {
  stageId: StageId
  laneId: LaneId
}

export interface LaneKindDef<Id extends string = string> {
  /** The value stored in a lane's `kind` field. */
  id: Id
  /** How the add-lane form and the lane menu name the kind. */
  label: string
  layout: {
    holds: CellContent
    /** The row's height, from the height of its tallest cell's content (0 when every cell is empty). */
    rowHeight: (tallestContentH: number) => number
    /**
     * The height of one cell's content, for kinds whose rows grow with what is not a note (chips,
     * text); null when the grid measures it (notes, flowed) or the row's height is fixed.
     */
    contentHeight: ((cell: MeasuredCell, content: LaneLayoutContent) => number) | null
  }
  scene: {
    /** A faint wash over the lane's cells, so rows read apart on a big screen. */
    cellTint: string
    /** The strip at the left edge of the lane's header. */
    headerAccent: string
    /** What a cell draws beyond its tint; null when the cell holds notes (see LaneSceneItem). */
    cellItems: ((cell: LaneCell) => readonly LaneSceneItem[]) | null
  }
  colors: {
    /** The color of a note made in the lane, so a lane reads at a glance; null for cells that hold no notes. */
    newNote: NoteColor | null
    /** The kind's dot in pickers (the add-lane form). */
    swatch: { fill: string; border: string }
  }
  /** What the lane's cells accept (drops, pastes, "add note"); empty for a lane that holds no notes. */
  accepts: readonly CellDrop[]
  csv: LaneCsv
}

/** A kind's part of the CSV export: its columns, and the rows of one lane of that kind. */
export interface LaneCsv {
  columns: readonly string[]
  /**
   * One row per item the lane's cells hold, stage by stage in board order and in reading order within
   * a cell; each row has one string per column. Pure: the board's content in, rows out.
   */
  rows: (lane: Lane, board: BoardContent) => string[][]
}
