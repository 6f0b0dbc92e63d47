/*
 * Other people's pointers, each an arrow in their color with their name, as elements over the canvas
 * moved by CSS transforms. They are not on a Konva layer on purpose: a layer is a canvas the size of
 * the stage, and while cursors glide it is redrawn every frame; with 18 people moving, handing that
 * full-screen bitmap to the compositor each frame kept the main thread ~75 % busy (Chromium without
 * GPU), and remote edits waited behind it. A transformed element with `will-change: transform` is its
 * own small compositor layer: moving it repaints nothing.
 *
 * Gliding is a CSS transition on the transform, which the compositor runs on its own thread: the page
 * does work only when positions arrive (every 100 ms at most, PresenceStore), not on every frame of
 * the glide. Every frame of a main-thread animation loop costs a commit, in which Chromium hands
 * each of the stage's canvases to the compositor again (~4 ms a frame with four layers, no GPU).
 *
 * React renders the elements when `peers` changes (someone arrives, leaves, renames, or their pointer
 * shows or hides); positions are never React state. The layer is shifted by the view's offset, so a
 * pan moves every cursor with the board at once; cursors sit at board position × zoom inside it, and a
 * zoom (or a jump across the screen) places them without gliding.
 */
import { memo, useCallback, useEffect, useRef } from 'react'
import { CURSOR_SMOOTHING } from '../presence/smoothing'
import { usePeers, usePresence } from '../presence/usePresence'
import { useUi } from '../state/ui'

/** A classic pointer arrow, tip at (0, 0), in screen pixels. */
export const ARROW_PATH = 'M0 0 L0 17.5 L4.6 13.4 L7.7 20.4 L10.9 19 L7.9 12.2 L13.6 12.2 Z'

interface Cursor {
  element: HTMLElement
  /** Where it was last sent, in screen pixels from the board's origin; null before the first time. */
  x: number | null
  y: number | null
}

function RemoteCursorsImpl() {
  const presence = usePresence()
  const peers = usePeers()
  const layerRef = useRef<HTMLDivElement>(null)
  const cursors = useRef(new Map<number, Cursor>())

  /** Sends each cursor to its latest position; `instant` skips the glide (after a zoom). */
  const place = useCallback(
    (instant: boolean) => {
      const { scale } = useUi.getState().viewport
      for (const [clientId, cursor] of cursors.current) {
        const target = presence.peers.cursorTarget(clientId)
        if (!target) continue
        // Whole pixels: the text stays crisp, and a sub-pixel step is not worth a compositor update.
        const x = Math.round(target.x * scale)
        const y = Math.round(target.y * scale)
        if (x === cursor.x && y === cursor.y) continue
        const jump =
          cursor.x === null ||
          cursor.y === null ||
          Math.hypot(x - cursor.x, y - cursor.y) >= CURSOR_SMOOTHING.teleportPx
        // Set with the transform, so the new transition property decides whether this change glides.
        cursor.element.classList.toggle('remote-cursor--instant', instant || jump)
        cursor.element.style.transform = `translate(${x}px, ${y}px)`
        cursor.x = x
        cursor.y = y
      }
    },
    [presence],
  )

  useEffect(() => {
    const shift = () => {
      const { x, y } = useUi.getState().viewport
      if (layerRef.current) layerRef.current.style.transform = `translate(${x}px, ${y}px)`
    }
    shift()
    const stopCursors = presence.peers.onCursorMove(() => place(false))
    const stopView = useUi.subscribe((state, prev) => {
      if (state.viewport === prev.viewport) return
      shift()
      if (state.viewport.scale !== prev.viewport.scale) place(true)
    })
    return () => {
      stopCursors()
      stopView()
    }
  }, [presence, place])

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
        cursors.current.set(clientId, { element, x: null, y: null })
        place(false)
      }
      binders.current.set(clientId, bind)
    }
    return bind
  }

  return (
    // The names are read out by the "People on this board" list; this is the picture of it.
    <div className="remote-cursors" aria-hidden="true">
      <div ref={layerRef} className="remote-cursors__board">
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
    </div>
  )
}

export const RemoteCursors = memo(RemoteCursorsImpl)
