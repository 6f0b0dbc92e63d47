import { NOTE_SIZE } from '../board/limits'

/** The grid's fixed measures in board units. Apart from grid.ts so that lane kinds (board/laneKinds) can size their rows by them without an import cycle. */
export const GRID = {
  laneHeaderW: 220,
  stageHeaderH: 64,
  /** Added to the stage header row when any stage has a description (two lines under the title). */
  stageDescriptionH: 44,
  /** The parking lot's gap from the grid's right edge and its smallest width. */
  parkingGapPx: 96,
  parkingMinW: 2 * NOTE_SIZE.defaultW + 3 * 16,
  cellPaddingPx: 16,
  noteGapPx: 12,
  minLaneH: 160,
  minStageColumns: 2,
  maxStageColumns: 40,
  slotW: NOTE_SIZE.defaultW,
} as const
