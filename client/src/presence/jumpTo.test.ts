import { describe, expect, it } from 'vitest'
import { boardToScreen } from '../view/viewport'
import { viewportShowing } from './jumpTo'

describe('viewportShowing', () => {
  it('centers their view on our screen and fits all of it', () => {
    const view = { x: 1000, y: 500, w: 800, h: 400 }
    const vp = viewportShowing(view, { w: 1600, h: 900 })
    expect(vp.scale).toBe(2)
    expect(boardToScreen(vp, { x: 1400, y: 700 })).toEqual({ x: 800, y: 450 })
    expect(boardToScreen(vp, { x: 1000, y: 500 }).x).toBe(0)
  })

  it('respects the zoom limits', () => {
    expect(viewportShowing({ x: 0, y: 0, w: 1, h: 1 }, { w: 1600, h: 900 }).scale).toBe(4)
  })
})
