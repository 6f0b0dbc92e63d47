/*
 * The adapter between the Konva stage and the gesture machine (gestures/gestureMachine.ts): it turns
 * pointer events into samples in screen and board coordinates, finds what they hit (from the layout,
 * gestures/hitAt.ts; only the resize handles come from Konva), feeds the machine, and applies the
 * intents that come out — the viewport, the selection and the other UI state directly, every change to
 * the document through a registry command. Moves and releases are followed on the window once a press
 * starts a gesture, so a drag that leaves the canvas still ends. For fingers it also times long presses
 * and, when a second finger lands, cancels the one-finger gesture and pinches the view (gestures/pinch.ts).
 */
import type { KonvaEventObject } from 'konva/lib/Node'
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { isId, type PersonaId } from '../../../shared/src/board/ids'
import type { CellContent } from '../../../shared/src/board/laneKinds/laneKind'
import { getLaneKind } from '../../../shared/src/board/laneKinds/registry'
import { readPersonas } from '../../../shared/src/board/schema'
import type { Point, Rect } from '../../../shared/src/layout/geometry'
import { type BoardLayout, type HeaderRef, headerRect } from '../../../shared/src/layout/grid'
import { headerGapAt, headerGapLine } from '../../../shared/src/layout/hitTest'
import { connectorAt } from '../../../shared/src/scene/contentItems'
import { scoreAtY } from '../../../shared/src/scene/lanes/emotionCurve'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import {
  GestureMachine,
  type Hit,
  type Intent,
  LONG_PRESS_MS,
  type PointerSample,
} from '../gestures/gestureMachine'
import { hitAt } from '../gestures/hitAt'
import { Fingers, pinchViewport } from '../gestures/pinch'
import type { NoteDrag } from '../state/noteDrag'
import {
  addToSelection,
  clearSelection,
  selectedNoteIds,
  selectOnly,
  setHoveredHeader,
  setViewport,
  toggleSelected,
  useUi,
} from '../state/ui'
import { noteIndex } from '../view/noteIndex'
import { screenToBoard } from '../view/viewport'

/** What a lane's cells hold, by its kind (notes, scores, chips…); undefined for a lane not in the layout. */
function laneHolds(layout: BoardLayout, laneId: string): CellContent | undefined {
  const lane = layout.lanes.find((l) => l.id === laneId)
  return lane ? getLaneKind(lane.kind).layout.holds : undefined
}

/** The persona a click in an emotion lane sets: the one chosen, while it exists, else the first. */
function activePersonaOf(doc: Y.Doc): PersonaId | undefined {
  const personas = readPersonas(doc)
  const chosen = useUi.getState().activePersona
  return (personas.find((p) => p.id === chosen) ?? personas[0])?.id
}

/** The whole column or row of a header, shaded while it is dragged. */
function headerBand(layout: BoardLayout, header: HeaderRef): Rect | null {
  const rect = headerRect(layout, header)
  if (!rect) return null
  return header.kind === 'stage' ? { ...rect, h: layout.height } : { ...rect, w: layout.width }
}

export interface CanvasGestures {
  onPointerDown: (e: KonvaEventObject<PointerEvent>) => void
  onPointerMove: (e: KonvaEventObject<PointerEvent>) => void
  onDblClick: (e: KonvaEventObject<MouseEvent>) => void
  onContextMenu: (e: KonvaEventObject<PointerEvent>) => void
  /** The resize transformer let go of a note. */
  onResize: (id: string, scaleX: number, scaleY: number) => void
  rubberBand: Rect | null
  /** Where a dragged header would go: a line between two headers. */
  dropLine: Rect | null
  /** The column or row of the header being dragged. */
  dragSource: Rect | null
  /** A connector being drawn (the Connect tool): from the note's centre to the pointer. */
  connectLine: { from: Point; to: Point } | null
  grabbing: boolean
  /** The pointer is over a stage's (col) or lane's (row) resizable edge, or resizing one. */
  resizeAxis: HeaderRef['kind'] | null
}

/** How near a header's edge (screen px) the pointer grabs it to resize. */
const EDGE_SLOP_PX = 5
/** How near an arrow's line (screen px) a click selects it. */
const CONNECTOR_SLOP_PX = 6

export function useCanvasGestures(
  containerRef: RefObject<HTMLDivElement | null>,
  spaceHeld: RefObject<boolean>,
  drag: NoteDrag,
): CanvasGestures {
  const { readOnly, commands, stores } = useBoardSession()
  const [machine] = useState(() => new GestureMachine())
  const [rubberBand, setRubberBand] = useState<Rect | null>(null)
  const [dropLine, setDropLine] = useState<Rect | null>(null)
  const [dragSource, setDragSource] = useState<Rect | null>(null)
  const [grabbing, setGrabbing] = useState(false)
  const [resizeAxis, setResizeAxis] = useState<HeaderRef['kind'] | null>(null)
  const [connectLine, setConnectLine] = useState<{ from: Point; to: Point } | null>(null)
  // Read when an event arrives, so listeners made at a press never act on a stale role or context.
  const session = useRef({ readOnly, commands })
  session.current = { readOnly, commands }
  const detach = useRef<(() => void) | null>(null)
  const longPress = useRef<number | undefined>(undefined)
  /** The last emotion point this press set ("stage/value"), so a drag writes only when it snaps anew. */
  const lastScore = useRef<string | null>(null)
  const [fingers] = useState(() => new Fingers())

  /** `bounds`: the canvas's page box, when the caller has it (it does not move during a gesture). */
  const sample = useCallback(
    (
      e: MouseEvent,
      bounds: DOMRect | undefined = containerRef.current?.getBoundingClientRect(),
    ): PointerSample => {
      const screen = { x: e.clientX - (bounds?.left ?? 0), y: e.clientY - (bounds?.top ?? 0) }
      const board = screenToBoard(useUi.getState().viewport, screen)
      const touch = 'pointerType' in e && e.pointerType === 'touch'
      return { screen, board, button: e.button, shift: e.shiftKey, time: performance.now(), touch }
    },
    [containerRef],
  )

  /** What is at a board point, arrows and header edges within a few screen pixels included. */
  const hitOnBoard = useCallback(
    (point: Point): Hit => {
      const layout = session.current.commands.getLayout()
      const scale = useUi.getState().viewport.scale
      const { connectors } = stores.anatomy.getSnapshot()
      return hitAt(layout, point, EDGE_SLOP_PX / scale, (p) =>
        connectors.length > 0 ? connectorAt(connectors, layout, p, CONNECTOR_SLOP_PX / scale) : null,
      )
    },
    [stores],
  )

  /** What the pointer is over; Konva finds only the resize handles (every other layer ignores events). */
  const hitOf = useCallback(
    (e: KonvaEventObject<MouseEvent>, at: PointerSample): Hit =>
      e.target !== e.target.getStage() ? { kind: 'handle' } : hitOnBoard(at.board),
    [hitOnBoard],
  )

  const apply = useCallback(
    (intents: readonly Intent[]) => {
      const { commands } = session.current
      const layout = commands.getLayout()
      for (const intent of intents) {
        switch (intent.kind) {
          case 'panBy': {
            const vp = useUi.getState().viewport
            setViewport({ ...vp, x: vp.x + intent.dx, y: vp.y + intent.dy })
            break
          }
          case 'grabbing':
            setGrabbing(intent.on)
            break
          case 'band':
            setRubberBand(intent.rect)
            break
          case 'selectInBand':
            addToSelection(noteIndex(layout).query(intent.rect))
            break
          case 'select':
            selectOnly([intent.id])
            break
          case 'toggle':
            toggleSelected(intent.id)
            break
          case 'clearSelection':
            clearSelection()
            break
          case 'dragStart':
            // Dragging a note outside the selection drags it alone.
            if (!useUi.getState().selection.has(intent.id)) selectOnly([intent.id])
            drag.start(selectedNoteIds())
            break
          case 'dragBy':
            drag.move(intent.offset)
            break
          case 'drop':
            runCommand('note.moveTo', commands, { notes: drag.end(), at: intent.at })
            break
          case 'dragCancel':
            drag.end()
            break
          case 'headerDragTo': {
            const gap = headerGapAt(layout, intent.header.kind, intent.at)
            setDropLine(headerGapLine(layout, intent.header.kind, gap))
            setDragSource(headerBand(layout, intent.header))
            break
          }
          case 'headerDrop':
          case 'headerDragCancel':
            setDropLine(null)
            setDragSource(null)
            if (intent.kind === 'headerDrop') {
              const gap = headerGapAt(layout, intent.header.kind, intent.at)
              runCommand('header.moveToGap', commands, { header: intent.header, gap })
            }
            break
          case 'addNote': {
            // What "add" means in a cell is its lane's: a note, the cell's editor, or nothing (a curve).
            const holds = laneHolds(layout, intent.cell.laneId)
            if (holds === 'notes') runCommand('note.addInCell', commands, { cell: intent.cell })
            else if (holds === 'chips' || holds === 'values' || holds === 'text')
              runCommand('cell.edit', commands, { cell: intent.cell })
            break
          }
          case 'connectPreview': {
            const from = layout.notes.get(intent.from)
            setConnectLine(
              from && intent.at
                ? { from: { x: from.x + from.w / 2, y: from.y + from.h / 2 }, to: intent.at }
                : null,
            )
            break
          }
          case 'connect': {
            const hit = hitAt(layout, intent.at)
            const to =
              hit.kind === 'note'
                ? hit.id
                : hit.kind === 'header' && hit.header.kind === 'stage'
                  ? hit.header.id
                  : null
            if (to) runCommand('connector.add', commands, { content: { from: intent.from, to } })
            break
          }
          case 'scoreAt': {
            const row = layout.lanes.find((l) => l.id === intent.cell.laneId)
            const persona = activePersonaOf(commands.doc)
            if (!row || !persona) break
            const value = scoreAtY(row, intent.at.y)
            const key = `${intent.cell.stageId}/${value}`
            if (lastScore.current === key) break
            lastScore.current = key
            runCommand('emotion.set', commands, { cell: intent.cell, content: { persona, value } })
            break
          }
          case 'editNote':
            runCommand('note.edit', commands, { note: intent.id })
            break
          case 'renameHeader':
            runCommand('header.startRename', commands, { header: intent.header })
            break
          case 'openHeaderMenu':
            runCommand('header.menu', commands, { header: intent.header })
            break
          case 'openNoteMenu':
            runCommand('note.menu', commands, { note: intent.id })
            break
          case 'resizeNote': {
            const box = layout.notes.get(intent.id)
            if (box) {
              const size = { w: box.w * intent.scaleX, h: box.h * intent.scaleY }
              runCommand('note.resize', commands, { note: intent.id, size })
            }
            break
          }
          case 'resizeHeaderTo': {
            const rect = headerRect(layout, intent.header)
            if (intent.extent === null || !rect) {
              setDropLine(null)
              setResizeAxis(null)
            } else if (intent.header.kind === 'stage') {
              setResizeAxis('stage')
              setDropLine({ x: rect.x + intent.extent, y: 0, w: 0, h: layout.height })
            } else {
              setResizeAxis('lane')
              setDropLine({ x: 0, y: rect.y + intent.extent, w: layout.width, h: 0 })
            }
            break
          }
          case 'resizeHeader':
            runCommand('header.setSize', commands, { header: intent.header, extent: intent.extent })
            break
          case 'hoverEdge':
            setResizeAxis(intent.axis)
            break
          case 'hoverHeader':
            setHoveredHeader(intent.header)
            break
        }
      }
    },
    [drag],
  )

  const onPointerDown = useCallback(
    (e: KonvaEventObject<PointerEvent>) => {
      // A second finger is a pinch (the native listener below), never a press of its own.
      if (fingers.count > 1) return
      // Read once: measuring the page on every move of a pan would force a layout each time.
      const bounds = containerRef.current?.getBoundingClientRect()
      const at = sample(e.evt, bounds)
      const { tool, selection } = useUi.getState()
      const notes = selectedNoteIds(selection)
      const hit = hitOf(e, at)
      apply(
        machine.handle({
          type: 'down',
          ...at,
          hit,
          tool,
          space: spaceHeld.current,
          readOnly: session.current.readOnly,
          selection: {
            size: selection.size,
            only: notes.length === 1 && selection.size === 1 ? (notes[0] ?? null) : null,
          },
          scorable:
            hit.kind === 'cell' &&
            laneHolds(session.current.commands.getLayout(), hit.cell.laneId) === 'scores',
        }),
      )
      // A finger's emulated mouse events would land on what its tap opened (the note editor) and
      // close it; touch needs none of them (taps, not double-clicks, edit on touch).
      if (at.touch) e.evt.preventDefault()
      lastScore.current = null
      if (at.touch && machine.active) {
        window.clearTimeout(longPress.current)
        longPress.current = window.setTimeout(
          () => apply(machine.handle({ type: 'longpress', time: performance.now() })),
          LONG_PRESS_MS,
        )
      }
      // A pan pressed on a resize handle: the transformer must not resize under it.
      if (machine.active === 'pan' && hit.kind === 'handle') e.target.stopDrag()
      if (!machine.active || detach.current) return
      // No preventDefault: it would suppress the mouse events Konva builds double-clicks from.
      const move = (m: PointerEvent) => apply(machine.handle({ type: 'move', ...sample(m, bounds) }))
      const end = (u: PointerEvent) => {
        window.clearTimeout(longPress.current)
        apply(
          machine.handle(
            u.type === 'pointercancel' ? { type: 'cancel' } : { type: 'up', ...sample(u, bounds) },
          ),
        )
        if (!machine.active) detach.current?.()
      }
      window.addEventListener('pointermove', move)
      window.addEventListener('pointerup', end)
      window.addEventListener('pointercancel', end)
      detach.current = () => {
        window.removeEventListener('pointermove', move)
        window.removeEventListener('pointerup', end)
        window.removeEventListener('pointercancel', end)
        detach.current = null
      }
    },
    [machine, sample, hitOf, apply, spaceHeld, containerRef, fingers],
  )

  // Which header shows its options button; notes never sit over headers.
  const onPointerMove = useCallback(
    (e: KonvaEventObject<PointerEvent>) => {
      if (machine.active) return
      const hit = hitOf(e, sample(e.evt))
      apply(machine.handle({ type: 'hover', hit, readOnly: session.current.readOnly }))
    },
    [machine, sample, hitOf, apply],
  )

  const onDblClick = useCallback(
    (e: KonvaEventObject<MouseEvent>) => {
      const at = sample(e.evt)
      const situation = {
        tool: useUi.getState().tool,
        space: spaceHeld.current,
        readOnly: session.current.readOnly,
      }
      apply(machine.handle({ type: 'dblclick', ...at, ...situation, hit: hitOf(e, at) }))
    },
    [machine, sample, hitOf, apply, spaceHeld],
  )

  const onContextMenu = useCallback(
    (e: KonvaEventObject<PointerEvent>) => {
      const intents = machine.handle({
        type: 'contextmenu',
        hit: hitOf(e, sample(e.evt)),
        readOnly: session.current.readOnly,
      })
      // Ours replaces the browser's (a long press on a touch screen sends one too).
      if (intents.some((i) => i.kind === 'openHeaderMenu' || i.kind === 'openNoteMenu'))
        e.evt.preventDefault()
      apply(intents)
    },
    [machine, sample, hitOf, apply],
  )

  const onResize = useCallback(
    (id: string, scaleX: number, scaleY: number) => {
      if (isId('note', id))
        apply(machine.handle({ type: 'resized', id, scaleX, scaleY, readOnly: session.current.readOnly }))
    },
    [machine, apply],
  )

  // Two fingers pinch: captured on the container so they are counted before Konva sees the press.
  useEffect(() => {
    const el = containerRef.current
    if (!el) return
    let pinch: { from: NonNullable<ReturnType<Fingers['pair']>> } | null = null
    const local = (e: PointerEvent) => {
      const bounds = el.getBoundingClientRect()
      return { x: e.clientX - bounds.left, y: e.clientY - bounds.top }
    }
    const down = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return
      fingers.down(e.pointerId, local(e))
      const pair = fingers.pair()
      if (fingers.count === 2 && pair) {
        window.clearTimeout(longPress.current)
        apply(machine.handle({ type: 'cancel' }))
        detach.current?.()
        pinch = { from: pair }
      }
    }
    const move = (e: PointerEvent) => {
      if (!fingers.move(e.pointerId, local(e)) || !pinch) return
      const to = fingers.pair()
      if (!to) return
      setViewport(pinchViewport(useUi.getState().viewport, pinch.from, to))
      pinch.from = to
    }
    const up = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return
      fingers.up(e.pointerId)
      if (fingers.count < 2) pinch = null
    }
    el.addEventListener('pointerdown', down, true)
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
    window.addEventListener('pointercancel', up)
    return () => {
      el.removeEventListener('pointerdown', down, true)
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', up)
    }
  }, [containerRef, fingers, machine, apply])

  // A canvas unmounted mid-gesture leaves no listener or timer behind.
  useEffect(
    () => () => {
      detach.current?.()
      window.clearTimeout(longPress.current)
    },
    [],
  )

  return {
    onPointerDown,
    onPointerMove,
    onDblClick,
    onContextMenu,
    onResize,
    rubberBand,
    dropLine,
    dragSource,
    connectLine,
    grabbing,
    resizeAxis,
  }
}
