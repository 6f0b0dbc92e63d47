import { type RefObject, useEffect } from 'react'

/** Calls `onOutside` on a pointer press outside `ref` and outside any element matching `keep` (its opener). */
export function useOutsidePointerDown(
  ref: RefObject<HTMLElement | null>,
  keep: string,
  onOutside: () => void,
): void {
  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target instanceof Element ? e.target : null
      if (ref.current?.contains(target) || target?.closest(keep)) return
      onOutside()
    }
    window.addEventListener('pointerdown', onPointerDown, true)
    return () => window.removeEventListener('pointerdown', onPointerDown, true)
  }, [ref, keep, onOutside])
}
