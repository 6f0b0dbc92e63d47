/**
 * While the view moves (a pan, a wheel zoom), the notes layer shows a bitmap of itself instead of its
 * nodes. Drawing a few hundred notes with text and shadows takes 40+ ms on a machine without a GPU;
 * drawing one image takes about one. The bitmap is taken when a move starts, at screen resolution,
 * over the padded rectangle the notes are culled to (scene/culling.ts), so a pan of a few hundred
 * pixels reveals nothing missing; anything further out shows as plain colored blocks until the view
 * settles. When it settles (or before a press, which must hit the real nodes) the nodes come back and
 * are culled to the new view — React re-renders the notes once per gesture, not once per move.
 *
 * `drawnView` is the viewport the mounted notes are culled for, and whose scale decides between blocks
 * and nodes: it follows the live viewport except during a gesture, when it stays where the gesture began.
 */
import Konva from 'konva'
import type { Rect } from '../../../shared/src/layout/geometry'
import { cullRect } from '../scene/culling'
import { rectToScreen, type Viewport } from '../scene/viewport'
import { useUi } from '../state/ui'

/** A bitmap larger than this (device pixels) is taken at a lower resolution: memory, not looks. */
const MAX_SNAPSHOT_PX = 8_000_000

export interface Snapshot {
  canvas: HTMLCanvasElement
  /** Where the bitmap goes, in board units. */
  rect: Rect
}

type Listener = () => void

export class GestureSnapshot {
  private live: Konva.Group | null = null
  private drawn: Viewport = useUi.getState().viewport
  /** A gesture at the block detail is under way (moves since the last settle). */
  private moving = false
  private readonly listeners = new Set<Listener>()
  snapshot: Snapshot | null = null
  /**
   * A press settled the view and is about to be looked up on the hit canvases. React mounts the notes
   * for the settled view in a microtask just before that lookup, so they draw their hit canvas at once.
   */
  pressing = false

  /** Ref callback for the group holding the notes' nodes (absent at the block detail). */
  readonly bindLive = (group: Konva.Group | null): void => {
    this.live = group
    if (!group) this.snapshot = null
  }

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getDrawnView = (): Viewport => this.drawn

  /**
   * Called before the stage takes a new viewport: the first move of a gesture takes the bitmap. At the
   * block detail there are no nodes to capture (the blocks draw the live view themselves): the drawn
   * view takes the first move (so a jump such as zoom to fit shows at once) and then waits for the view
   * to settle, so a wheel zoom passing the text threshold mounts the notes' nodes once, when it stops,
   * instead of mounting and unmounting hundreds of them mid-gesture.
   */
  viewWillMove(): void {
    const live = this.live
    if (!live) {
      if (!this.moving) this.setDrawn(useUi.getState().viewport)
      this.moving = true
      return
    }
    if (this.snapshot) return
    const { canvasSize } = useUi.getState()
    // The nodes are laid out for `drawn`, and the stage still shows it: capture exactly that.
    const rect = cullRect(this.drawn, canvasSize)
    const screen = rectToScreen(this.drawn, rect)
    const area = screen.w * screen.h
    const pixelRatio = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_SNAPSHOT_PX / Math.max(1, area)))
    const autoDraw = Konva.autoDrawEnabled
    Konva.autoDrawEnabled = false
    try {
      live.visible(true)
      const canvas = live.toCanvas({
        x: screen.x,
        y: screen.y,
        width: screen.w,
        height: screen.h,
        pixelRatio,
      })
      live.visible(false)
      this.snapshot = { canvas, rect }
    } finally {
      Konva.autoDrawEnabled = autoDraw
    }
  }

  /** The view stopped: show the nodes again, culled to where the view now is. Returns whether it was moving. */
  settle(): boolean {
    this.moving = false
    const wasMoving = this.snapshot !== null
    if (this.snapshot) {
      this.snapshot = null
      const autoDraw = Konva.autoDrawEnabled
      Konva.autoDrawEnabled = false
      this.live?.visible(true)
      Konva.autoDrawEnabled = autoDraw
    }
    this.setDrawn(useUi.getState().viewport)
    return wasMoving
  }

  private setDrawn(viewport: Viewport): void {
    if (viewport === this.drawn) return
    this.drawn = viewport
    for (const listener of [...this.listeners]) listener()
  }
}
