/*
 * How much of a note to draw at its on-screen size. A note a few pixels tall is a colored rectangle;
 * text and shadows cost the most and are unreadable at that size anyway. What each detail draws is
 * shared/scene/noteItems'.
 */
import type { NoteDetail } from '../../../shared/src/scene/noteItems'

export type { NoteDetail }

/** Below this on-screen height (px) text is skipped. */
const TEXT_MIN_SCREEN_PX = 28
/** Below this on-screen height (px) shadows and rounded corners are skipped too. */
const SHADOW_MIN_SCREEN_PX = 48

export function noteDetail(noteHeight: number, scale: number): NoteDetail {
  const px = noteHeight * scale
  if (px >= SHADOW_MIN_SCREEN_PX) return 'full'
  if (px >= TEXT_MIN_SCREEN_PX) return 'plain'
  return 'block'
}

/** Stage and lane header text is hidden once it would be smaller than this (px). */
export const HEADER_TEXT_MIN_SCALE = 0.12
