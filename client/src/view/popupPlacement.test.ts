import { describe, expect, it } from 'vitest'
import { POPUP_GAP_PX, POPUP_MARGIN_PX, placePopup } from './popupPlacement'

const bounds = { w: 1000, h: 600 }
const popup = { w: 200, h: 240 }

describe('placePopup', () => {
  it('opens below the anchor, aligned to its left edge', () => {
    expect(placePopup({ x: 100, y: 50, w: 30, h: 30 }, popup, bounds, 'below')).toEqual({
      x: 100,
      y: 80 + POPUP_GAP_PX,
    })
  })

  it('flips above when there is no room below', () => {
    expect(placePopup({ x: 100, y: 500, w: 30, h: 30 }, popup, bounds, 'below').y).toBe(
      500 - 240 - POPUP_GAP_PX,
    )
  })

  it('opens right of the anchor and flips left at the right edge', () => {
    expect(placePopup({ x: 100, y: 50, w: 220, h: 100 }, popup, bounds, 'right').x).toBe(320 + POPUP_GAP_PX)
    expect(placePopup({ x: 750, y: 50, w: 100, h: 100 }, popup, bounds, 'right').x).toBe(
      750 - 200 - POPUP_GAP_PX,
    )
  })

  it('stays inside the canvas when the anchor is scrolled off it', () => {
    const place = placePopup({ x: -400, y: -300, w: 30, h: 30 }, popup, bounds, 'below')
    expect(place).toEqual({ x: POPUP_MARGIN_PX, y: POPUP_MARGIN_PX })
    const far = placePopup({ x: 2000, y: 2000, w: 30, h: 30 }, popup, bounds, 'right')
    expect(far).toEqual({ x: 1000 - 200 - POPUP_MARGIN_PX, y: 600 - 240 - POPUP_MARGIN_PX })
  })
})
