/*
 * Which part of the board the notes layer draws. The visible rectangle is padded and snapped to a
 * coarse grid, so panning a few pixels yields the same rectangle and the notes layer does not re-query
 * the spatial index (or re-render) on every pointer move — only when the view crosses a cell of the grid.
 */
import type { Rect } from '../../../shared/src/layout/geometry'
import { type Size, type Viewport, visibleRect } from './viewport'

/** Snap step for the culling rectangle, in screen pixels. */
const CULL_STEP_PX = 256

export function cullRect(vp: Viewport, size: Size): Rect {
  const view = visibleRect(vp, size)
  const step = CULL_STEP_PX / vp.scale
  const x0 = Math.floor(view.x / step) * step - step
  const y0 = Math.floor(view.y / step) * step - step
  const x1 = Math.ceil((view.x + view.w) / step) * step + step
  const y1 = Math.ceil((view.y + view.h) / step) * step + step
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
}

/** A string that changes only when cullRect does; cheap to compare in a store selector. */
export const cullKey = (vp: Viewport, size: Size): string => {
  const r = cullRect(vp, size)
  return `${r.x.toFixed(1)},${r.y.toFixed(1)},${r.w.toFixed(1)},${r.h.toFixed(1)}`
}

export const parseCullKey = (key: string): Rect => {
  const [x = 0, y = 0, w = 0, h = 0] = key.split(',').map(Number)
  return { x, y, w, h }
}
