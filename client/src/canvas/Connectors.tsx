// Connectors, over the notes they join (the last group of the notes' layer: one canvas fewer to
// composite each frame): their routes follow the layout, so a moved note's arrows move
// with it; the selected ones are drawn in the selection color. One Konva shape paints every arrow in view
// with the scene painter (the PNG export's), instead of a node or two per arrow: a thousand arrows as
// nodes cost a pan ~35 ms a frame in Konva's per-node work, and the painter draws them in a few. Arrows
// are culled by their bounds each frame; labels are left out where text is too small to read. Never
// listens to events (gestures/hitAt.ts finds an arrow under the pointer).
import type Konva from 'konva'
import { memo, useMemo, useRef } from 'react'
import { Group, Shape } from 'react-konva'
import { type Point, type Rect, rectsIntersect } from '../../../shared/src/layout/geometry'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { CONNECTOR_STYLE, SELECTED_INK } from '../../../shared/src/scene/connectorItems'
import { connectorSceneItems } from '../../../shared/src/scene/contentItems'
import type { PrimitiveItem, SceneItem } from '../../../shared/src/scene/items'
import { primitivesOf } from '../../../shared/src/scene/primitives'
import { useBoardAnatomy } from '../doc/hooks'
import { CanvasPainter } from '../export/canvasPainter'
import { useUi } from '../state/ui'
import { visibleRect } from '../view/viewport'
import { isTakingBitmap, useStillBitmap } from './useStillBitmap'

interface Drawn {
  bounds: Rect
  /** The arrow's route, for the plain lines drawn where the board is too small for heads and labels. */
  points: readonly Point[]
  selected: boolean
  /** The arrow's line and head. */
  shapes: readonly PrimitiveItem[]
  /** Its label, if any. */
  labels: readonly PrimitiveItem[]
}

const EVERYWHERE: Rect = { x: -1e9, y: -1e9, w: 2e9, h: 2e9 }

/** Room around an arrow's points for its head and line width (board units). */
const BOUNDS_PAD = 16

function boundsOf(item: SceneItem): Rect | null {
  if (item.kind === 'arrow' || item.kind === 'path') {
    const points = item.kind === 'arrow' ? item.points : []
    if (points.length === 0) return null
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
    for (const p of points) {
      x0 = Math.min(x0, p.x)
      y0 = Math.min(y0, p.y)
      x1 = Math.max(x1, p.x)
      y1 = Math.max(y1, p.y)
    }
    return {
      x: x0 - BOUNDS_PAD,
      y: y0 - BOUNDS_PAD,
      w: x1 - x0 + 2 * BOUNDS_PAD,
      h: y1 - y0 + 2 * BOUNDS_PAD,
    }
  }
  return 'w' in item ? { x: item.x, y: item.y, w: item.w, h: item.h } : null
}

const union = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y }
}

/** The scene's connector items grouped per connector, with their bounds and primitives, built once. */
function drawnConnectors(items: readonly SceneItem[]): Drawn[] {
  const byRecord = new Map<string, Drawn>()
  for (const item of items) {
    const key = item.record ?? ''
    const bounds = boundsOf(item)
    const primitives = primitivesOf(item)
    const label = item.kind === 'badge' || item.kind === 'text'
    const drawn = byRecord.get(key)
    if (!drawn) {
      byRecord.set(key, {
        bounds: bounds ?? { x: 0, y: 0, w: 0, h: 0 },
        points: item.kind === 'arrow' ? item.points : [],
        selected: item.kind === 'arrow' && item.stroke.color === SELECTED_INK,
        shapes: label ? [] : primitives,
        labels: label ? primitives : [],
      })
      continue
    }
    if (bounds) drawn.bounds = union(drawn.bounds, bounds)
    if (label) drawn.labels = [...drawn.labels, ...primitives]
    else drawn.shapes = [...drawn.shapes, ...primitives]
  }
  return [...byRecord.values()]
}

function paint(painter: CanvasPainter, primitive: PrimitiveItem): void {
  if (primitive.kind === 'rect') painter.rect(primitive)
  else if (primitive.kind === 'text') painter.text(primitive)
  else painter.path(primitive)
}

/**
 * Where text is too small to read, heads and labels would be specks: every arrow in view is one line of
 * one path (the selected ones another), stroked once, a hairline of at least one screen pixel.
 */
function drawPlainLines(
  ctx: CanvasRenderingContext2D,
  drawn: readonly Drawn[],
  view: Rect,
  scale: number,
): void {
  for (const selected of [false, true]) {
    ctx.beginPath()
    let any = false
    for (const connector of drawn) {
      if (connector.selected !== selected || !rectsIntersect(connector.bounds, view)) continue
      const [first, ...rest] = connector.points
      if (!first) continue
      ctx.moveTo(first.x, first.y)
      for (const p of rest) ctx.lineTo(p.x, p.y)
      any = true
    }
    if (!any) continue
    ctx.strokeStyle = selected ? SELECTED_INK : CONNECTOR_STYLE.color
    ctx.lineWidth = Math.max(CONNECTOR_STYLE.widthPx, (selected ? 2 : 1) / scale)
    ctx.stroke()
  }
}

function ConnectorsImpl({ layout, showText }: { layout: BoardLayout; showText: boolean }) {
  const { connectors } = useBoardAnatomy()
  const selection = useUi((s) => s.selection)
  const drawn = useMemo(
    () => drawnConnectors(connectorSceneItems(connectors, layout, selection)),
    [connectors, layout, selection],
  )
  const group = useRef<Konva.Group>(null)
  const sceneFunc = useMemo(
    () => (context: Konva.Context) => {
      const { viewport, canvasSize } = useUi.getState()
      // Taking the still bitmap (useStillBitmap) draws every arrow; the screen only those in view.
      const view = isTakingBitmap() ? EVERYWHERE : visibleRect(viewport, canvasSize)
      if (!showText) {
        drawPlainLines(context._context, drawn, view, viewport.scale)
        return
      }
      const painter = new CanvasPainter(context._context)
      for (const connector of drawn) {
        if (!rectsIntersect(connector.bounds, view)) continue
        for (const primitive of connector.shapes) paint(painter, primitive)
        if (showText) for (const primitive of connector.labels) paint(painter, primitive)
      }
    },
    [drawn, showText],
  )
  const extent = useMemo(
    () => (drawn.length === 0 ? null : drawn.map((c) => c.bounds).reduce(union)),
    [drawn],
  )
  useStillBitmap(group, sceneFunc, extent)
  return (
    <Group ref={group} listening={false} visible={drawn.length > 0}>
      <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
    </Group>
  )
}

export const Connectors = memo(ConnectorsImpl)
