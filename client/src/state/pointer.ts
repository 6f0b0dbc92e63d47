/*
 * Where the pointer last was over the canvas, in screen pixels relative to the canvas, or null when it
 * left. Kept outside the zustand store on purpose: it changes on every pointer move and nothing renders
 * from it; commands (add a note, paste) read it only at the moment they run.
 */
import type { Point } from '../../../shared/src/layout/geometry'
import { screenToBoard } from '../view/viewport'
import { useUi } from './ui'

let last: Point | null = null

/** Follows the pointer over `el` until the returned function is called. */
export function trackPointer(el: HTMLElement): () => void {
  const onMove = (e: PointerEvent) => {
    const bounds = el.getBoundingClientRect()
    last = { x: e.clientX - bounds.left, y: e.clientY - bounds.top }
  }
  const onLeave = () => {
    last = null
  }
  el.addEventListener('pointermove', onMove)
  el.addEventListener('pointerleave', onLeave)
  return () => {
    el.removeEventListener('pointermove', onMove)
    el.removeEventListener('pointerleave', onLeave)
    last = null
  }
}

/** The board point under the pointer, or the viewport's center when the pointer is off the canvas. */
export function pointerOrCenterOnBoard(): Point {
  const { viewport, canvasSize } = useUi.getState()
  return screenToBoard(viewport, last ?? { x: canvasSize.w / 2, y: canvasSize.h / 2 })
}
