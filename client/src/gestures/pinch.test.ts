import { describe, expect, it } from 'vitest'
import { boardToScreen, screenToBoard, ZOOM } from '../view/viewport'
import { Fingers, pinchViewport } from './pinch'

const vp = { x: 40, y: -20, scale: 0.5 }

describe('pinchViewport', () => {
  it('zooms by the change in spread around the fingers, keeping the board point under them', () => {
    const from = { a: { x: 100, y: 200 }, b: { x: 300, y: 200 } }
    const to = { a: { x: 50, y: 200 }, b: { x: 350, y: 200 } }
    const next = pinchViewport(vp, from, to)
    expect(next.scale).toBeCloseTo(0.75)
    const under = screenToBoard(vp, { x: 200, y: 200 })
    const drawn = boardToScreen(next, under)
    expect(drawn.x).toBeCloseTo(200)
    expect(drawn.y).toBeCloseTo(200)
  })

  it('pans with the midpoint when the spread stays the same', () => {
    const from = { a: { x: 100, y: 100 }, b: { x: 200, y: 100 } }
    const to = { a: { x: 130, y: 90 }, b: { x: 230, y: 90 } }
    expect(pinchViewport(vp, from, to)).toEqual({ x: 70, y: -30, scale: 0.5 })
  })

  it('stays within the zoom range, and only pans when the fingers touch', () => {
    const from = { a: { x: 0, y: 0 }, b: { x: 10, y: 0 } }
    const wide = { a: { x: 0, y: 0 }, b: { x: 5000, y: 0 } }
    expect(pinchViewport(vp, from, wide).scale).toBe(ZOOM.maxScale)
    const together = { a: { x: 50, y: 50 }, b: { x: 51, y: 50 } }
    expect(pinchViewport(vp, together, { a: { x: 60, y: 50 }, b: { x: 61, y: 50 } }).scale).toBe(0.5)
  })
})

describe('Fingers', () => {
  it('pairs the first two fingers down and forgets lifted ones', () => {
    const f = new Fingers()
    f.down(1, { x: 1, y: 1 })
    expect(f.pair()).toBeNull()
    f.down(2, { x: 2, y: 2 })
    f.down(3, { x: 3, y: 3 })
    expect(f.pair()).toEqual({ a: { x: 1, y: 1 }, b: { x: 2, y: 2 } })
    expect(f.move(2, { x: 5, y: 5 })).toBe(true)
    expect(f.move(9, { x: 5, y: 5 })).toBe(false)
    f.up(1)
    expect(f.pair()).toEqual({ a: { x: 5, y: 5 }, b: { x: 3, y: 3 } })
    expect(f.count).toBe(2)
  })
})
