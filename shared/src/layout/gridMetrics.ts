import { NOTE_SIZE } from '../board/limits'

/** The grid's fixed measures in board units. Apart from grid.ts so that lane kinds (board/laneKinds) can size their rows by them without an import cycle. */
export const GRID = {
  laneHeaderW: 220,
  stageHeaderH: 64,
  cellPaddingPx: 16,
  noteGapPx: 12,
  minLaneH: 160,
  minStageColumns: 2,
  maxStageColumns: 40,
  slotW: NOTE_SIZE.defaultW,
} as const
