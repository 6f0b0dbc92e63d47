/*
 * Where a popup (a header's menu, the add form) goes beside its anchor on the canvas: below or to the
 * right of it, flipped to the other side when it would not fit, then kept inside the canvas. Screen
 * pixels, relative to the canvas. Pure, so it is tested without a browser.
 */
import type { Point, Rect } from '../../../shared/src/layout/geometry'
import type { Size } from './viewport'

/** Space between the anchor and the popup, and between the popup and the canvas's edges (px). */
export const POPUP_GAP_PX = 6
export const POPUP_MARGIN_PX = 8

export type PopupSide = 'below' | 'right'

export function placePopup(anchor: Rect, popup: Size, bounds: Size, side: PopupSide): Point {
  let x: number
  let y: number
  if (side === 'below') {
    x = anchor.x
    y = anchor.y + anchor.h + POPUP_GAP_PX
    if (y + popup.h > bounds.h - POPUP_MARGIN_PX) y = anchor.y - popup.h - POPUP_GAP_PX
  } else {
    x = anchor.x + anchor.w + POPUP_GAP_PX
    y = anchor.y
    if (x + popup.w > bounds.w - POPUP_MARGIN_PX) x = anchor.x - popup.w - POPUP_GAP_PX
  }
  const clamp = (v: number, size: number, room: number) =>
    Math.max(POPUP_MARGIN_PX, Math.min(v, room - size - POPUP_MARGIN_PX))
  return { x: clamp(x, popup.w, bounds.w), y: clamp(y, popup.h, bounds.h) }
}
