import { describe, expect, it } from 'vitest'
import type { NoteId } from '../board/ids'
import { connectorItems, connectorPoints, distanceToPolyline, exitPoint, midpointOf } from './connectorItems'

const a = { x: 0, y: 0, w: 100, h: 100 }
const b = { x: 300, y: 200, w: 100, h: 100 }

describe('connector routes', () => {
  it('clips a straight connector at both boxes', () => {
    expect(exitPoint(a, { x: 250, y: 50 })).toEqual({ x: 100, y: 50 })
    const [start, end] = connectorPoints(a, b, 'straight')
    // From centre (50, 50) to centre (350, 250): the ray leaves a's right side and enters b's left side.
    expect(start?.x).toBe(100)
    expect(start?.y).toBeCloseTo(50 + 200 / 6)
    expect(end?.x).toBe(300)
    expect(end?.y).toBeCloseTo(250 - 200 / 6)
  })

  it('routes an elbow out of the facing sides with one vertical run halfway', () => {
    expect(connectorPoints(a, b, 'elbow')).toEqual([
      { x: 100, y: 50 },
      { x: 200, y: 50 },
      { x: 200, y: 250 },
      { x: 300, y: 250 },
    ])
    // Stacked boxes: out of the bottom, into the top.
    const below = { x: 20, y: 300, w: 100, h: 100 }
    expect(connectorPoints(a, below, 'elbow')).toEqual([
      { x: 50, y: 100 },
      { x: 50, y: 200 },
      { x: 70, y: 200 },
      { x: 70, y: 300 },
    ])
  })

  it('follows its ends: moving a box moves the route', () => {
    const moved = { ...b, x: 500 }
    expect(connectorPoints(a, moved, 'elbow')[3]).toEqual({ x: 500, y: 250 })
  })

  it('finds the middle by length and the distance of a press to the path', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 100 },
    ]
    expect(midpointOf(pts)).toEqual({ x: 100, y: 0 })
    expect(distanceToPolyline({ x: 50, y: 6 }, pts)).toBe(6)
    expect(distanceToPolyline({ x: 104, y: 50 }, pts)).toBe(4)
  })
})

describe('connectorItems', () => {
  it('draws an arrow with a head at its end, and a label pill only when it has a label', () => {
    const id = 'note:x' as NoteId
    const plain = connectorItems({ id, from: a, to: b, route: 'straight', label: ' ' })
    expect(plain.map((i) => i.kind)).toEqual(['arrow'])
    expect(plain[0]).toMatchObject({ heads: 'end', layer: 'connectors' })
    const labelled = connectorItems({ id, from: a, to: b, route: 'elbow', label: 'leads to' })
    expect(labelled.map((i) => i.kind)).toEqual(['arrow', 'badge'])
  })
})
