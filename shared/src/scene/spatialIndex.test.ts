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
})
