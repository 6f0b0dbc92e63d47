/*
 * Draws a scene's items with a painter, in board units and in paint order: every look (inks, insets,
 * type sizes, wrapping rules) is already in the items (scene/buildScene, scene/noteItems), so the PDF
 * draws what the canvas draws. Yields between batches so a browser keeps painting while it exports.
 */
import type { Scene } from '../scene/buildScene'
import { type Painter, paintItem } from '../scene/painter'

/** Called between batches of items, so a browser can paint (and a caller can report progress). */
export type Pause = (itemsDrawn: number) => Promise<void>

/** About 1,000 notes (a card and a text each). */
const ITEMS_PER_BATCH = 2_000

export async function drawScene(painter: Painter, scene: Scene, pause?: Pause): Promise<void> {
  const { items } = scene
  for (let i = 0; i < items.length; i++) {
    paintItem(painter, items[i] as Scene['items'][number])
    if (pause && (i + 1) % ITEMS_PER_BATCH === 0) await pause(i + 1)
  }
}
