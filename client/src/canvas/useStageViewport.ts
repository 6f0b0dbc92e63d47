/*
 * The stage follows the viewport imperatively, not through React: a pan sends a viewport per pointer
 * move, and re-rendering the canvas component for each would cost more than the frame itself. The
 * stage's transform is set at once; the layers' scenes are redrawn at most once per animation frame.
 * Hit canvases (what Konva reads to find the shape under the pointer) are redrawn only when the view
 * has settled, or right before a press, which is the only time a stale one would be read. While the
 * view moves, the notes layer draws a bitmap of itself (notesBitmap.ts).
 */
import Konva from 'konva'
import { type RefObject, useEffect } from 'react'
import { useUi } from '../state/ui'
import type { Viewport } from '../view/viewport'
import type { NotesBitmap } from './notesBitmap'

/** The view counts as settled once it has not moved for this long. */
const SETTLE_MS = 120

export function useStageViewport(stageRef: RefObject<Konva.Stage | null>, bitmap: NotesBitmap): void {
  useEffect(() => {
    let frame: number | null = null
    let settle: ReturnType<typeof setTimeout> | null = null
    const settled = () => {
      if (settle !== null) clearTimeout(settle)
      settle = null
      const layers = stageRef.current?.getLayers() ?? []
      if (bitmap.settle()) for (const layer of layers) layer.draw()
      else for (const layer of layers) if (layer.listening()) layer.drawHit()
    }
    const apply = (vp: Viewport, first = false) => {
      const stage = stageRef.current
      if (!stage) return
      if (!first) bitmap.viewWillMove()
      // Setting attributes would schedule a full draw (scene and hit) of every layer; we draw below.
      const autoDraw = Konva.autoDrawEnabled
      Konva.autoDrawEnabled = false
      try {
        stage.setAttrs({ x: vp.x, y: vp.y, scaleX: vp.scale, scaleY: vp.scale })
      } finally {
        Konva.autoDrawEnabled = autoDraw
      }
      frame ??= requestAnimationFrame(() => {
        frame = null
        for (const layer of stageRef.current?.getLayers() ?? []) layer.drawScene()
      })
      if (settle !== null) clearTimeout(settle)
      settle = setTimeout(settled, SETTLE_MS)
    }
    apply(useUi.getState().viewport, true)
    const unsubscribe = useUi.subscribe((state, prev) => {
      if (state.viewport !== prev.viewport) apply(state.viewport)
    })
    // Capture phase: runs before Konva's own listener looks up the shape under the pointer (the resize
    // handles), and before a press can start a drag of notes that the view's bitmap still covers.
    const container = stageRef.current?.container()
    const beforePress = () => {
      if (settle !== null) settled()
    }
    container?.addEventListener('pointerdown', beforePress, true)
    return () => {
      unsubscribe()
      container?.removeEventListener('pointerdown', beforePress, true)
      if (frame !== null) cancelAnimationFrame(frame)
      if (settle !== null) clearTimeout(settle)
    }
  }, [stageRef, bitmap])
}
