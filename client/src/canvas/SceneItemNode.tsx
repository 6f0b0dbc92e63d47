/*
 * A scene item as Konva nodes: the one place that knows which Konva shape draws which kind of item
 * (shared/src/scene/items.ts). Rects, texts and paths map to a Rect, a Text and a Shape; arrows, icons
 * and badges are drawn as the primitives shared/scene/primitives.ts makes of them, as every painter
 * draws them. Text is broken into lines here, with the canvas's own measure (canvasTextLines).
 */
import type Konva from 'konva'
import { useMemo } from 'react'
import { Rect, Shape, Text } from 'react-konva'
import type { PathItem, RectItem, SceneItem, TextItem } from '../../../shared/src/scene/items'
import { BOARD_INK } from '../../../shared/src/scene/palette'
import { primitivesOf } from '../../../shared/src/scene/primitives'
import { canvasTextLines, konvaFontStyle } from './canvasTextLines'

const cornerRadius = (radius: RectItem['radius']) =>
  radius === undefined || typeof radius === 'number' ? radius : [...radius]

function RectNode({ item }: { item: RectItem }) {
  const { shadow } = item
  // A blur of 0 is a flat offset copy beneath: nearly free, where a blurred shadow costs every frame.
  const flat = shadow?.blur === 0
  const radius = cornerRadius(item.radius)
  const rect = (
    <Rect
      x={item.x}
      y={item.y}
      width={item.w}
      height={item.h}
      fill={item.fill}
      stroke={item.stroke?.color}
      strokeWidth={item.stroke?.width}
      dash={item.stroke?.dash ? [...item.stroke.dash] : undefined}
      cornerRadius={radius}
      opacity={item.opacity}
      shadowEnabled={shadow !== undefined && !flat}
      shadowColor={flat ? undefined : shadow?.color}
      shadowOpacity={flat ? undefined : shadow?.opacity}
      shadowBlur={flat ? undefined : shadow?.blur}
      shadowOffsetX={flat ? undefined : shadow?.offsetX}
      shadowOffsetY={flat ? undefined : shadow?.offsetY}
      shadowForStrokeEnabled={false}
      perfectDrawEnabled={false}
    />
  )
  if (!shadow || !flat) return rect
  return (
    <>
      <Rect
        x={item.x + shadow.offsetX}
        y={item.y + shadow.offsetY}
        width={item.w}
        height={item.h}
        fill={shadow.color}
        opacity={shadow.opacity}
        cornerRadius={radius}
        listening={false}
        perfectDrawEnabled={false}
      />
      {rect}
    </>
  )
}

function TextNode({ item }: { item: TextItem }) {
  const { text, w, h, fontSize, fontWeight, lineHeight, letterSpacing, wrap, ellipsis } = item
  // The item object is new whenever its owner re-renders; its lines change only with these fields.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the fields are all canvasTextLines reads
  const lines = useMemo(
    () => canvasTextLines(item),
    [text, w, h, fontSize, fontWeight, lineHeight, letterSpacing, wrap, ellipsis],
  )
  return (
    <Text
      x={item.x}
      y={item.y}
      width={w}
      height={h}
      text={lines}
      fill={item.color}
      opacity={item.opacity}
      fontFamily={BOARD_INK.font}
      fontStyle={konvaFontStyle(fontWeight)}
      fontSize={fontSize}
      lineHeight={lineHeight}
      letterSpacing={letterSpacing}
      align={item.align}
      verticalAlign={item.verticalAlign}
      wrap="none"
      listening={false}
      perfectDrawEnabled={false}
    />
  )
}

function PathNode({ item }: { item: PathItem }) {
  const { commands } = item
  const sceneFunc = useMemo(
    () => (context: Konva.Context, shape: Konva.Shape) => {
      context.beginPath()
      for (const c of commands) {
        if (c[0] === 'M') context.moveTo(c[1], c[2])
        else if (c[0] === 'L') context.lineTo(c[1], c[2])
        else if (c[0] === 'C') context.bezierCurveTo(c[1], c[2], c[3], c[4], c[5], c[6])
        else context.closePath()
      }
      context.fillStrokeShape(shape)
    },
    [commands],
  )
  return (
    <Shape
      sceneFunc={sceneFunc}
      fill={item.fill}
      stroke={item.stroke?.color}
      strokeWidth={item.stroke?.width}
      dash={item.stroke?.dash ? [...item.stroke.dash] : undefined}
      lineCap={item.lineCap}
      lineJoin={item.lineJoin}
      opacity={item.opacity}
      listening={false}
      perfectDrawEnabled={false}
    />
  )
}

export function SceneItemNode({ item }: { item: SceneItem }) {
  switch (item.kind) {
    case 'rect':
      return <RectNode item={item} />
    case 'text':
      return <TextNode item={item} />
    case 'path':
      return <PathNode item={item} />
    default:
      return primitivesOf(item).map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an item's primitives are a fixed list
        <SceneItemNode key={i} item={p} />
      ))
  }
}
