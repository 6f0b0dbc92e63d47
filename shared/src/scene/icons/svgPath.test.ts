import { describe, expect, it } from 'vitest'
import type { PathCommand } from '../items'
import { arcCommands, svgPathCommands } from './svgPath'

/** The point at parameter t of the cubic that `c` ends, starting from `from`. */
function cubicAt(from: [number, number], c: PathCommand, t: number): [number, number] {
  if (c[0] !== 'C') throw new Error('not a curve')
  const u = 1 - t
  const [, x1, y1, x2, y2, x, y] = c
  return [
    u * u * u * from[0] + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x,
    u * u * u * from[1] + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y,
  ]
}

/** Points sampled along every curve of a path that starts with one M. */
function samples(commands: readonly PathCommand[]): [number, number][] {
  const out: [number, number][] = []
  let at: [number, number] = [0, 0]
  for (const c of commands) {
    if (c[0] === 'M' || c[0] === 'L') at = [c[1], c[2]]
    else if (c[0] === 'C') {
      for (let t = 0.1; t < 1; t += 0.1) out.push(cubicAt(at, c, t))
      at = [c[5], c[6]]
    }
  }
  return out
}

describe('svgPathCommands', () => {
  it('makes relative moves and lines absolute, H and V lines, and pairs after M linetos', () => {
    expect(svgPathCommands('M2 3h4v5l-1-1 2 2zm1 1 3 0')).toEqual([
      ['M', 2, 3],
      ['L', 6, 3],
      ['L', 6, 8],
      ['L', 5, 7],
      ['L', 7, 9],
      ['Z'],
      // After Z the current point is the subpath's start (2, 3).
      ['M', 3, 4],
      ['L', 6, 4],
    ])
  })

  it('reads numbers written without separators (".5.5", "-8-14", "1e1")', () => {
    expect(svgPathCommands('M.5.5L-8-14l1e1,0')).toEqual([
      ['M', 0.5, 0.5],
      ['L', -8, -14],
      ['L', 2, -14],
    ])
  })

  it('reflects the previous control point for S, and not after a non-curve', () => {
    expect(svgPathCommands('M0 0C0 10 10 10 10 0S20-10 20 0')).toEqual([
      ['M', 0, 0],
      ['C', 0, 10, 10, 10, 10, 0],
      ['C', 10, -10, 20, -10, 20, 0],
    ])
    expect(svgPathCommands('M0 0L5 5s5 5 10 0')[2]).toEqual(['C', 5, 5, 10, 10, 15, 5])
  })

  it('turns a quadratic curve into the exact cubic (same midpoint), and T reflects it', () => {
    const [, q, t] = svgPathCommands('M0 0Q10 20 20 0T40 0')
    // A quadratic from (0,0) via (10,20) to (20,0) passes (10,10) at t = ½.
    const mid = cubicAt([0, 0], q as PathCommand, 0.5)
    expect(mid[0]).toBeCloseTo(10, 9)
    expect(mid[1]).toBeCloseTo(10, 9)
    // T's control point is (30,-20): the midpoint is (30,-10).
    const mid2 = cubicAt([20, 0], t as PathCommand, 0.5)
    expect(mid2[0]).toBeCloseTo(30, 9)
    expect(mid2[1]).toBeCloseTo(-10, 9)
  })

  it('draws a half-circle arc as two quarter cubics on the circle', () => {
    const commands = svgPathCommands('M0 10A10 10 0 0 1 20 10')
    expect(commands).toHaveLength(3)
    expect(commands[2]?.slice(5)).toEqual([20, 10])
    // Sweep 1 from the left to the right end goes over the top (y < 10, in y-down space).
    for (const [x, y] of samples(commands)) {
      expect(Math.hypot(x - 10, y - 10)).toBeCloseTo(10, 2)
      expect(y).toBeLessThan(10)
    }
  })

  it('reads compact arc flags ("a.5.5 0 01.471.666") and picks the large arc when asked', () => {
    const compact = svgPathCommands('M0 0a.5.5 0 01.471.666')
    expect(compact.at(-1)?.slice(-2)).toEqual([0.471, 0.666])
    // From (0,0) to (10,0) with radius 10: the small arc bulges 1.34 off the chord, the large one 18.66.
    const bulge = (d: string) => Math.max(...samples(svgPathCommands(d)).map(([, y]) => Math.abs(y)))
    expect(bulge('M0 0A10 10 0 0 1 10 0')).toBeCloseTo(10 - Math.sqrt(75), 1)
    expect(bulge('M0 0A10 10 0 1 1 10 0')).toBeCloseTo(10 + Math.sqrt(75), 1)
  })

  it('grows radii too small to reach the end, and draws a zero radius as a line', () => {
    const commands = svgPathCommands('M0 0A1 1 0 0 1 20 0')
    for (const [x, y] of samples(commands)) expect(Math.hypot(x - 10, y)).toBeCloseTo(10, 2)
    expect(arcCommands(0, 0, 0, 5, 0, false, true, 4, 4)).toEqual([['L', 4, 4]])
    expect(arcCommands(3, 3, 5, 5, 0, false, true, 3, 3)).toEqual([])
  })

  it('rotates an elliptical arc by its x-axis rotation', () => {
    // An ellipse 20 × 10 turned 90°: from its top (0,-20) to its bottom (0,20) through x = ±10.
    const xs = samples(svgPathCommands('M0 -20A20 10 90 0 1 0 20')).map(([x]) => x)
    expect(Math.max(...xs.map(Math.abs))).toBeCloseTo(10, 1)
  })

  it('throws, naming where, on a path it cannot read', () => {
    expect(() => svgPathCommands('M0 0 L5')).toThrow(/expected a number/)
    expect(() => svgPathCommands('10 10')).toThrow(/expected a command letter at 0/)
    expect(() => svgPathCommands('M0 0A5 5 0 2 1 3 3')).toThrow(/arc flag/)
    expect(() => svgPathCommands('M0 0X')).toThrow(/command letter/)
  })
})
