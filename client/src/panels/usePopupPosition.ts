import { type RefObject, useLayoutEffect, useState } from 'react'
import type { Point, Rect } from '../../../shared/src/layout/geometry'
import { useUi } from '../state/ui'
import { type PopupSide, placePopup } from '../view/popupPlacement'

/** Where to draw a popup beside `anchor` (canvas pixels), measured after each render so it fits. */
export function usePopupPosition(
  ref: RefObject<HTMLElement | null>,
  anchor: Rect | null,
  side: PopupSide,
): Point | null {
  const bounds = useUi((s) => s.canvasSize)
  const [place, setPlace] = useState<Point | null>(null)
  const ax = anchor?.x
  const ay = anchor?.y
  const aw = anchor?.w
  const ah = anchor?.h
  useLayoutEffect(() => {
    const el = ref.current
    if (!el || ax === undefined || ay === undefined || aw === undefined || ah === undefined) return
    const next = placePopup(
      { x: ax, y: ay, w: aw, h: ah },
      { w: el.offsetWidth, h: el.offsetHeight },
      bounds,
      side,
    )
    setPlace((prev) => (prev && prev.x === next.x && prev.y === next.y ? prev : next))
  }, [ref, ax, ay, aw, ah, bounds, side])
  return place
}
