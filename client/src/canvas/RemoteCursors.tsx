/**
 * Other people's pointers, each an arrow in their color with their name, as elements over the canvas
 * moved by CSS transforms. They are not on a Konva layer on purpose: a layer is a canvas the size of
 * the stage, and while cursors glide it is redrawn every frame; with 18 people moving, handing that
 * full-screen bitmap to the compositor each frame kept the main thread ~75 % busy (Chromium without
 * GPU), and remote edits waited behind it. A transformed element with `will-change: transform` is its
 * own small compositor layer: moving it repaints nothing.
 *
 * Two paths, as for the rest of presence: React renders the elements when `peers` changes (someone
 * arrives, leaves, renames, or their pointer shows or hides); positions are never React state. One
 * animation loop for all cursors reads each one's latest target from the PresenceStore, glides the
 * drawn position toward it (smoothing.ts), writes the transforms that changed, and stops once every
 * cursor has settled. A pan or zoom re-places them in the same frame the canvas redraws.
 */
import { memo, useCallback, useEffect, useRef } from 'react'
import type { Point } from '../../../shared/src/layout/geometry'
import { stepToward } from '../presence/smoothing'
import { usePeers, usePresence } from '../presence/usePresence'
import { boardToScreen } from '../scene/viewport'
import { useUi } from '../state/ui'

/** A classic pointer arrow, tip at (0, 0), in screen pixels. */
export const ARROW_PATH = 'M0 0 L0 17.5 L4.6 13.4 L7.7 20.4 L10.9 19 L7.9 12.2 L13.6 12.2 Z'

interface Cursor {
  element: HTMLElement
  /** Where it is drawn now, in board units (it glides toward the target). */
  drawn: Point | null
  /** The transform last written, so an unchanged one is not written again. */
  transform: string
}

function RemoteCursorsImpl() {
  const presence = usePresence()
  const peers = usePeers()
  const cursors = useRef(new Map<number, Cursor>())
  const frame = useRef<number | null>(null)
  const lastFrameAt = useRef(0)

  const place = useCallback((cursor: Cursor, point: Point) => {
    const screen = boardToScreen(useUi.getState().viewport, point)
    // Whole pixels: the text stays crisp, and a sub-pixel step is not worth a compositor update.
    const transform = `translate(${Math.round(screen.x)}px, ${Math.round(screen.y)}px)`
    if (transform === cursor.transform) return
    cursor.transform = transform
    cursor.element.style.transform = transform
  }, [])

  // The animation loop: runs while some cursor is still gliding (or the view moved), then stops.
  const tick = useCallback(
    (now: number) => {
      frame.current = null
      const dt = lastFrameAt.current ? Math.min(100, now - lastFrameAt.current) : 16
      lastFrameAt.current = now
      const viewScale = useUi.getState().viewport.scale
      let moving = false
      for (const [clientId, cursor] of cursors.current) {
        const target = presence.peers.cursorTarget(clientId)
        if (!target) continue
        const { point, settled } = stepToward(cursor.drawn ?? target, target, dt, viewScale)
        cursor.drawn = point
        place(cursor, point)
        if (!settled) moving = true
      }
      if (moving) frame.current = requestAnimationFrame(tick)
      else lastFrameAt.current = 0
    },
    [presence, place],
  )
  const kick = useCallback(() => {
    if (frame.current === null) frame.current = requestAnimationFrame(tick)
  }, [tick])

  useEffect(() => {
    const stopCursors = presence.peers.onCursorMove(kick)
    const stopView = useUi.subscribe((state, prev) => {
      if (state.viewport !== prev.viewport) kick()
    })
    return () => {
      stopCursors()
      stopView()
      if (frame.current !== null) cancelAnimationFrame(frame.current)
      frame.current = null
    }
  }, [presence, kick])

  // A cursor element appears: place it where it is at once, so it never flies in from the corner. One
  // stable ref callback per client, or React would detach and re-attach it on every render.
  const binders = useRef(new Map<number, (element: HTMLElement | null) => void>())
  const bindCursor = (clientId: number) => {
    let bind = binders.current.get(clientId)
    if (!bind) {
      bind = (element) => {
        if (!element) {
          cursors.current.delete(clientId)
          binders.current.delete(clientId)
          return
        }
        const cursor: Cursor = { element, drawn: presence.peers.cursorTarget(clientId), transform: '' }
        cursors.current.set(clientId, cursor)
        if (cursor.drawn) place(cursor, cursor.drawn)
        kick()
      }
      binders.current.set(clientId, bind)
    }
    return bind
  }

  return (
    // The names are read out by the "People on this board" list; this is the picture of it.
    <div className="remote-cursors" aria-hidden="true">
      {peers
        .filter((peer) => peer.cursorShown)
        .map((peer) => (
          <div
            key={peer.clientId}
            ref={bindCursor(peer.clientId)}
            className="remote-cursor"
            data-client-id={peer.clientId}
          >
            <svg className="remote-cursor__arrow" width="14" height="21" aria-hidden="true">
              <path d={ARROW_PATH} fill={peer.user.color} />
            </svg>
            <span className="remote-cursor__name" style={{ background: peer.user.color }}>
              {peer.user.name}
            </span>
          </div>
        ))}
    </div>
  )
}

export const RemoteCursors = memo(RemoteCursorsImpl)
