/**
 * How a note's text is set, shared by the canvas (which draws it) and the DOM editor (which lays a
 * textarea exactly over it), so the text does not jump when editing starts.
 */
import { BOARD_INK } from '../../../shared/src/scene/palette'

export const NOTE_TEXT = {
  paddingPx: 12,
  fontSizePx: 16,
  lineHeight: 1.3,
  fontFamily: BOARD_INK.font,
  cornerRadiusPx: 8,
} as const

/** What a note is called in the outline and by screen readers: its first line, or "Empty note". */
export function noteLabel(text: string): string {
  const firstLine = text.trim().split('\n')[0]?.trim() ?? ''
  return firstLine === '' ? 'Empty note' : firstLine
}
