/*
 * The drawing contract for every output but the live canvas: a painter draws the three primitive items
 * (rect, text, path) under a transform and a clip, and `paintItem` reduces every other kind to those
 * (scene/primitives.ts). pdf/pdfPainter.ts is the PDF's; an SVG or PNG export is another implementation
 * of these seven methods, and a multi-page PDF is the same painter under each page's transform and
 * clip from scene/paginate.ts. Coordinates are board units, y down; a painter that needs another space
 * (PDF points, y up) sets it with `transform` before drawing.
 */
import type { Rect } from '../layout/geometry'
import type { PathItem, RectItem, SceneItem, TextItem } from './items'
import { primitivesOf } from './primitives'

/** An affine transform [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f (canvas, PDF and SVG order). */
export type Matrix = readonly [number, number, number, number, number, number]

export interface Painter {
  /** Pushes the transform and the clip; `restore` pops them. */
  save(): void
  restore(): void
  /** Multiplies the current transform by `m` (applied to what is drawn after). */
  transform(m: Matrix): void
  /** Intersects the clip with `r`, in the current space. */
  clip(r: Rect): void
  /** Fill, then stroke; shadows are a screen effect and painters for paper may leave them out. */
  rect(item: RectItem): void
  /** Breaks the text with text/wrapText and the painter's own measure (scene/textLayout.ts). */
  text(item: TextItem): void
  path(item: PathItem): void
}

export function paintItem(painter: Painter, item: SceneItem): void {
  for (const p of primitivesOf(item)) {
    if (p.kind === 'rect') painter.rect(p)
    else if (p.kind === 'text') painter.text(p)
    else painter.path(p)
  }
}

/** Called between batches of items, so a browser can paint (and a caller can report progress). */
export type Pause = (itemsDrawn: number) => Promise<void>

/** About 1,000 notes (a card and a text each). */
const ITEMS_PER_BATCH = 2_000

/** Every item in paint order: what an export draws for a scene (under its page's transform and clip). */
export async function paintItems(
  painter: Painter,
  items: readonly SceneItem[],
  pause?: Pause,
): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    paintItem(painter, items[i] as SceneItem)
    if (pause && (i + 1) % ITEMS_PER_BATCH === 0) await pause(i + 1)
  }
}
