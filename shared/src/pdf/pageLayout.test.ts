import { describe, expect, it } from 'vitest'
import { paginate } from '../scene/paginate'
import { MAX_PAGE_PT, MIN_PAGE_PT, NATURAL_SCALE, posterFrame } from './pageLayout'

/** The layout paginate needs: a board of this size with no stages or lanes (one 'fit' page). */
const board = (width: number, height: number) => ({
  layout: {
    width,
    height,
    headerH: 64,
    parking: { x: width + 96, y: 0, w: 400, h: height, used: false },
    bounds: { x: 0, y: 0, w: width, h: height },
    stages: [],
    lanes: [],
    unsorted: null,
    notes: new Map(),
    cells: new Map(),
  },
})

describe('posterFrame', () => {
  it('prints a board at its natural size on one page', () => {
    const frame = posterFrame(1600, 1000)
    const [page] = paginate(board(1600, 1000), frame)
    expect(page?.scale).toBe(NATURAL_SCALE)
    expect(frame.width).toBeGreaterThan(1600 * NATURAL_SCALE)
    expect(frame.content.y + 1000 * NATURAL_SCALE).toBeLessThanOrEqual(frame.height)
  })

  it('never makes a page smaller than A4 landscape, even for an empty board', () => {
    expect(posterFrame(0, 0)).toMatchObject({ width: MIN_PAGE_PT.w, height: MIN_PAGE_PT.h })
  })

  it('scales a huge board down to the largest page viewers open, filling the page', () => {
    const frame = posterFrame(60_000, 20_000)
    const [page] = paginate(board(60_000, 20_000), frame)
    expect(page?.scale).toBeLessThan(NATURAL_SCALE)
    expect(frame.width).toBeCloseTo(MAX_PAGE_PT)
    expect(frame.height).toBeLessThanOrEqual(MAX_PAGE_PT)
    expect(60_000 * (page?.scale ?? 0)).toBeCloseTo(frame.content.w)
  })
})
