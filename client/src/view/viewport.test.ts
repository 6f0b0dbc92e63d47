import { describe, expect, it } from 'vitest'
import { cullKey, cullRect } from './culling'
import { boardToScreen, fitRect, panIntoView, screenToBoard, visibleRect, ZOOM, zoomAt } from './viewport'

describe('viewport math', () => {
  it('keeps the point under the cursor still when zooming', () => {
    const vp = { x: 100, y: 50, scale: 0.8 }
    const anchor = { x: 640, y: 300 }
    const before = screenToBoard(vp, anchor)
    const after = zoomAt(vp, anchor, 1.5)
    expect(after.scale).toBeCloseTo(1.2)
    const back = boardToScreen(after, before)
    expect(back.x).toBeCloseTo(anchor.x)
    expect(back.y).toBeCloseTo(anchor.y)
  })

  it('clamps the zoom', () => {
    expect(zoomAt({ x: 0, y: 0, scale: 3.9 }, { x: 0, y: 0 }, 10).scale).toBe(ZOOM.maxScale)
    expect(zoomAt({ x: 0, y: 0, scale: 0.06 }, { x: 0, y: 0 }, 0.1).scale).toBe(ZOOM.minScale)
  })

  it('fits a rect centered, never past 100%', () => {
    const vp = fitRect({ x: 0, y: 0, w: 2000, h: 1000 }, { w: 1096, h: 600 }, 48)
    expect(vp.scale).toBeCloseTo(0.5)
    expect(vp.x).toBeCloseTo(48)
    expect(vp.y).toBeCloseTo((600 - 500) / 2)
    expect(fitRect({ x: 0, y: 0, w: 10, h: 10 }, { w: 1000, h: 1000 }).scale).toBe(1)
  })

  it('keeps insets free when fitting', () => {
    const vp = fitRect(
      { x: 0, y: 0, w: 1000, h: 500 },
      { w: 1200, h: 700 },
      { top: 0, right: 0, bottom: 0, left: 200 },
    )
    expect(vp.scale).toBe(1)
    expect(vp.x).toBe(200)
    expect(vp.y).toBe(100)
  })

  it('reports the visible board rect', () => {
    expect(visibleRect({ x: -100, y: -200, scale: 2 }, { w: 800, h: 600 })).toEqual({
      x: 50,
      y: 100,
      w: 400,
      h: 300,
    })
  })

  it('pans just enough to show a rect', () => {
    const vp = { x: 0, y: 0, scale: 1 }
    expect(panIntoView(vp, { w: 800, h: 600 }, { x: 100, y: 100, w: 50, h: 50 })).toBe(vp)
    const moved = panIntoView(vp, { w: 800, h: 600 }, { x: 900, y: 100, w: 100, h: 50 }, 32)
    expect(moved.x).toBe(800 - 32 - 1000)
    expect(moved.y).toBe(0)
  })

  it('culls with a padded rect that is stable under small pans', () => {
    const size = { w: 800, h: 600 }
    const rect = cullRect({ x: 0, y: 0, scale: 1 }, size)
    expect(rect.x).toBeLessThanOrEqual(0)
    expect(rect.x + rect.w).toBeGreaterThanOrEqual(800)
    expect(cullKey({ x: -3, y: -2, scale: 1 }, size)).toBe(cullKey({ x: -5, y: -4, scale: 1 }, size))
  })
})
