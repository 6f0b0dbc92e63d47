import { describe, expect, it } from 'vitest'
import { rectsIntersect } from '../layout/geometry'
import { SpatialIndex } from './spatialIndex'

describe('SpatialIndex', () => {
  it('returns exactly the boxes that intersect the view', () => {
    const boxes = Array.from({ length: 2_000 }, (_, i) => [
      `note:${i}`,
      { x: (i % 60) * 172, y: Math.floor(i / 60) * 122, w: 160, h: 110 },
    ]) as [string, { x: number; y: number; w: number; h: number }][]
    const index = SpatialIndex.from(boxes)
    for (const view of [
      { x: 0, y: 0, w: 1600, h: 900 },
      { x: 3000, y: 1500, w: 400, h: 300 },
      { x: -500, y: -500, w: 100, h: 100 },
    ]) {
      const expected = boxes.filter(([, b]) => rectsIntersect(b, view)).map(([id]) => id)
      expect(index.query(view).sort()).toEqual(expected.sort())
    }
  })

  it('finds the box under a point, and none in the gaps', () => {
    const index = SpatialIndex.from([
      ['note:a', { x: 500, y: 500, w: 160, h: 110 }],
      ['note:b', { x: 672, y: 500, w: 160, h: 110 }],
    ])
    expect(index.at({ x: 510, y: 510 })).toBe('note:a')
    // Straddles a bucket edge (512): still found from the bucket the point is in.
    expect(index.at({ x: 600, y: 600 })).toBe('note:a')
    expect(index.at({ x: 700, y: 520 })).toBe('note:b')
    expect(index.at({ x: 665, y: 520 })).toBeNull()
    expect(index.at({ x: -5, y: -5 })).toBeNull()
  })
})
