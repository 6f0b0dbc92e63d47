/**
 * How the scene's text is set: sizes, insets and line heights in board units. The canvas, the DOM note
 * editor (which lays a textarea exactly over a note) and the PDF all read them, so text sits in the
 * same place everywhere; wrapping follows text/wrapText.
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

/** Lane titles (and the Unsorted row's): wrapped under a colored strip at the left edge. */
export const LANE_HEADER_TEXT = {
  insetLeftPx: 26,
  insetRightPx: 18,
  insetTopPx: 22,
  fontSizePx: 18,
  lineHeight: 1.25,
  accentWPx: 6,
} as const

/** The Unsorted row's caption, under its title, cut with an ellipsis at the row's bottom. */
export const UNSORTED_CAPTION_TEXT = { topPx: 50, bottomPx: 10, fontSizePx: 13, lineHeight: 1.35 } as const

/** The board's outer corners. */
export const BOARD_CORNER_RADIUS_PX = 14
