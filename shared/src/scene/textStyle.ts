/*
 * How the scene's text is set: sizes, insets and line heights in board units. The scene builders
 * (buildScene, noteItems) put them into the items the canvas and the PDF draw, and the DOM note editor
 * (which lays a textarea exactly over a note) reads them too, so text sits in the same place
 * everywhere; wrapping follows text/wrapText.
 */
import { BOARD_INK } from './palette'

export const NOTE_TEXT = {
  paddingPx: 12,
  fontSizePx: 16,
  lineHeight: 1.3,
  fontFamily: BOARD_INK.font,
  cornerRadiusPx: 8,
} as const

/** Stage titles: one upper-case line, centred vertically, cut with an ellipsis. */
export const STAGE_HEADER_TEXT = { insetXPx: 20, fontSizePx: 16, letterSpacingPx: 1.2 } as const

/** A stage's goal under its title (two lines fit GRID.stageDescriptionH), and the parking lot's caption. */
export const STAGE_DESCRIPTION_TEXT = { fontSizePx: 14, lineHeight: 1.3 } as const

/** Lane titles (and the Unsorted row's): wrapped beside a colored strip at the left edge. */
export const LANE_HEADER_TEXT = {
  insetLeftPx: 26,
  insetRightPx: 18,
  insetTopPx: 22,
  insetBottomPx: 16,
  fontSizePx: 18,
  lineHeight: 1.25,
  accentWPx: 6,
} as const

/**
 * Height a lane title may fill in a header `laneH` tall: a title longer than that (up to 200 characters)
 * ends in "…" instead of running into the lane below; the lane menu and the outline show all of it.
 */
export function laneTitleHeight(laneH: number): number {
  const { insetTopPx, insetBottomPx, fontSizePx, lineHeight } = LANE_HEADER_TEXT
  return Math.max(fontSizePx * lineHeight, laneH - insetTopPx - insetBottomPx)
}

/** The Unsorted row's caption, under its title, cut with an ellipsis at the row's bottom. */
export const UNSORTED_CAPTION_TEXT = { topPx: 50, bottomPx: 10, fontSizePx: 13, lineHeight: 1.35 } as const

/** The board's outer corners. */
export const BOARD_CORNER_RADIUS_PX = 14
