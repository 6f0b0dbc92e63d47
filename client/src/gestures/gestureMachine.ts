/*
 * The canvas's gestures as a small state machine: pointer presses, moves and releases, double-clicks
 * and context menus go in, each with what it hit; intents come out. Pure: no DOM, Konva or React, and
 * no board layout — an intent names a point, and BoardCanvas (the adapter) turns it into a cell, a gap
 * or a viewport and applies it: UI state directly, every document change through a command.
 *
 * A press starts one gesture:
 *   note    left button on a note, Select tool, space not held. A click selects the note (shift: toggles
 *           it); a drag (≥ NOTE_DRAG_START_PX) moves the selection when it holds the note, else the note
 *           alone, and drops where it is released. A view link selects but never drags.
 *   header  left button on a stage or lane header, no shift, on an edit link. A click clears the
 *           selection; a drag (> HEADER_DRAG_START_PX, so a double-click still renames) moves the column
 *           or row to the gap nearest the pointer.
 *   band    shift+left on anything but a note: a rubber band; on release what it touches joins the selection.
 *   pan     the middle button, anything with space held or the Hand tool, or the left button on no note.
 *           A click without moving (≤ PAN_CLICK_SLOP_PX) clears the selection, or, pressed on a note with
 *           the left button, selects it as a click would.
 *   handle  a control Konva drives itself (the resize transformer's anchors): the machine stays out of it
 *           unless the press pans, and learns the result as a `resized` event.
 * A double-click edits a note, renames a header or adds a note in a cell — if both its presses were on
 * that note, header or cell, and no drag, pan or header move ended within DBLCLICK_AFTER_DRAG_MS (Konva
 * counts any two quick presses on the stage as a double-click: two clicks on two notes, a pan and a click).
 * In an emotion lane's cell (an edit link, the Select tool) a press sets the active persona's point at
 * the pointer's height and a drag moves it up and down, snapping to the five steps; the release sets it.
 * With the Connect tool a drag from a note draws a connector to the note or stage header it ends on.
 * A right-click on a header or a note opens its menu. A pointer cancelled mid-gesture changes nothing.
 *
 * A finger (a touch press) has no hover, no right button and no reliable double-tap, so on touch:
 *   - a tap on an empty cell with nothing selected adds a note there (with a selection, it clears it);
 *   - a tap on the one selected note edits it (the first tap selected it);
 *   - a press held still for LONG_PRESS_MS opens the note's or header's menu (the adapter sends
 *     `longpress` after that time; a finger that moved, or lifted, made it a drag, pan or tap instead);
 *   - a note drag starts only past TOUCH_DRAG_START_PX, as a fingertip wobbles more than a mouse.
 * Two fingers pinch and pan the view (gestures/pinch.ts): the adapter cancels the one-finger gesture.
 */
import type { ConnectorId, NoteId } from '../../../shared/src/board/ids'
import { type Point, type Rect, rectFromCorners } from '../../../shared/src/layout/geometry'
import type { HeaderRef } from '../../../shared/src/layout/grid'
import type { CellRef } from '../../../shared/src/layout/hitTest'
import type { Tool } from '../state/ui'

/** A note drag starts once the pointer is this far from the press on either axis (screen px). */
export const NOTE_DRAG_START_PX = 4
/** A header drag starts once the pointer moved more than this (screen px, |dx| + |dy|). */
export const HEADER_DRAG_START_PX = 6
/** A pan that moved at most this far (screen px, |dx| + |dy|) was a click. */
export const PAN_CLICK_SLOP_PX = 2
/** A double-click this soon after a drag ended is the drag's press and another, not a double-click. */
export const DBLCLICK_AFTER_DRAG_MS = 500
/** A touch press held this long without moving opens a menu. */
export const LONG_PRESS_MS = 500
/** A finger drag of a note starts once it is this far from the press (screen px, either axis). */
export const TOUCH_DRAG_START_PX = 10
/** A finger that moved at most this far (screen px, |dx| + |dy|) still tapped (and may still long-press). */
export const TOUCH_TAP_SLOP_PX = 10

/** What is under the pointer, topmost first. */
export type Hit =
  | { kind: 'note'; id: NoteId }
  /** An arrow between notes (or a note and a stage), within a few pixels of its line. */
  | { kind: 'connector'; id: ConnectorId }
  | { kind: 'header'; header: HeaderRef }
  | { kind: 'cell'; cell: CellRef }
  /** The row under the grid holding notes whose stage or lane is gone. */
  | { kind: 'unsorted' }
  /** The board outside the grid, or beyond it. */
  | { kind: 'empty' }
  /** A control Konva drives itself: the resize transformer's anchors. */
  | { kind: 'handle' }
  /** A stage header's right edge or a lane header's bottom edge; `from` is where the header starts. */
  | { kind: 'edge'; header: HeaderRef; from: number }

export interface PointerSample {
  /** Where the pointer is, in screen pixels relative to the canvas. */
  screen: Point
  /** The same point on the board (board units), under the viewport of that moment. */
  board: Point
  /** PointerEvent.button of the press: 0 left, 1 middle, 2 right. */
  button: number
  shift: boolean
  /** When, in milliseconds of any clock that only goes forward. */
  time: number
  /** Pressed with a finger (PointerEvent.pointerType 'touch'); omitted means a mouse or pen. */
  touch?: boolean
}

/** What, besides the point, decides what a press or a double-click means. */
export interface Situation {
  hit: Hit
  tool: Tool
  /** The space bar is held: every press pans. */
  space: boolean
  /** A view link: nothing may change the document (selecting and panning still work). */
  readOnly: boolean
  /** What is selected, for the taps that depend on it; omitted means nothing. */
  selection?: { size: number; only: NoteId | null }
  /** The press is in an emotion lane's cell: it sets the active persona's point there (click or drag). */
  scorable?: boolean
}

export type GestureEvent =
  | ({ type: 'down' } & PointerSample & Situation)
  | ({ type: 'move' } & PointerSample)
  | ({ type: 'up' } & PointerSample)
  /** The pointer was taken away (pointercancel, the window lost it): end the gesture, change nothing. */
  | { type: 'cancel' }
  | ({ type: 'dblclick' } & PointerSample & Situation)
  | { type: 'contextmenu'; hit: Hit; readOnly: boolean }
  /** A touch press has been held LONG_PRESS_MS (the adapter's timer; the machine checks it stood still). */
  | { type: 'longpress'; time: number }
  /** The pointer moved with no button down: what it is over. */
  | { type: 'hover'; hit: Hit; readOnly: boolean }
  /** The resize transformer let go of a note, resized by these factors of its size. */
  | { type: 'resized'; id: NoteId; scaleX: number; scaleY: number; readOnly: boolean }

export type Intent =
  /** Move the view by this many screen pixels. */
  | { kind: 'panBy'; dx: number; dy: number }
  /** The "grabbing" cursor shows (a pan or a header move is under way) or not. */
  | { kind: 'grabbing'; on: boolean }
  /** Show the rubber band (board units), or hide it. */
  | { kind: 'band'; rect: Rect | null }
  /** Add every note the band touches to the selection. */
  | { kind: 'selectInBand'; rect: Rect }
  | { kind: 'select'; id: NoteId | ConnectorId }
  | { kind: 'toggle'; id: NoteId | ConnectorId }
  | { kind: 'clearSelection' }
  /** Start dragging the pressed note: with the selection when the selection holds it, else alone. */
  | { kind: 'dragStart'; id: NoteId }
  /** The dragged notes are drawn this far (board units) from their places. */
  | { kind: 'dragBy'; offset: Point }
  /** The dragged notes are dropped at this board point. */
  | { kind: 'drop'; at: Point }
  | { kind: 'dragCancel' }
  /** A header is being dragged; it would land in the gap nearest this board point. */
  | { kind: 'headerDragTo'; header: HeaderRef; at: Point }
  /** Move the header to the gap nearest this board point (the one last shown). */
  | { kind: 'headerDrop'; header: HeaderRef; at: Point }
  | { kind: 'headerDragCancel' }
  | { kind: 'addNote'; cell: CellRef }
  | { kind: 'editNote'; id: NoteId }
  | { kind: 'renameHeader'; header: HeaderRef }
  /** Open the header's menu; the adapter also keeps the browser's own menu from showing. */
  | { kind: 'openHeaderMenu'; header: HeaderRef }
  /** Open a note's menu (right-click or long-press): it also becomes the selection when it was not in it. */
  | { kind: 'openNoteMenu'; id: NoteId }
  | { kind: 'resizeNote'; id: NoteId; scaleX: number; scaleY: number }
  /** The header under the pointer (its options button shows), or none. */
  | { kind: 'hoverHeader'; header: HeaderRef | null }
  /** A connector being drawn from a note: its preview ends at this board point (null hides it). */
  | { kind: 'connectPreview'; from: NoteId; at: Point | null }
  /** The connector drag ended here: join `from` to the note or stage header under this point. */
  | { kind: 'connect'; from: NoteId; at: Point }
  /** Put the emotion point of this cell at the height of this board point (snapped by the adapter). */
  | { kind: 'scoreAt'; cell: CellRef; at: Point }
  /** Show where a resized stage or lane would end (extent from its start), or nothing (null). */
  | { kind: 'resizeHeaderTo'; header: HeaderRef; extent: number | null }
  /** Give a stage this width or a lane this height (null: back to fitting its content). */
  | { kind: 'resizeHeader'; header: HeaderRef; extent: number | null }
  /** The pointer is over a header's edge (the resize cursor), or left it. */
  | { kind: 'hoverEdge'; axis: HeaderRef['kind'] | null }

/** What a touch press may still turn into while it stands still. */
interface TouchPress {
  touch?: { start: Point; still: boolean; tapAdds: boolean; tapEdits: boolean }
}

type Gesture =
  | ({ kind: 'pan'; hit: Hit; button: number; start: Point; last: Point; moved: boolean } & TouchPress)
  | { kind: 'band'; from: Point }
  | ({ kind: 'header'; header: HeaderRef; start: Point; at: Point | null } & TouchPress)
  | ({
      kind: 'note'
      id: NoteId
      start: Point
      from: Point
      canDrag: boolean
      dragging: boolean
    } & TouchPress)
  | { kind: 'handle' }
  /** Drawing a connector from a note (the Connect tool). */
  | { kind: 'connect'; from: NoteId }
  /** Setting an emotion point: it follows the pointer up and down until the release. */
  | { kind: 'score'; cell: CellRef }
  /** A long press opened a menu: the rest of this press means nothing. */
  | { kind: 'held' }
  /** Resizing a stage or lane by its header's edge. */
  | { kind: 'edge'; header: HeaderRef; from: number; extent: number | null }

export type GestureKind = Gesture['kind']

/** Two hits on the same note, header, cell or place (a double-click's presses must be). */
function sameTarget(a: Hit | null, b: Hit): boolean {
  if (!a || a.kind !== b.kind) return false
  if (a.kind === 'note' && b.kind === 'note') return a.id === b.id
  if ((a.kind === 'header' && b.kind === 'header') || (a.kind === 'edge' && b.kind === 'edge'))
    return a.header.kind === b.header.kind && a.header.id === b.header.id
  if (a.kind === 'cell' && b.kind === 'cell')
    return a.cell.stageId === b.cell.stageId && a.cell.laneId === b.cell.laneId
  return true
}

const manhattan = (a: Point, b: Point): number => Math.abs(a.x - b.x) + Math.abs(a.y - b.y)
const chebyshev = (a: Point, b: Point): number => Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y))

/** The gesture a press starts; null for a press that means nothing (a right-click with the Select tool). */
function startGesture(e: Extract<GestureEvent, { type: 'down' }>): Gesture | null {
  const { hit } = e
  // The left button with the Select tool and no space held selects, drags and shapes; anything else pans.
  if (e.tool === 'connect' && e.button === 0 && !e.space && !e.readOnly && hit.kind === 'note')
    return { kind: 'connect', from: hit.id }
  const selecting = e.button === 0 && (e.tool === 'select' || e.tool === 'connect') && !e.space
  const editing = selecting && !e.readOnly
  const touch = e.touch
    ? {
        start: e.screen,
        still: true,
        tapAdds: editing && hit.kind === 'cell' && (e.selection?.size ?? 0) === 0,
        tapEdits: editing && hit.kind === 'note' && e.selection?.only === hit.id,
      }
    : undefined
  if (selecting && hit.kind === 'note')
    return {
      kind: 'note',
      id: hit.id,
      start: e.screen,
      from: e.board,
      canDrag: !e.readOnly,
      dragging: false,
      touch,
    }
  if (selecting && hit.kind === 'handle') return { kind: 'handle' }
  if (editing && hit.kind === 'edge')
    return { kind: 'edge', header: hit.header, from: hit.from, extent: null }
  if (editing && hit.kind === 'cell' && e.scorable && !e.shift) return { kind: 'score', cell: hit.cell }
  if (editing && hit.kind === 'header' && !e.shift)
    return { kind: 'header', header: hit.header, start: e.screen, at: null, touch }
  if (selecting && e.shift) return { kind: 'band', from: e.board }
  if (selecting || e.button === 1 || e.space || e.tool === 'pan')
    return { kind: 'pan', hit, button: e.button, start: e.screen, last: e.screen, moved: false, touch }
  return null
}

/** The press has wandered off: it can no longer tap or long-press. */
function trackStill(g: TouchPress, at: Point): void {
  if (g.touch?.still && manhattan(at, g.touch.start) > TOUCH_TAP_SLOP_PX) g.touch.still = false
}

export class GestureMachine {
  private gesture: Gesture | null = null
  /** When the last drag, pan or header move ended (ms); -Infinity before the first. */
  private lastDragEnd = Number.NEGATIVE_INFINITY
  /** What the last two presses hit, the latest last: a double-click's two presses. */
  private pressed: [Hit | null, Hit | null] = [null, null]

  /** The gesture under way, if any. */
  get active(): GestureKind | null {
    return this.gesture?.kind ?? null
  }

  handle(event: GestureEvent): Intent[] {
    switch (event.type) {
      case 'down': {
        this.pressed = [this.pressed[1], event.hit]
        const intents = this.gesture ? this.cancel() : []
        this.gesture = startGesture(event)
        if (this.gesture?.kind === 'pan') intents.push({ kind: 'grabbing', on: true })
        return intents
      }
      case 'move':
        return this.move(event)
      case 'up':
        return this.release(event)
      case 'cancel':
        return this.cancel()
      case 'dblclick':
        return this.doubleClick(event)
      case 'contextmenu':
        return this.menuFor(event.hit, event.readOnly)
      case 'longpress':
        return this.longPress()
      case 'hover':
        if (this.gesture || event.readOnly) return []
        return [
          { kind: 'hoverHeader', header: event.hit.kind === 'header' ? event.hit.header : null },
          { kind: 'hoverEdge', axis: event.hit.kind === 'edge' ? event.hit.header.kind : null },
        ]
      case 'resized':
        return event.readOnly
          ? []
          : [{ kind: 'resizeNote', id: event.id, scaleX: event.scaleX, scaleY: event.scaleY }]
    }
  }

  private menuFor(hit: Hit, readOnly: boolean): Intent[] {
    if (readOnly) return []
    if (hit.kind === 'header') return [{ kind: 'openHeaderMenu', header: hit.header }]
    if (hit.kind === 'note') return [{ kind: 'openNoteMenu', id: hit.id }]
    return []
  }

  private longPress(): Intent[] {
    const g = this.gesture
    if (!g || !('touch' in g) || !g.touch?.still) return []
    const hit: Hit | null =
      g.kind === 'note' && !g.dragging
        ? { kind: 'note', id: g.id }
        : g.kind === 'header' && g.at === null
          ? { kind: 'header', header: g.header }
          : g.kind === 'pan' && g.hit.kind === 'note'
            ? g.hit
            : null
    if (!hit || (g.kind === 'note' && !g.canDrag)) return []
    const intents = this.menuFor(hit, false)
    if (intents.length === 0) return []
    this.gesture = { kind: 'held' }
    return intents
  }

  private move(e: PointerSample): Intent[] {
    const g = this.gesture
    if (!g) return []
    if ('touch' in g) trackStill(g, e.screen)
    switch (g.kind) {
      case 'pan': {
        if (manhattan(e.screen, g.start) > PAN_CLICK_SLOP_PX) g.moved = true
        const intent: Intent = { kind: 'panBy', dx: e.screen.x - g.last.x, dy: e.screen.y - g.last.y }
        g.last = e.screen
        return [intent]
      }
      case 'band':
        return [{ kind: 'band', rect: rectFromCorners(g.from, e.board) }]
      case 'header': {
        const started = g.at !== null
        if (!started && manhattan(e.screen, g.start) <= HEADER_DRAG_START_PX) return []
        g.at = e.board
        const intent: Intent = { kind: 'headerDragTo', header: g.header, at: e.board }
        return started ? [intent] : [{ kind: 'grabbing', on: true }, intent]
      }
      case 'note': {
        if (!g.canDrag) return []
        const offset = { x: e.board.x - g.from.x, y: e.board.y - g.from.y }
        if (g.dragging) return [{ kind: 'dragBy', offset }]
        if (chebyshev(e.screen, g.start) < (g.touch ? TOUCH_DRAG_START_PX : NOTE_DRAG_START_PX)) return []
        g.dragging = true
        return [
          { kind: 'dragStart', id: g.id },
          { kind: 'dragBy', offset },
        ]
      }
      case 'score':
        return [{ kind: 'scoreAt', cell: g.cell, at: e.board }]
      case 'connect':
        return [{ kind: 'connectPreview', from: g.from, at: e.board }]
      case 'edge':
        g.extent = (g.header.kind === 'stage' ? e.board.x : e.board.y) - g.from
        return [{ kind: 'resizeHeaderTo', header: g.header, extent: g.extent }]
      case 'handle':
      case 'held':
        return []
    }
  }

  private release(e: PointerSample): Intent[] {
    const g = this.gesture
    this.gesture = null
    if (!g) return []
    switch (g.kind) {
      case 'pan': {
        const intents: Intent[] = [{ kind: 'grabbing', on: false }]
        if (g.moved && !g.touch?.still) this.lastDragEnd = e.time
        else if (g.touch?.tapAdds && g.hit.kind === 'cell')
          intents.push({ kind: 'addNote', cell: g.hit.cell })
        else if (g.hit.kind === 'note' || g.hit.kind === 'connector') {
          if (g.button === 0)
            intents.push(e.shift ? { kind: 'toggle', id: g.hit.id } : { kind: 'select', id: g.hit.id })
        } else if (g.hit.kind !== 'handle') intents.push({ kind: 'clearSelection' })
        return intents
      }
      case 'band':
        return [
          { kind: 'band', rect: null },
          { kind: 'selectInBand', rect: rectFromCorners(g.from, e.board) },
        ]
      case 'header':
        if (g.at === null) return [{ kind: 'clearSelection' }]
        this.lastDragEnd = e.time
        return [
          { kind: 'grabbing', on: false },
          { kind: 'headerDrop', header: g.header, at: g.at },
        ]
      case 'note':
        if (!g.dragging) {
          if (g.touch?.tapEdits && g.touch.still) return [{ kind: 'editNote', id: g.id }]
          return [e.shift ? { kind: 'toggle', id: g.id } : { kind: 'select', id: g.id }]
        }
        this.lastDragEnd = e.time
        return [{ kind: 'drop', at: e.board }]
      case 'score':
        return [{ kind: 'scoreAt', cell: g.cell, at: e.board }]
      case 'connect':
        this.lastDragEnd = e.time
        return [
          { kind: 'connectPreview', from: g.from, at: null },
          { kind: 'connect', from: g.from, at: e.board },
        ]
      case 'edge': {
        if (g.extent === null) return []
        this.lastDragEnd = e.time
        const extent = (g.header.kind === 'stage' ? e.board.x : e.board.y) - g.from
        return [
          { kind: 'resizeHeaderTo', header: g.header, extent: null },
          { kind: 'resizeHeader', header: g.header, extent },
        ]
      }
      case 'handle':
      case 'held':
        return []
    }
  }

  private cancel(): Intent[] {
    const g = this.gesture
    this.gesture = null
    if (!g) return []
    switch (g.kind) {
      case 'pan':
        return [{ kind: 'grabbing', on: false }]
      case 'band':
        return [{ kind: 'band', rect: null }]
      case 'header':
        return g.at === null ? [] : [{ kind: 'grabbing', on: false }, { kind: 'headerDragCancel' }]
      case 'note':
        return g.dragging ? [{ kind: 'dragCancel' }] : []
      case 'connect':
        return [{ kind: 'connectPreview', from: g.from, at: null }]
      case 'edge':
        return g.extent === null ? [] : [{ kind: 'resizeHeaderTo', header: g.header, extent: null }]
      case 'score':
      case 'handle':
      case 'held':
        return []
    }
  }

  private doubleClick(e: PointerSample & Situation): Intent[] {
    if (e.readOnly || e.button !== 0) return []
    if (e.time - this.lastDragEnd < DBLCLICK_AFTER_DRAG_MS) return []
    // The second press is still held and has become a drag: not a double-click either.
    const g = this.gesture
    if (
      g &&
      ((g.kind === 'pan' && g.moved) || (g.kind === 'note' && g.dragging) || (g.kind === 'header' && g.at))
    )
      return []
    const { hit } = e
    if (!this.pressed.every((pressed) => sameTarget(pressed, hit))) return []
    if (hit.kind === 'note') return [{ kind: 'editNote', id: hit.id }]
    if (hit.kind === 'header') return [{ kind: 'renameHeader', header: hit.header }]
    // A double-click on an edge gives the stage or lane back to its content.
    if (hit.kind === 'edge') return [{ kind: 'resizeHeader', header: hit.header, extent: null }]
    if (hit.kind === 'cell') return [{ kind: 'addNote', cell: hit.cell }]
    return []
  }
}
