import { describe, expect, it } from 'vitest'
import type { ArrowItem, PathItem, RectItem, TextItem } from './items'
import { cornerRadii, primitivesOf } from './primitives'

const arrow: ArrowItem = {
  kind: 'arrow',
  layer: 'grid',
  points: [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 60 },
  ],
  stroke: { color: '#333333', width: 2 },
  heads: 'end',
  headLength: 10,
  headWidth: 8,
}

describe('primitivesOf', () => {
  it('ends an elbow arrow in a filled head at its last point, the shaft stopping at the head’s base', () => {
    const [shaft, head] = primitivesOf(arrow) as [PathItem, PathItem]
    expect(shaft.commands).toEqual([
      ['M', 0, 0],
      ['L', 100, 0],
      ['L', 100, 50],
    ])
    expect(shaft.stroke).toEqual(arrow.stroke)
    expect(head.fill).toBe('#333333')
    expect(head.stroke).toBeUndefined()
    expect(head.commands).toEqual([['M', 100, 60], ['L', 96, 50], ['L', 104, 50], ['Z']])
  })

  it('draws a head at both ends when asked', () => {
    const parts = primitivesOf({ ...arrow, heads: 'both' }) as PathItem[]
    expect(parts).toHaveLength(3)
    expect(parts[0]?.commands[0]).toEqual(['M', 10, 0])
    expect(parts[2]?.commands[0]).toEqual(['M', 0, 0])
  })

  it('draws nothing for an arrow with fewer than two points', () => {
    expect(primitivesOf({ ...arrow, points: [{ x: 1, y: 1 }] })).toEqual([])
  })

  it('fits an icon into the middle of its box, its strokes scaled with it', () => {
    const parts = primitivesOf({
      kind: 'icon',
      layer: 'grid',
      name: 'app-window',
      x: 100,
      y: 0,
      w: 96,
      h: 48,
      color: '#aa0000',
    }) as PathItem[]
    // 48 units square (twice the 24-unit grid), centred in a 96-wide box: x from 124. Lucide's
    // app-window starts with a rect at (2, 4) whose corners have radius 2: its top edge starts at (4, 4).
    expect(parts).toHaveLength(1)
    expect(parts[0]?.commands[0]).toEqual(['M', 124 + 8, 8])
    expect(parts[0]?.stroke).toEqual({ color: '#aa0000', width: 4 })
    expect(parts[0]).toMatchObject({ lineCap: 'round', lineJoin: 'round' })
  })

  it('fills an icon’s solid marks before stroking its outline', () => {
    const parts = primitivesOf({
      kind: 'icon',
      layer: 'grid',
      name: 'tag',
      x: 0,
      y: 0,
      w: 24,
      h: 24,
      color: '#123456',
    })
    expect(parts.map((p) => (p.kind === 'path' && p.fill ? 'fill' : 'stroke'))).toEqual(['fill', 'stroke'])
  })

  it('draws a badge as a pill and its label centred on one line', () => {
    const [pill, text] = primitivesOf({
      kind: 'badge',
      layer: 'notes',
      record: 'note:a',
      x: 10,
      y: 20,
      w: 60,
      h: 18,
      text: 'Severity 3',
      fill: '#ffe0e0',
      color: '#8a2b2b',
      fontSize: 11,
      fontWeight: 700,
    }) as [RectItem, TextItem]
    expect(pill).toMatchObject({ x: 10, y: 20, w: 60, h: 18, radius: 9, fill: '#ffe0e0', record: 'note:a' })
    expect(text).toMatchObject({
      x: 19,
      w: 42,
      h: 18,
      text: 'Severity 3',
      align: 'center',
      verticalAlign: 'middle',
      wrap: 'none',
      ellipsis: true,
    })
  })
})

describe('cornerRadii', () => {
  it('spreads one radius over four corners and keeps four as given', () => {
    expect(cornerRadii(undefined)).toEqual([0, 0, 0, 0])
    expect(cornerRadii(8)).toEqual([8, 8, 8, 8])
    expect(cornerRadii([1, 2, 3, 4])).toEqual([1, 2, 3, 4])
  })
})
