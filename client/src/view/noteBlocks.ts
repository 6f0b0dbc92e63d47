/*
 * Notes drawn as plain colored blocks, for zoom levels where a note is a few pixels tall (detail
 * 'block'). Instead of one React component and one Konva group per note, the canvas draws every block
 * with one shape: the boxes are grouped by fill once per layout and color change, so a frame sets the
 * fill style once per color and then only calls fillRect (a 20,000-note board costs 8 style changes).
 * The fill is the note card's (shared/scene/noteItems' noteInk), so blocks and cards never disagree.
 * Pure: the drawing target is anything with `fillStyle` and `fillRect`, so it is tested without a canvas.
 */
import type { NoteId } from '../../../shared/src/board/ids'
import type { NoteColor } from '../../../shared/src/board/style'
import type { Rect } from '../../../shared/src/layout/geometry'
import type { NoteBox } from '../../../shared/src/layout/grid'
import { noteInk } from '../../../shared/src/scene/noteItems'
import { DIMMED_OPACITY } from './noteFilter'

export interface BlockBatch {
  fill: string
  ids: NoteId[]
  /** x, y, w, h of each of `ids`, in board units. */
  rects: Float64Array
}

export function batchBlocks(boxes: Iterable<NoteBox>, colorOf: (id: NoteId) => NoteColor): BlockBatch[] {
  const byFill = new Map<string, NoteBox[]>()
  for (const box of boxes) {
    const fill = noteInk(colorOf(box.id)).fill
    const list = byFill.get(fill)
    if (list) list.push(box)
    else byFill.set(fill, [box])
  }
  return [...byFill].map(([fill, list]) => {
    const rects = new Float64Array(list.length * 4)
    list.forEach((box, i) => {
      rects.set([box.x, box.y, box.w, box.h], i * 4)
    })
    return { fill, ids: list.map((box) => box.id), rects }
  })
}

export interface BlockTarget {
  fillStyle: string | CanvasGradient | CanvasPattern
  /** Set only while a filter dims the notes it leaves out. */
  globalAlpha?: number
  fillRect(x: number, y: number, w: number, h: number): void
}

/**
 * Draws the blocks that touch `view` (board units), leaving out `skip` (the notes being dragged, which
 * the drag layer draws); returns how many were drawn. With `highlight` (the notes a filter matches),
 * the others are drawn faded: in a second pass, so the alpha changes twice a frame, not per block.
 */
export function drawBlocks(
  target: BlockTarget,
  batches: readonly BlockBatch[],
  view: Rect,
  skip: ReadonlySet<NoteId> | null = null,
  highlight: ReadonlySet<NoteId> | null = null,
): number {
  if (!highlight) return drawPass(target, batches, view, skip, null, true)
  const alpha = target.globalAlpha ?? 1
  let drawn = drawPass(target, batches, view, skip, highlight, true)
  target.globalAlpha = alpha * DIMMED_OPACITY
  drawn += drawPass(target, batches, view, skip, highlight, false)
  target.globalAlpha = alpha
  return drawn
}

/** One pass over the blocks in view: with `highlight`, only those whose membership is `inside`. */
function drawPass(
  target: BlockTarget,
  batches: readonly BlockBatch[],
  view: Rect,
  skip: ReadonlySet<NoteId> | null,
  highlight: ReadonlySet<NoteId> | null,
  inside: boolean,
): number {
  const x0 = view.x
  const y0 = view.y
  const x1 = view.x + view.w
  const y1 = view.y + view.h
  let drawn = 0
  for (const batch of batches) {
    const { rects, ids } = batch
    let styled = false
    for (let i = 0, n = ids.length; i < n; i++) {
      const id = ids[i] as NoteId
      if (skip?.has(id)) continue
      if (highlight && highlight.has(id) !== inside) continue
      const o = i * 4
      const x = rects[o] as number
      const y = rects[o + 1] as number
      const w = rects[o + 2] as number
      const h = rects[o + 3] as number
      if (x > x1 || y > y1 || x + w < x0 || y + h < y0) continue
      if (!styled) {
        target.fillStyle = batch.fill
        styled = true
      }
      target.fillRect(x, y, w, h)
      drawn++
    }
  }
  return drawn
}
