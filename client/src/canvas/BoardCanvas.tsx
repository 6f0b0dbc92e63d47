/*
 * The Konva stage, its layers, and the wiring of every gesture on it. Gestures:
 *   - drag on empty space, middle-button drag, space+drag, or any drag with the Hand tool: pan
 *   - shift+drag on empty space: rubber-band selection (adds to the selection)
 *   - wheel / two-finger scroll: pan; ctrl/cmd+wheel and trackpad pinch: zoom around the pointer
 *   - double-click a cell: add a note there; double-click a note: edit it
 *   - drag a note (or the selection): on drop it snaps into the cell under the pointer (a drop on the
 *     "Unsorted" row leaves it where it was)
 *   - hover a stage or lane header: its "⋯" options button shows (panels/GridControls draws it);
 *     double-click a header: rename it; right-click a header: its menu; drag a header: move the
 *     column or row (a line shows where it will go)
 * What a press, move, release or double-click means is decided by the gesture machine
 * (gestures/gestureMachine.ts, which lists the rules); useCanvasGestures.ts feeds it and applies what it
 * says, every document change through a command. Wheel and space bar are native listeners
 * (useViewportGestures.ts). Positions come from the shared layout.
 */
import Konva from 'konva'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { Stage } from 'react-konva'
import { useBoardSession } from '../board/session'
import { useBoardLayout } from '../doc/hooks'
import { NoteDrag } from '../state/noteDrag'
import { trackPointer } from '../state/pointer'
import { setCanvasSize, setHoveredHeader, useUi } from '../state/ui'
import { DragLayer } from './DragLayer'
import { GridLayer, gridShowsText } from './GridLayer'
import { InteractionLayer } from './InteractionLayer'
import { NotesLayer } from './NotesLayer'
import { NotesBitmap } from './notesBitmap'
import { PresenceLayer } from './PresenceLayer'
import { RemoteCursors } from './RemoteCursors'
import { useCanvasGestures } from './useCanvasGestures'
import { useStageViewport } from './useStageViewport'
import { useSpaceKey, useWheel } from './useViewportGestures'

// Notes no longer drag through Konva; these govern the one thing that still does, the resize transformer.
// A click that moves less than this is still a click, not a drag.
Konva.dragDistance = 4
// Only the left button resizes; the middle button pans even when pressed on a handle.
Konva.dragButtons = [0]

export function BoardCanvas({ onFirstPaint }: { onFirstPaint?: () => void }) {
  const { readOnly } = useBoardSession()
  const layout = useBoardLayout()
  const showText = useUi((s) => gridShowsText(s.viewport.scale))
  const size = useUi((s) => s.canvasSize)
  const tool = useUi((s) => s.tool)
  const overHeader = useUi((s) => s.hoveredHeader !== null)
  const containerRef = useRef<HTMLDivElement>(null)
  const stageRef = useRef<Konva.Stage>(null)
  const notesLayerRef = useRef<Konva.Layer>(null)
  const spaceHeld = useRef(false)
  const [bitmap] = useState(() => new NotesBitmap())
  const [drag] = useState(() => new NoteDrag())
  const dragging = useSyncExternalStore(drag.subscribe, () => drag.getIds() !== null)
  const [spaceDown, setSpaceDown] = useState(false)
  const gestures = useCanvasGestures(containerRef, spaceHeld, drag)

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
  useStageViewport(stageRef, bitmap)

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

  const cursor = gestures.resizeAxis
    ? gestures.resizeAxis === 'stage'
      ? 'col-resize'
      : 'row-resize'
    : gestures.grabbing
      ? 'grabbing'
      : tool === 'pan' || spaceDown || overHeader
        ? 'grab'
        : tool === 'connect'
          ? 'crosshair'
          : 'default'
  return (
    <div ref={containerRef} className="board-canvas" style={{ cursor }}>
      <Stage
        ref={stageRef}
        width={size.w}
        height={size.h}
        onPointerDown={gestures.onPointerDown}
        onDblClick={gestures.onDblClick}
        onContextMenu={gestures.onContextMenu}
        onPointerMove={gestures.onPointerMove}
      >
        <GridLayer layout={layout} showText={showText} />
        <NotesLayer
          layout={layout}
          showText={showText}
          layerRef={notesLayerRef}
          bitmap={bitmap}
          drag={drag}
        />
        <DragLayer layout={layout} drag={drag} bitmap={bitmap} />
        <InteractionLayer
          layout={layout}
          notesLayerRef={notesLayerRef}
          rubberBand={gestures.rubberBand}
          dropLine={gestures.dropLine}
          dragSource={gestures.dragSource}
          dragging={dragging}
          readOnly={readOnly}
          onResize={gestures.onResize}
          connectLine={gestures.connectLine}
        />
        <PresenceLayer layout={layout} />
      </Stage>
      <RemoteCursors />
    </div>
  )
}
