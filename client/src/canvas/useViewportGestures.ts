/* Viewport gestures that need native listeners: the wheel (pan and zoom) and the space bar (pan mode). */
import { type RefObject, useEffect } from 'react'
import { setViewport, useUi } from '../state/ui'
import { zoomAt } from '../view/viewport'

/** Wheel delta → zoom factor: exp(-deltaY * this). */
const WHEEL_ZOOM_PER_PX = 0.0025
/** Lines → pixels for wheels that scroll by line (Firefox). */
const WHEEL_LINE_PX = 16

export function useSpaceKey(
  spaceHeld: { current: boolean },
  setSpaceDown: (down: boolean) => void,
  containerRef: RefObject<HTMLDivElement | null>,
): void {
  // Space+drag pans, as in every design tool; ignored while typing.
  useEffect(() => {
    const typing = (e: KeyboardEvent) =>
      e.target instanceof HTMLElement &&
      (e.target.isContentEditable || /^(INPUT|TEXTAREA)$/.test(e.target.tagName))
    const down = (e: KeyboardEvent) => {
      if (e.code === 'Space' && !typing(e)) {
        spaceHeld.current = true
        setSpaceDown(true)
        if (e.target === document.body || containerRef.current?.contains(e.target as Node)) e.preventDefault()
      }
    }
    const up = (e: KeyboardEvent) => {
      if (e.code === 'Space') {
        spaceHeld.current = false
        setSpaceDown(false)
      }
    }
    window.addEventListener('keydown', down)
    window.addEventListener('keyup', up)
    return () => {
      window.removeEventListener('keydown', down)
      window.removeEventListener('keyup', up)
    }
  }, [spaceHeld, setSpaceDown, containerRef])
}

/** Scroll pans; ctrl/cmd+wheel (and trackpad pinch, which arrives as ctrl+wheel) zooms at the pointer. */
export function useWheel(containerRef: RefObject<HTMLDivElement | null>): void {
  // Wheel: a native, non-passive listener so the page itself never scrolls or zooms.
  useEffect(() => {
    const el = containerRef.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const unit = e.deltaMode === 1 ? WHEEL_LINE_PX : 1
      const dx = e.deltaX * unit
      const dy = e.deltaY * unit
      const vp = useUi.getState().viewport
      if (e.ctrlKey || e.metaKey) {
        const bounds = el.getBoundingClientRect()
        const anchor = { x: e.clientX - bounds.left, y: e.clientY - bounds.top }
        setViewport(zoomAt(vp, anchor, Math.exp(-dy * WHEEL_ZOOM_PER_PX)))
      } else if (e.shiftKey && dx === 0) {
        setViewport({ ...vp, x: vp.x - dy })
      } else {
        setViewport({ ...vp, x: vp.x - dx, y: vp.y - dy })
      }
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [containerRef])
}
