/**
 * The Konva stage and every pointer gesture on it. Gestures:
 *   - drag on empty space, middle-button drag, space+drag, or any drag with the Hand tool: pan
 *   - shift+drag on empty space: rubber-band selection (adds to the selection)
 *   - wheel / two-finger scroll: pan; ctrl/cmd+wheel and trackpad pinch: zoom around the pointer
 *   - double-click a cell: add a note there; double-click a note: edit it
 *   - drag a note (or the selection): on drop it snaps into the cell under the pointer (a drop on the
 *     "Unsorted" row leaves it where it was)
 *   - hover a stage or lane header: its "⋯" options button shows (panels/GridControls draws it);
 *     double-click a header: rename it; right-click a header: its menu; drag a header: move the
 *     column or row (a line shows where it will go)
 * Positions come from the shared layout; this file only turns gestures into viewport changes and
 * commands (every document change goes through the registry).
 */
import Konva from 'konva'
import type { KonvaEventObject } from 'konva/lib/Node'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Stage } from 'react-konva'
import type { NoteId } from '../../../shared/src/board/ids'
import { isId } from '../../../shared/src/board/ids'
import { NOTE_SIZE } from '../../../shared/src/board/limits'
import { type Point, type Rect, rectFromCorners } from '../../../shared/src/layout/geometry'
import { type BoardLayout, type HeaderRef, headerRect } from '../../../shared/src/layout/grid'
import { headerGapAt, headerGapLine, pointToCell, pointToHeader } from '../../../shared/src/layout/hitTest'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { useBoardLayout } from '../doc/hooks'
import { noteDetail } from '../scene/levelOfDetail'
import type { BlockDrag } from '../scene/noteBlocks'
import { noteIndex } from '../scene/noteIndex'
import { screenToBoard } from '../scene/viewport'
import { trackPointer } from '../state/pointer'
import {
  addToSelection,
  clearSelection,
  selectedNoteIds,
  selectOnly,
  setCanvasSize,
  setHoveredHeader,
  setViewport,
  startEditing,
  toggleSelected,
  useUi,
} from '../state/ui'
import { GridLayer, gridShowsText } from './GridLayer'
import { GestureSnapshot } from './gestureSnapshot'
import { InteractionLayer } from './InteractionLayer'
import { NotesLayer } from './NotesLayer'
import { PresenceLayer } from './PresenceLayer'
import { RemoteCursors } from './RemoteCursors'
import { useStageViewport } from './useStageViewport'
import { useSpaceKey, useWheel } from './useViewportGestures'

// A click that moves less than this is still a click, not a drag.
Konva.dragDistance = 4
// Only the left button drags a note; the middle button pans even when pressed on a note (Konva's
// default, [0, 1], dragged the note along with the view).
Konva.dragButtons = [0]

type Gesture =
  | { kind: 'pan'; start: Point; origin: Point; moved: boolean }
  | { kind: 'band'; start: Point }
  | { kind: 'header'; header: HeaderRef; start: Point; gap: number | null }
  /** A press on a note drawn as a block (no node of its own): a click selects it, a drag moves it. */
  | { kind: 'block'; id: NoteId; start: Point; from: Point; drag: BlockDrag | null }
  | null

/** A header drag starts once the pointer moved this far (screen px), so a double-click still renames. */
const HEADER_DRAG_START_PX = 6
/**
 * Konva counts any two presses within its double-click window as a double-click, even when the first
 * ended a pan or a header drag, or the second is a right-click; such pairs are not double-clicks.
 */
const DBLCLICK_AFTER_DRAG_MS = 500

/** The whole column or row of a header, shaded while it is dragged. */
function headerBand(layout: BoardLayout, header: HeaderRef): Rect | null {
  const rect = headerRect(layout, header)
  if (!rect) return null
  return header.kind === 'stage' ? { ...rect, h: layout.height } : { ...rect, w: layout.width }
}

/** The notes' nodes: the children of the layer's first group (NotesLayer keeps them there). */
const noteNodes = (layer: Konva.Layer | null): Konva.Node[] => {
  const group = layer?.getChildren()[0]
  return group instanceof Konva.Group ? group.getChildren() : []
}

const noteIdOf = (node: Konva.Node | null): NoteId | null => {
  const group = node?.name() === 'note' ? node : node?.findAncestor('.note')
  const id = group?.id()
  return isId('note', id) ? id : null
}

export function BoardCanvas({ onFirstPaint }: { onFirstPaint?: () => void }) {
  const { readOnly, commands } = useBoardSession()
  const layout = useBoardLayout()
  const showText = useUi((s) => gridShowsText(s.viewport.scale))
  const size = useUi((s) => s.canvasSize)
  const tool = useUi((s) => s.tool)
  const overHeader = useUi((s) => s.hoveredHeader !== null)
  const containerRef = useRef<HTMLDivElement>(null)
  const stageRef = useRef<Konva.Stage>(null)
  const notesLayerRef = useRef<Konva.Layer>(null)
  const gesture = useRef<Gesture>(null)
  const spaceHeld = useRef(false)
  const dragStarts = useRef(new Map<NoteId, Point>())
  const blockDrag = useRef<BlockDrag | null>(null)
  const [snapshot] = useState(() => new GestureSnapshot())
  const lastDragEnd = useRef(0)
  const [rubberBand, setRubberBand] = useState<Rect | null>(null)
  const [dropLine, setDropLine] = useState<Rect | null>(null)
  const [dragSource, setDragSource] = useState<Rect | null>(null)
  const [dragging, setDragging] = useState(false)
  const [panning, setPanning] = useState(false)
  const [spaceDown, setSpaceDown] = useState(false)

  useEffect(() => {
    const el = containerRef.current
    if (!el) return
    const measure = () => setCanvasSize({ w: el.clientWidth, h: el.clientHeight })
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // Where "add note" (N) and paste put notes: the cell under the pointer.
  useEffect(() => (containerRef.current ? trackPointer(containerRef.current) : undefined), [])

  useEffect(() => {
    if (size.w > 1) onFirstPaint?.()
  }, [size.w, onFirstPaint])

  useSpaceKey(spaceHeld, setSpaceDown, containerRef)
  useWheel(containerRef)
  useStageViewport(stageRef, snapshot)

  const boardPointOf = useCallback((clientX: number, clientY: number): Point => {
    const bounds = containerRef.current?.getBoundingClientRect()
    return screenToBoard(useUi.getState().viewport, {
      x: clientX - (bounds?.left ?? 0),
      y: clientY - (bounds?.top ?? 0),
    })
  }, [])

  /** The note under a screen point when notes are drawn as blocks (they have no node to hit then). */
  const blockNoteAt = useCallback(
    (clientX: number, clientY: number): NoteId | null => {
      // The detail drawn, not the live one: during a zoom the blocks stay until the view settles.
      if (noteDetail(NOTE_SIZE.defaultH, snapshot.getDrawnView().scale) !== 'block') return null
      return noteIndex(layout).at(boardPointOf(clientX, clientY))
    },
    [layout, boardPointOf, snapshot],
  )

  /** Notes dropped at a board point snap into the cell there (a drop on "Unsorted" leaves them). */
  const dropNotes = useCallback(
    (ids: readonly NoteId[], point: Point) => runCommand('note.moveTo', commands, { notes: ids, at: point }),
    [commands],
  )

  const onPointerDown = useCallback(
    (e: KonvaEventObject<PointerEvent>) => {
      const event = e.evt
      const onEmpty = e.target === e.target.getStage()
      const panTool = useUi.getState().tool === 'pan'
      const block =
        event.button === 0 && onEmpty && !panTool && !spaceHeld.current
          ? blockNoteAt(event.clientX, event.clientY)
          : null
      const header =
        event.button === 0 && onEmpty && !panTool && !spaceHeld.current && !event.shiftKey && !readOnly
          ? pointToHeader(layout, boardPointOf(event.clientX, event.clientY))
          : null
      const wantsPan =
        event.button === 1 ||
        spaceHeld.current ||
        panTool ||
        (event.button === 0 && onEmpty && !event.shiftKey)
      if (block) {
        gesture.current = {
          kind: 'block',
          id: block,
          start: { x: event.clientX, y: event.clientY },
          from: boardPointOf(event.clientX, event.clientY),
          drag: null,
        }
      } else if (header) {
        gesture.current = { kind: 'header', header, start: { x: event.clientX, y: event.clientY }, gap: null }
      } else if (event.button === 0 && onEmpty && event.shiftKey && !panTool && !spaceHeld.current) {
        gesture.current = { kind: 'band', start: boardPointOf(event.clientX, event.clientY) }
      } else if (wantsPan) {
        // Stop a note from starting its own drag under a pan gesture.
        if (!onEmpty) e.target.stopDrag()
        const vp = useUi.getState().viewport
        gesture.current = {
          kind: 'pan',
          start: { x: event.clientX, y: event.clientY },
          origin: vp,
          moved: false,
        }
        setPanning(true)
      } else return
      // No preventDefault here: it would suppress the mouse events Konva builds click and dblclick from.
      const move = (m: PointerEvent) => {
        const g = gesture.current
        if (!g) return
        if (g.kind === 'pan') {
          const dx = m.clientX - g.start.x
          const dy = m.clientY - g.start.y
          if (Math.abs(dx) + Math.abs(dy) > 2) g.moved = true
          setViewport({ ...useUi.getState().viewport, x: g.origin.x + dx, y: g.origin.y + dy })
        } else if (g.kind === 'block') {
          const far = Math.abs(m.clientX - g.start.x) + Math.abs(m.clientY - g.start.y) > Konva.dragDistance
          if (readOnly || (g.drag === null && !far)) return
          if (g.drag === null) {
            if (!useUi.getState().selection.has(g.id)) selectOnly([g.id])
            g.drag = { ids: new Set(selectedNoteIds()), offset: { x: 0, y: 0 } }
            blockDrag.current = g.drag
            setDragging(true)
          }
          const at = boardPointOf(m.clientX, m.clientY)
          g.drag.offset = { x: at.x - g.from.x, y: at.y - g.from.y }
          notesLayerRef.current?.batchDraw()
        } else if (g.kind === 'header') {
          const far = Math.abs(m.clientX - g.start.x) + Math.abs(m.clientY - g.start.y) > HEADER_DRAG_START_PX
          if (g.gap === null && !far) return
          if (g.gap === null) setPanning(true)
          g.gap = headerGapAt(layout, g.header.kind, boardPointOf(m.clientX, m.clientY))
          setDropLine(headerGapLine(layout, g.header.kind, g.gap))
          setDragSource(headerBand(layout, g.header))
        } else {
          setRubberBand(rectFromCorners(g.start, boardPointOf(m.clientX, m.clientY)))
        }
      }
      const up = (u: PointerEvent) => {
        const g = gesture.current
        gesture.current = null
        window.removeEventListener('pointermove', move)
        window.removeEventListener('pointerup', up)
        setPanning(false)
        if (g?.kind === 'block' && g.drag) {
          blockDrag.current = null
          setDragging(false)
          lastDragEnd.current = performance.now()
          notesLayerRef.current?.batchDraw()
          dropNotes([...g.drag.ids], boardPointOf(u.clientX, u.clientY))
        } else if (g?.kind === 'block') {
          if (u.shiftKey) toggleSelected(g.id)
          else selectOnly([g.id])
        } else if (g?.kind === 'band') {
          const band = rectFromCorners(g.start, boardPointOf(u.clientX, u.clientY))
          addToSelection(noteIndex(layout).query(band))
          setRubberBand(null)
        } else if (g?.kind === 'header') {
          setDropLine(null)
          setDragSource(null)
          if (g.gap !== null) lastDragEnd.current = performance.now()
          if (g.gap === null) clearSelection()
          else runCommand('header.moveToGap', commands, { header: g.header, gap: g.gap })
        } else if (g?.kind === 'pan' && !g.moved && onEmpty) {
          clearSelection()
        } else if (g?.kind === 'pan') {
          lastDragEnd.current = performance.now()
        }
      }
      window.addEventListener('pointermove', move)
      window.addEventListener('pointerup', up)
    },
    [boardPointOf, blockNoteAt, dropNotes, layout, readOnly, commands],
  )

  const onStageDblClick = useCallback(
    (e: KonvaEventObject<MouseEvent>) => {
      if (readOnly || e.target !== e.target.getStage() || e.evt.button !== 0) return
      if (performance.now() - lastDragEnd.current < DBLCLICK_AFTER_DRAG_MS) return
      const block = blockNoteAt(e.evt.clientX, e.evt.clientY)
      if (block) {
        startEditing(block)
        return
      }
      const point = boardPointOf(e.evt.clientX, e.evt.clientY)
      const header = pointToHeader(layout, point)
      if (header) {
        runCommand('header.startRename', commands, { header })
        return
      }
      const cell = pointToCell(layout, point)
      if (cell) runCommand('note.addInCell', commands, { cell })
    },
    [layout, readOnly, commands, boardPointOf, blockNoteAt],
  )

  const onContextMenu = useCallback(
    (e: KonvaEventObject<PointerEvent>) => {
      if (readOnly || e.target !== e.target.getStage()) return
      const header = pointToHeader(layout, boardPointOf(e.evt.clientX, e.evt.clientY))
      if (!header) return
      e.evt.preventDefault()
      runCommand('header.menu', commands, { header })
    },
    [layout, readOnly, commands, boardPointOf],
  )

  // Which header shows its options button; notes never sit over headers, so the stage's own events do.
  const onPointerMove = useCallback(
    (e: KonvaEventObject<PointerEvent>) => {
      if (readOnly || gesture.current) return
      setHoveredHeader(pointToHeader(layout, boardPointOf(e.evt.clientX, e.evt.clientY)))
    },
    [layout, readOnly, boardPointOf],
  )

  useEffect(() => {
    const el = containerRef.current
    if (!el) return
    // Moving onto the options button itself keeps it showing.
    const onLeave = (e: PointerEvent) => {
      const to = e.relatedTarget instanceof Element ? e.relatedTarget : null
      if (!to?.closest('.header-options')) setHoveredHeader(null)
    }
    el.addEventListener('pointerleave', onLeave)
    return () => el.removeEventListener('pointerleave', onLeave)
  }, [])

  const onNoteClick = useCallback((e: KonvaEventObject<MouseEvent>) => {
    const id = noteIdOf(e.target)
    if (!id || e.evt.button !== 0) return
    if (e.evt.shiftKey) toggleSelected(id)
    else selectOnly([id])
  }, [])

  const onNoteDblClick = useCallback(
    (e: KonvaEventObject<MouseEvent>) => {
      const id = noteIdOf(e.target)
      if (id && !readOnly) startEditing(id)
    },
    [readOnly],
  )

  const onDragStart = useCallback((e: KonvaEventObject<DragEvent>) => {
    const id = noteIdOf(e.target)
    if (!id || e.target.name() !== 'note') return
    // Space+drag pressed on a note pans; Konva starts the drag only after the press, so stop it here.
    if (gesture.current?.kind === 'pan') {
      e.target.stopDrag()
      return
    }
    const { selection } = useUi.getState()
    if (!selection.has(id)) selectOnly([id])
    const moving = useUi.getState().selection
    dragStarts.current.clear()
    for (const node of noteNodes(notesLayerRef.current)) {
      if (moving.has(node.id() as NoteId)) {
        dragStarts.current.set(node.id() as NoteId, node.position())
        node.moveToTop()
      }
    }
    setDragging(true)
  }, [])

  // Other selected notes follow the one under the pointer.
  const onDragMove = useCallback((e: KonvaEventObject<DragEvent>) => {
    const lead = e.target
    const start = dragStarts.current.get(lead.id() as NoteId)
    if (!start || lead.name() !== 'note') return
    const dx = lead.x() - start.x
    const dy = lead.y() - start.y
    for (const node of noteNodes(notesLayerRef.current)) {
      const from = dragStarts.current.get(node.id() as NoteId)
      if (from && node !== lead) node.position({ x: from.x + dx, y: from.y + dy })
    }
  }, [])

  const onDragEnd = useCallback(
    (e: KonvaEventObject<DragEvent>) => {
      if (e.target.name() !== 'note') return
      const starts = new Map(dragStarts.current)
      dragStarts.current.clear()
      setDragging(false)
      // A drag stopped as it started (a pan pressed on a note) moved nothing.
      if (starts.size === 0) return
      // Put every node back where the layout has it; the document change below moves it for real.
      for (const node of noteNodes(notesLayerRef.current)) {
        const from = starts.get(node.id() as NoteId)
        if (from) node.position(from)
      }
      const pointer = e.target.getStage()?.getPointerPosition()
      if (!pointer) return
      dropNotes([...starts.keys()], screenToBoard(useUi.getState().viewport, pointer))
    },
    [dropNotes],
  )

  const onResize = useCallback(
    (id: string, scaleX: number, scaleY: number) => {
      if (!isId('note', id)) return
      const box = layout.notes.get(id)
      if (box)
        runCommand('note.resize', commands, { note: id, size: { w: box.w * scaleX, h: box.h * scaleY } })
    },
    [layout, commands],
  )

  const cursor = panning ? 'grabbing' : tool === 'pan' || spaceDown || overHeader ? 'grab' : 'default'
  return (
    <div ref={containerRef} className="board-canvas" style={{ cursor }}>
      <Stage
        ref={stageRef}
        width={size.w}
        height={size.h}
        onPointerDown={onPointerDown}
        onDblClick={onStageDblClick}
        onContextMenu={onContextMenu}
        onPointerMove={onPointerMove}
      >
        <GridLayer layout={layout} showText={showText} />
        <NotesLayer
          layout={layout}
          readOnly={readOnly || tool === 'pan'}
          layerRef={notesLayerRef}
          blockDragRef={blockDrag}
          snapshot={snapshot}
          onClick={onNoteClick}
          onDblClick={onNoteDblClick}
          onDragStart={onDragStart}
          onDragMove={onDragMove}
          onDragEnd={onDragEnd}
        />
        <InteractionLayer
          layout={layout}
          notesLayerRef={notesLayerRef}
          rubberBand={rubberBand}
          dropLine={dropLine}
          dragSource={dragSource}
          dragging={dragging}
          readOnly={readOnly}
          onResize={onResize}
        />
        <PresenceLayer layout={layout} />
      </Stage>
      <RemoteCursors />
    </div>
  )
}
