/*
 * A group drawn from one bitmap of itself while the view moves, for content that changes rarely (the
 * grid's lanes, curves and chips; the arrows). Without a GPU, redrawing a few hundred shapes costs a pan
 * frame 10–40 ms; drawing one image costs about one. The bitmap is taken at the screen's resolution for
 * the current zoom, so a pan shows it sharp; after a zoom it is drawn scaled until the view has been
 * still for a moment, then taken again. Where the whole group would be too large a bitmap (a close
 * zoom), it covers the view and half a screen around it, and is taken again when the view leaves that
 * (one slow frame, never a missing piece). Any change of the group's content (`content`) retakes it at
 * once, so a stale picture is never shown.
 */
import type Konva from 'konva'
import { type RefObject, useLayoutEffect } from 'react'
import type { Rect } from '../../../shared/src/layout/geometry'
import { useUi } from '../state/ui'
import { visibleRect } from '../view/viewport'

/** Device pixels the bitmap may hold (memory, and the time to take it). */
const MAX_BITMAP_PX = 8_000_000
/** How long the zoom must stay still before the bitmap is taken again at the new resolution. */
const SETTLE_MS = 180

let taking = false

/** Whether a bitmap is being taken now: a shape that culls to the view must draw everything instead. */
export const isTakingBitmap = (): boolean => taking

const intersect = (a: Rect, b: Rect): Rect | null => {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const w = Math.min(a.x + a.w, b.x + b.w) - x
  const h = Math.min(a.y + a.h, b.y + b.h) - y
  return w > 0 && h > 0 ? { x, y, w, h } : null
}

const covers = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h

/**
 * `content`: any value that changes identity exactly when the group's content does. `extent`: the
 * group's extent in its own units, for groups Konva cannot measure (a shape drawn by a sceneFunc).
 */
export function useStillBitmap(
  group: RefObject<Konva.Group | null>,
  content: unknown,
  extent?: Rect | null,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: content is the trigger, not an input
  useLayoutEffect(() => {
    const node = group.current
    if (!node) return
    /** What the bitmap holds (board units), at which scale; null: none taken. */
    let taken: { region: Rect; scale: number; whole: boolean } | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    const whole = (): Rect | null => {
      if (extent) return extent
      const r = node.getClientRect({ skipTransform: true })
      return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, w: r.width, h: r.height } : null
    }
    const take = () => {
      const { viewport, canvasSize } = useUi.getState()
      const ratio = (window.devicePixelRatio || 1) * viewport.scale
      node.clearCache()
      taken = null
      const all = whole()
      const view = visibleRect(viewport, canvasSize)
      const around = { x: view.x - view.w / 2, y: view.y - view.h / 2, w: view.w * 2, h: view.h * 2 }
      const fits = (r: Rect) => r.w * r.h * ratio * ratio <= MAX_BITMAP_PX
      const region = all && (fits(all) ? all : intersect(all, around))
      if (region && fits(region)) {
        taking = true
        try {
          node.cache({
            x: region.x,
            y: region.y,
            width: region.w,
            height: region.h,
            pixelRatio: ratio,
            imageSmoothingEnabled: true,
          })
          taken = { region, scale: viewport.scale, whole: region === all }
        } finally {
          taking = false
        }
      }
      node.getLayer()?.batchDraw()
    }
    take()
    const unsubscribe = useUi.subscribe((state, previous) => {
      if (state.canvasSize !== previous.canvasSize) return take()
      if (state.viewport === previous.viewport) return
      if (state.viewport.scale !== previous.viewport.scale) {
        clearTimeout(timer)
        timer = setTimeout(() => {
          if (useUi.getState().viewport.scale !== taken?.scale) take()
        }, SETTLE_MS)
        return
      }
      // A pan: a bitmap of part of the group must still cover what is in view.
      if (!taken || taken.whole || taken.scale !== state.viewport.scale) return
      const all = whole()
      const shown = all && intersect(all, visibleRect(state.viewport, state.canvasSize))
      if (shown && !covers(taken.region, shown)) take()
    })
    return () => {
      unsubscribe()
      clearTimeout(timer)
      node.clearCache()
    }
  }, [group, content, extent])
}
