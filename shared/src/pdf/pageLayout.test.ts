import { describe, expect, it } from 'vitest'
import { MAX_PAGE_PT, MIN_PAGE_PT, NATURAL_SCALE, pageLayout } from './pageLayout'

describe('pageLayout', () => {
  it('prints a board at its natural size on one page', () => {
    const page = pageLayout(1600, 1000)
    expect(page.scale).toBe(NATURAL_SCALE)
    expect(page.pageW).toBeGreaterThan(1600 * NATURAL_SCALE)
    expect(page.boardTop).toBeLessThan(page.pageH)
  })

  it('never makes a page smaller than A4 landscape, even for an empty board', () => {
    expect(pageLayout(0, 0)).toMatchObject({ pageW: MIN_PAGE_PT.w, pageH: MIN_PAGE_PT.h })
  })

  it('scales a huge board down to the largest page viewers open', () => {
    const page = pageLayout(60_000, 20_000)
    expect(page.scale).toBeLessThan(NATURAL_SCALE)
    expect(page.pageW).toBeCloseTo(MAX_PAGE_PT)
    expect(page.pageH).toBeLessThanOrEqual(MAX_PAGE_PT)
  })
})
