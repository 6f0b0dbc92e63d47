/* Selection outlines, the rubber band and the resize handles: drawn above the notes, apart from them. */
import type Konva from 'konva'
import { type RefObject, useEffect, useRef } from 'react'
import { Arrow, Layer, Rect, Transformer } from 'react-konva'
import { NOTE_SIZE } from '../../../shared/src/board/limits'
import type { Rect as BoardRect } from '../../../shared/src/layout/geometry'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { selectedNoteIds, useUi } from '../state/ui'

const SELECTION_INK = '#2563eb'

interface Props {
  layout: BoardLayout
  notesLayerRef: RefObject<Konva.Layer | null>
  rubberBand: BoardRect | null
  /** Where a dragged stage or lane header would go: a line between two headers (w or h is 0). */
  dropLine: BoardRect | null
  /** The column or row of the header being dragged. */
  dragSource: BoardRect | null
  /** Outlines are hidden while notes are dragged (they would lag behind). */
  dragging: boolean
  readOnly: boolean
  /** The transformer let go of a note, resized by these factors of its current size. */
  onResize: (id: string, scaleX: number, scaleY: number) => void
  /** A connector being drawn: a dashed arrow from its note to the pointer. */
  connectLine?: { from: { x: number; y: number }; to: { x: number; y: number } } | null
}

export function InteractionLayer({
  layout,
  notesLayerRef,
  rubberBand,
  dropLine,
  dragSource,
  dragging,
  readOnly,
  onResize,
  connectLine = null,
}: Props) {
  const selection = useUi((s) => s.selection)
  const notes = selectedNoteIds(selection)
  const scale = useUi((s) => s.viewport.scale)
  const editing = useUi((s) => s.editingNoteId)
  const transformerRef = useRef<Konva.Transformer>(null)
  // The handles show for one selected note, and only when nothing else is selected with it.
  const single = selection.size === 1 && notes.length === 1 && !readOnly && !dragging ? notes[0] : undefined
  const singleBox = single ? layout.notes.get(single) : undefined

  // Attach the transformer to the selected note's node (found by id in the notes layer). It re-attaches
  // when the box changes, because react-konva may have remounted the node at its new place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the box fields are triggers, not inputs
  useEffect(() => {
    const transformer = transformerRef.current
    if (!transformer) return
    const node = single
      ? notesLayerRef.current?.findOne((n: Konva.Node) => n.id() === single && n.name() === 'note')
      : undefined
    transformer.nodes(node ? [node] : [])
    transformer.getLayer()?.batchDraw()
  }, [single, notesLayerRef, singleBox?.x, singleBox?.y, singleBox?.w, singleBox?.h])

  const stroke = 2 / scale
  const outlinesShown = !dragging && notes.length > 0
  const transformerShown = Boolean(single) && editing === null
  const empty = !outlinesShown && !rubberBand && !dragSource && !dropLine && !transformerShown && !connectLine
  return (
    // EMPTY_LAYER_HIDDEN: without a GPU, Chromium hands every visible canvas to the compositor again
    // on each frame that changes anything (~0.5 ms each, every remote cursor move); a hidden one it skips.
    <Layer visible={!empty}>
      {connectLine && (
        <Arrow
          points={[connectLine.from.x, connectLine.from.y, connectLine.to.x, connectLine.to.y]}
          stroke={SELECTION_INK}
          fill={SELECTION_INK}
          strokeWidth={stroke}
          dash={[8 / scale, 6 / scale]}
          pointerLength={12 / scale}
          pointerWidth={10 / scale}
          listening={false}
        />
      )}
      {outlinesShown &&
        notes.map((id) => {
          const box = layout.notes.get(id)
          if (!box) return null
          const pad = 3 / scale
          return (
            <Rect
              key={id}
              x={box.x - pad}
              y={box.y - pad}
              width={box.w + 2 * pad}
              height={box.h + 2 * pad}
              stroke={SELECTION_INK}
              strokeWidth={stroke}
              cornerRadius={10}
              listening={false}
              perfectDrawEnabled={false}
            />
          )
        })}
      {rubberBand && <DashedBox box={rubberBand} scale={scale} />}
      {dragSource && <DashedBox box={dragSource} scale={scale} />}
      {dropLine && (
        <Rect
          x={dropLine.x - (dropLine.w === 0 ? 2 / scale : 0)}
          y={dropLine.y - (dropLine.h === 0 ? 2 / scale : 0)}
          width={dropLine.w === 0 ? 4 / scale : dropLine.w}
          height={dropLine.h === 0 ? 4 / scale : dropLine.h}
          fill={SELECTION_INK}
          cornerRadius={2 / scale}
          listening={false}
        />
      )}
      <Transformer
        ref={transformerRef}
        visible={transformerShown}
        rotateEnabled={false}
        flipEnabled={false}
        keepRatio={false}
        borderEnabled={false}
        enabledAnchors={['middle-right', 'bottom-center', 'bottom-right']}
        anchorSize={10}
        anchorCornerRadius={5}
        anchorStroke={SELECTION_INK}
        anchorFill="#ffffff"
        ignoreStroke
        boundBoxFunc={(oldBox, newBox) => {
          const minW = NOTE_SIZE.minW * scale
          const minH = NOTE_SIZE.minH * scale
          const maxW = NOTE_SIZE.maxW * scale
          const maxH = NOTE_SIZE.maxH * scale
          if (newBox.width < minW || newBox.height < minH || newBox.width > maxW || newBox.height > maxH)
            return oldBox
          return newBox
        }}
        onTransformEnd={(event) => {
          const node = event.target
          const { x, y } = node.scale()
          node.scale({ x: 1, y: 1 })
          onResize(node.id(), x, y)
        }}
      />
    </Layer>
  )
}

/** The rubber band and the cell a drag started from: the same dashed, lightly filled box. */
function DashedBox({ box, scale }: { box: BoardRect; scale: number }) {
  return (
    <Rect
      x={box.x}
      y={box.y}
      width={box.w}
      height={box.h}
      fill="rgba(37, 99, 235, 0.08)"
      stroke={SELECTION_INK}
      strokeWidth={1 / scale}
      dash={[6 / scale, 4 / scale]}
      listening={false}
    />
  )
}
