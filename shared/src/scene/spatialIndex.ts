/*
 * A uniform-grid spatial index of note boxes: "which notes touch this rectangle" in time proportional
 * to the answer, which lets the canvas draw only what is on screen on a 20,000-note board.
 */
import type { Point, Rect } from '../layout/geometry'
import { rectContains, rectsIntersect } from '../layout/geometry'

export class SpatialIndex<Id extends string> {
  private readonly buckets = new Map<number, Id[]>()
  private readonly boxes = new Map<Id, Rect>()

  constructor(private readonly bucketPx = 512) {}

  static from<Id extends string>(entries: Iterable<[Id, Rect]>, bucketPx?: number): SpatialIndex<Id> {
    const index = new SpatialIndex<Id>(bucketPx)
    for (const [id, rect] of entries) index.insert(id, rect)
    return index
  }

  // Buckets are keyed by one number: column in the high part, row in the low part.
  private key(col: number, row: number): number {
    return col * 1_048_576 + row
  }

  private span(rect: Rect): [number, number, number, number] {
    const b = this.bucketPx
    return [
      Math.floor(rect.x / b),
      Math.floor((rect.x + rect.w) / b),
      Math.floor(rect.y / b),
      Math.floor((rect.y + rect.h) / b),
    ]
  }

  insert(id: Id, rect: Rect): void {
    this.boxes.set(id, rect)
    const [c0, c1, r0, r1] = this.span(rect)
    for (let c = c0; c <= c1; c++) {
      for (let r = r0; r <= r1; r++) {
        const k = this.key(c, r)
        const bucket = this.buckets.get(k)
        if (bucket) bucket.push(id)
        else this.buckets.set(k, [id])
      }
    }
  }

  /** Ids whose boxes intersect `view`, each once. */
  query(view: Rect): Id[] {
    const [c0, c1, r0, r1] = this.span(view)
    const seen = new Set<Id>()
    const hits: Id[] = []
    for (let c = c0; c <= c1; c++) {
      for (let r = r0; r <= r1; r++) {
        for (const id of this.buckets.get(this.key(c, r)) ?? []) {
          if (seen.has(id)) continue
          seen.add(id)
          const box = this.boxes.get(id)
          if (box && rectsIntersect(box, view)) hits.push(id)
        }
      }
    }
    return hits
  }

  /**
   * The box under a point, or null: how a click finds a note where notes are drawn without a node of
   * their own to hit (the block detail). Boxes never overlap in a layout, so the first hit is the one.
   */
  at(point: Point): Id | null {
    const b = this.bucketPx
    for (const id of this.buckets.get(this.key(Math.floor(point.x / b), Math.floor(point.y / b))) ?? []) {
      const box = this.boxes.get(id)
      if (box && rectContains(box, point)) return id
    }
    return null
  }

  get size(): number {
    return this.boxes.size
  }
}
