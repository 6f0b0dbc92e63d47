import { type RefObject, useLayoutEffect } from 'react'

/**
 * Gives focus back to whatever had it before a popup opened (the options button, an outline header),
 * when the popup closes with focus still inside it or nowhere. A popup that hands over to another one
 * (menu → rename field) lets the next one take focus after this has run.
 */
export function useReturnFocus(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const previous = document.activeElement
    return () => {
      const active = document.activeElement
      const lost = active === null || active === document.body || !!ref.current?.contains(active)
      if (lost && previous instanceof HTMLElement && previous.isConnected)
        previous.focus({ preventScroll: true })
    }
  }, [ref])
}
