import { describe, expect, it } from 'vitest'
import { itemBounds } from './items'

describe('itemBounds', () => {
  it('is a box item’s box, grown by half its stroke', () => {
    expect(itemBounds({ kind: 'rect', layer: 'grid', x: 10, y: 20, w: 30, h: 40 })).toEqual({
      x: 10,
      y: 20,
      w: 30,
      h: 40,
    })
    expect(
      itemBounds({
        kind: 'rect',
        layer: 'grid',
        x: 10,
        y: 20,
        w: 30,
        h: 40,
        stroke: { color: '#000000', width: 2 },
      }),
    ).toEqual({ x: 9, y: 19, w: 32, h: 42 })
  })

  it('spans every point of a path (control points included) and of an arrow with its head', () => {
    const path = itemBounds({
      kind: 'path',
      layer: 'grid',
      commands: [['M', 0, 10], ['C', 5, -10, 15, 30, 20, 10], ['Z']],
      stroke: { color: '#000000', width: 4 },
    })
    expect(path).toEqual({ x: -2, y: -12, w: 24, h: 44 })
    const arrow = itemBounds({
      kind: 'arrow',
      layer: 'grid',
      points: [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ],
      stroke: { color: '#000000', width: 2 },
      heads: 'end',
      headLength: 10,
      headWidth: 8,
    })
    expect(arrow).toEqual({ x: -4, y: -4, w: 108, h: 8 })
  })
})
