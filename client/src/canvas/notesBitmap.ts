/*
 * The notes layer's bitmap: while the view moves (a pan, a wheel zoom), the notes layer shows a bitmap
 * of itself instead of its nodes. Drawing a few hundred notes with text and shadows takes 40+ ms on a
 * machine without a GPU; drawing one image takes about one. The bitmap is taken when a move starts, at screen resolution,
 * over the padded rectangle the notes are culled to (view/culling.ts), so a pan of a few hundred
 * pixels reveals nothing missing; anything further out shows as plain colored blocks until the view
 * settles. When it settles (or before a press, which may start dragging the real nodes) the nodes come
 * back and are culled to the new view — React re-renders the notes once per gesture, not once per move.
 *
 * Taking the bitmap and drawing it the first time cost ~35 ms each at 10,000 notes (software canvas),
 * which made the first frame of every pan a ~90 ms hitch. So once the notes have not redrawn for a
 * moment, the bitmap is prepared ahead and the next gesture starts with it; any draw of the notes
 * layer, or a new drawn view, throws it away (a gesture then takes one at its first move).
 *
 * `drawnView` is the viewport the mounted notes are culled for, and whose scale decides between blocks
 * and nodes: it follows the live viewport except during a gesture, when it stays where the gesture began.
 */
import Konva from 'konva'
import type { Rect } from '../../../shared/src/layout/geometry'
import { useUi } from '../state/ui'
import { cullRect } from '../view/culling'
import { rectToScreen, type Viewport } from '../view/viewport'

/** A bitmap larger than this (device pixels) is taken at a lower resolution: memory, not looks. */
const MAX_BITMAP_PX = 8_000_000
/**
 * The notes must not have redrawn for this long before a bitmap is prepared ahead; doubled (up to the
 * max) each time one is thrown away unused, so a board that colleagues keep editing is not captured
 * over and over (a capture costs ~65 ms at 10,000 notes).
 */
const PREPARE_AFTER_MS = 200
const PREPARE_AFTER_MAX_MS = 3_200

export interface NotesImage {
  canvas: HTMLCanvasElement
  /** Where the bitmap goes, in board units. */
  rect: Rect
}

type Listener = () => void

export class NotesBitmap {
  private live: Konva.Group | null = null
  private liveLayer: Konva.Layer | null = null
  /** Taken ahead for the drawn view while idle; the next gesture starts with it. */
  private prepared: NotesImage | null = null
  private prepareTimer: ReturnType<typeof setTimeout> | undefined
  /** Prepared bitmaps thrown away unused since one was last used. */
  private wasted = 0
  private drawn: Viewport = useUi.getState().viewport
  /** A gesture at the block detail is under way (moves since the last settle). */
  private moving = false
  private readonly listeners = new Set<Listener>()
  /** The bitmap shown in the nodes' place, during a gesture. */
  shown: NotesImage | null = null

  /** Ref callback for the group holding the notes' nodes (absent at the block detail). */
  readonly bindLive = (group: Konva.Group | null): void => {
    this.liveLayer?.off('draw.notesBitmap')
    this.live = group
    this.liveLayer = group?.getLayer() ?? null
    this.liveLayer?.on('draw.notesBitmap', this.notesDrew)
    this.discardPrepared()
    clearTimeout(this.prepareTimer)
    if (!group) this.shown = null
    else this.schedulePrepare()
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
    if (this.shown) return
    const image = this.prepared ?? this.capture(live)
    if (this.prepared) this.wasted = 0
    this.prepared = null
    const autoDraw = Konva.autoDrawEnabled
    Konva.autoDrawEnabled = false
    live.visible(false)
    Konva.autoDrawEnabled = autoDraw
    this.shown = image
  }

  /** A bitmap of the live nodes over the rectangle they are culled to for the drawn view. */
  private capture(live: Konva.Group): NotesImage {
    const { canvasSize } = useUi.getState()
    // The nodes are laid out for `drawn`, and the stage still shows it: capture exactly that.
    const rect = cullRect(this.drawn, canvasSize)
    const screen = rectToScreen(this.drawn, rect)
    const area = screen.w * screen.h
    const pixelRatio = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_BITMAP_PX / Math.max(1, area)))
    const autoDraw = Konva.autoDrawEnabled
    const visible = live.visible()
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
      return { canvas, rect }
    } finally {
      live.visible(visible)
      Konva.autoDrawEnabled = autoDraw
    }
  }

  private readonly notesDrew = (): void => {
    if (this.shown) return // the gesture's bitmap being drawn, not the nodes
    this.discardPrepared()
    this.schedulePrepare()
  }

  private discardPrepared(): void {
    if (this.prepared) this.wasted++
    this.prepared = null
  }

  private schedulePrepare(): void {
    clearTimeout(this.prepareTimer)
    const delay = Math.min(PREPARE_AFTER_MS * 2 ** this.wasted, PREPARE_AFTER_MAX_MS)
    // A plain timer, not requestIdleCallback: headless Chromium ran idle callbacks only once input
    // arrived, i.e. at the start of the very gesture the bitmap was meant for.
    this.prepareTimer = setTimeout(() => {
      const live = this.live
      if (!live || this.shown || this.prepared || this.moving) return
      const prepared = this.capture(live)
      // The first drawImage of a new bitmap is the other half of the cost: pay it now, on 1 pixel.
      warmCanvas()?.drawImage(prepared.canvas, 0, 0, 1, 1)
      this.prepared = prepared
    }, delay)
  }

  /** The view stopped: show the nodes again, culled to where the view now is. Returns whether it was moving. */
  settle(): boolean {
    this.moving = false
    const wasMoving = this.shown !== null
    if (this.shown) {
      this.shown = null
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
    this.discardPrepared() // taken for the old view; the notes redraw for the new one and prepare again
    for (const listener of [...this.listeners]) listener()
  }
}

let warmContext: CanvasRenderingContext2D | null | undefined
function warmCanvas(): CanvasRenderingContext2D | null {
  if (warmContext === undefined) {
    const canvas = document.createElement('canvas')
    canvas.width = 1
    canvas.height = 1
    warmContext = canvas.getContext('2d')
  }
  return warmContext
}
