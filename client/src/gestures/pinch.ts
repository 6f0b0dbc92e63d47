/*
 * Two fingers on the canvas: the board point under their midpoint stays under it while they move, and
 * the zoom follows their spread, as in every map app. Pure: the adapter tracks the touch pointers and
 * feeds their screen positions; a pinch ends when fewer than two fingers remain.
 */
import type { Point } from '../../../shared/src/layout/geometry'
import { clampScale, type Viewport } from '../view/viewport'

/** Fingers this close (screen px) give no usable spread: the pinch only pans. */
const MIN_SPREAD_PX = 8

export interface FingerPair {
  a: Point
  b: Point
}

const midpoint = ({ a, b }: FingerPair): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 })
const spread = ({ a, b }: FingerPair): number => Math.hypot(a.x - b.x, a.y - b.y)

/**
 * The viewport after the fingers moved from `from` to `to`, starting from `vp`: the board point under
 * the old midpoint ends under the new one, scaled by the change in spread (clamped to the zoom range).
 */
export function pinchViewport(vp: Viewport, from: FingerPair, to: FingerPair): Viewport {
  const m0 = midpoint(from)
  const m1 = midpoint(to)
  const d0 = spread(from)
  const d1 = spread(to)
  const scale = d0 < MIN_SPREAD_PX || d1 < MIN_SPREAD_PX ? vp.scale : clampScale((vp.scale * d1) / d0)
  // The board point under m0 before, (m0 - offset) / scale, is drawn at m1 after.
  const bx = (m0.x - vp.x) / vp.scale
  const by = (m0.y - vp.y) / vp.scale
  return { x: m1.x - bx * scale, y: m1.y - by * scale, scale }
}

/** The touch pointers down on the canvas, by pointer id, in press order. */
export class Fingers {
  private readonly at = new Map<number, Point>()

  get count(): number {
    return this.at.size
  }

  down(id: number, p: Point): void {
    this.at.set(id, p)
  }

  /** The first two fingers, or null with fewer than two. */
  pair(): FingerPair | null {
    const [a, b] = this.at.values()
    return a && b ? { a, b } : null
  }

  /** Moves a finger; returns false for a pointer that is not one of them. */
  move(id: number, p: Point): boolean {
    if (!this.at.has(id)) return false
    this.at.set(id, p)
    return true
  }

  up(id: number): void {
    this.at.delete(id)
  }
}
