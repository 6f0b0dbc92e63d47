import { describe, expect, it } from 'vitest'
import type { PathCommand } from '../items'
import { circleCommands } from '../pathShapes'
import { ICON_NAMES, iconDef, iconSource } from '.'
import { elementCommands, iconFromElements } from './svgElements'

/** Every on-curve point of a path (the ends of its segments). */
const ends = (commands: readonly PathCommand[]) =>
  commands.flatMap((c) => (c[0] === 'Z' ? [] : c[0] === 'C' ? [[c[5], c[6]]] : [[c[1], c[2]]]))

describe('elementCommands', () => {
  it('draws circles, ellipses, lines, polylines and polygons', () => {
    expect(elementCommands(['circle', { cx: '12', cy: '12', r: '10' }])).toEqual(circleCommands(12, 12, 10))
    expect(ends(elementCommands(['ellipse', { cx: 5, cy: 5, rx: 4, ry: 2 }]))).toEqual([
      [9, 5],
      [5, 7],
      [1, 5],
      [5, 3],
      [9, 5],
    ])
    expect(elementCommands(['line', { x1: '1', y1: '2', x2: '3', y2: '4' }])).toEqual([
      ['M', 1, 2],
      ['L', 3, 4],
    ])
    expect(elementCommands(['polyline', { points: '1,1 5,1 5 5' }])).toEqual([
      ['M', 1, 1],
      ['L', 5, 1],
      ['L', 5, 5],
    ])
    expect(elementCommands(['polygon', { points: '0 0 4 0 4 4' }]).at(-1)).toEqual(['Z'])
  })

  it('draws a rect with SVG’s corner rules: one radius given means both, capped at half a side', () => {
    expect(elementCommands(['rect', { x: 1, y: 2, width: 4, height: 3 }])).toEqual([
      ['M', 1, 2],
      ['L', 5, 2],
      ['L', 5, 5],
      ['L', 1, 5],
      ['Z'],
    ])
    const rounded = elementCommands(['rect', { x: '2', y: '4', width: '20', height: '16', rx: '2' }])
    expect(ends(rounded)).toEqual([
      [4, 4],
      [20, 4],
      [22, 6],
      [22, 18],
      [20, 20],
      [4, 20],
      [2, 18],
      [2, 6],
      [4, 4],
    ])
    const capped = ends(elementCommands(['rect', { width: 10, height: 4, ry: 9 }]))
    expect(capped[0]).toEqual([5, 0])
  })

  it('throws on a tag or an attribute it cannot draw', () => {
    expect(() => elementCommands(['text', {}])).toThrow(/<text>/)
    expect(() => elementCommands(['circle', { cx: 1, cy: 1 }])).toThrow(/missing r/)
    expect(() => elementCommands(['line', { x1: 'a' }])).toThrow(/not a number/)
    expect(() => elementCommands(['polyline', { points: '1 2 3' }])).toThrow(/bad points/)
  })
})

describe('iconFromElements', () => {
  it('strokes every element as one path and fills those filled with currentColor', () => {
    const def = iconFromElements([
      ['line', { x1: 0, y1: 0, x2: 1, y2: 1 }],
      ['circle', { cx: 7.5, cy: 7.5, r: 0.5, fill: 'currentColor' }],
    ])
    expect(def.strokes).toHaveLength(1)
    expect(def.strokes[0]?.filter((c) => c[0] === 'M')).toHaveLength(2)
    expect(def.fills).toEqual([circleCommands(7.5, 7.5, 0.5)])
  })
})

describe('the scene’s icons', () => {
  it('converts every icon, each staying on its 24-unit grid', () => {
    expect(ICON_NAMES.length).toBeGreaterThanOrEqual(25)
    for (const name of ICON_NAMES) {
      const def = iconDef(name)
      const points = def.strokes.flatMap(ends)
      expect(points.length, name).toBeGreaterThan(1)
      for (const [x, y] of points) {
        expect(x, name).toBeGreaterThanOrEqual(0)
        expect(x, name).toBeLessThanOrEqual(24)
        expect(y, name).toBeGreaterThanOrEqual(0)
        expect(y, name).toBeLessThanOrEqual(24)
      }
      // One subpath per element (a path element may hold several).
      const moves = def.strokes[0]?.filter((c) => c[0] === 'M').length ?? 0
      expect(moves, name).toBeGreaterThanOrEqual(iconSource(name).length)
    }
  })

  it('draws lucide’s globe: a circle of radius 10 and a meridian lens from x 8 to 16', () => {
    const [outline] = iconDef('globe').strokes as [PathCommand[]]
    expect(outline.slice(0, 6)).toEqual(circleCommands(12, 12, 10))
    // "M12 2a14.5 14.5 0 0 0 0 20 14.5 14.5 0 0 0 0-20": two arcs (under 90° each, one cubic each)
    // whose centres are 10.5 off the axis, so each bulges 14.5 − 10.5 = 4 at its middle, y 12.
    const [move, left, right] = outline.slice(6) as [PathCommand, PathCommand, PathCommand]
    expect(move).toEqual(['M', 12, 2])
    const middle = (from: [number, number], c: PathCommand) => {
      if (c[0] !== 'C') throw new Error('not a curve')
      return [(from[0] + 3 * c[1] + 3 * c[3] + c[5]) / 8, (from[1] + 3 * c[2] + 3 * c[4] + c[6]) / 8]
    }
    const [lx, ly] = middle([12, 2], left) as [number, number]
    const [rx, ry] = middle([12, 22], right) as [number, number]
    expect(lx).toBeCloseTo(8, 2)
    expect(ly).toBeCloseTo(12, 6)
    expect(rx).toBeCloseTo(16, 2)
    expect(ry).toBeCloseTo(12, 6)
  })

  it('keeps an icon once converted', () => {
    expect(iconDef('mail')).toBe(iconDef('mail'))
  })
})
