/* "Jump to a person": the viewport that shows what they see, centered on our own screen. */
import type { Rect } from '../../../shared/src/layout/geometry'
import { clampScale, type Size, type Viewport } from '../view/viewport'

/** Centers `view` (their visible board rect) in a screen of `size`, zoomed so all of it fits. */
export function viewportShowing(view: Rect, size: Size): Viewport {
  const scale = clampScale(Math.min(size.w / view.w, size.h / view.h))
  const cx = view.x + view.w / 2
  const cy = view.y + view.h / 2
  return { scale, x: size.w / 2 - cx * scale, y: size.h / 2 - cy * scale }
}
