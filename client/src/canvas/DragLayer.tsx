/*
 * The notes being dragged, on a layer of their own, as Konva's performance guide advises: while they
 * follow the pointer only this layer redraws, never the hundreds of notes left in place. A drag start
 * renders them here once (the notes layer leaves them out); each pointer move then only moves the layer
 * and redraws it. At node detail the dragged notes are cached as one bitmap, so a move draws one image
 * whether one note or 200 are dragged; at block detail they are plain blocks, cheap either way.
 *
 * Only dragged notes inside the culled view are drawn, as on the notes layer: a selection spread over a
 * whole board costs what is on screen. The layer is hidden when no drag is under way (a visible canvas
 * costs every frame without a GPU; see InteractionLayer.tsx).
 */
import type Konva from 'konva'
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import { Group, Layer, Shape } from 'react-konva'
import type { NoteId } from '../../../shared/src/board/ids'
import { rectsIntersect } from '../../../shared/src/layout/geometry'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { useNoteColors } from '../doc/hooks'
import type { NoteDrag } from '../state/noteDrag'
import { useUi } from '../state/ui'
import { parseCullKey } from '../view/culling'
import { batchBlocks, drawBlocks } from '../view/noteBlocks'
import { visibleRect } from '../view/viewport'
import { NoteNode } from './NoteNode'
import type { NotesBitmap } from './notesBitmap'
import { useDrawnView, useDrawsBlocks } from './useDrawnView'

/** The dragged notes' bitmap is taken at a lower resolution past this many device pixels: memory, not looks. */
const MAX_CACHE_PX = 8_000_000

interface Props {
  layout: BoardLayout
  drag: NoteDrag
  bitmap: NotesBitmap
}

function DragLayerImpl({ layout, drag, bitmap }: Props) {
  const ids = useSyncExternalStore(drag.subscribe, drag.getIds)
  const blocks = useDrawsBlocks(bitmap)
  const layerRef = useRef<Konva.Layer>(null)

  useEffect(() => {
    const follow = () => {
      const layer = layerRef.current
      if (!layer) return
      layer.position(drag.offset)
      layer.batchDraw()
    }
    follow()
    return drag.onMove(follow)
  }, [drag])

  return (
    <Layer ref={layerRef} name="drag-layer" listening={false} visible={ids !== null}>
      {ids &&
        (blocks ? (
          <DraggedBlocks layout={layout} ids={ids} drag={drag} />
        ) : (
          <DraggedNotes layout={layout} ids={ids} bitmap={bitmap} />
        ))}
    </Layer>
  )
}

function DraggedNotes({
  layout,
  ids,
  bitmap,
}: {
  layout: BoardLayout
  ids: ReadonlySet<NoteId>
  bitmap: NotesBitmap
}) {
  const groupRef = useRef<Konva.Group>(null)
  const { key, detail } = useDrawnView(bitmap)
  const view = parseCullKey(key)
  const shown = [...ids].filter((id) => {
    const box = layout.notes.get(id)
    return box !== undefined && rectsIntersect(box, view)
  })

  // One bitmap of every dragged note, at the screen's resolution for the current zoom.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the culling key and detail are triggers, not inputs
  useLayoutEffect(() => {
    const group = groupRef.current
    if (!group || group.getChildren().length === 0) return
    const rect = group.getClientRect({ skipTransform: true })
    const scale = useUi.getState().viewport.scale
    const wanted = (window.devicePixelRatio || 1) * scale
    const area = Math.max(1, rect.width * rect.height * wanted * wanted)
    group.cache({ pixelRatio: wanted * Math.min(1, Math.sqrt(MAX_CACHE_PX / area)) })
    return () => {
      group.clearCache()
    }
  }, [ids, key, detail, layout])

  return (
    <Group ref={groupRef}>
      {shown.map((id) => {
        const box = layout.notes.get(id)!
        return (
          <NoteNode
            key={id}
            id={id}
            x={box.x}
            y={box.y}
            w={box.w}
            h={box.h}
            detail={detail}
            editing={false}
          />
        )
      })}
    </Group>
  )
}

function DraggedBlocks({
  layout,
  ids,
  drag,
}: {
  layout: BoardLayout
  ids: ReadonlySet<NoteId>
  drag: NoteDrag
}) {
  const colors = useNoteColors()
  const batches = useMemo(
    () =>
      batchBlocks(
        [...ids].flatMap((id) => layout.notes.get(id) ?? []),
        (id) => colors.get(id) ?? 'yellow',
      ),
    [ids, layout, colors],
  )
  const sceneFunc = useMemo(
    () => (context: Konva.Context) => {
      const { viewport, canvasSize } = useUi.getState()
      // The layer sits at the drag's offset: the part of the board in view is that far back.
      const view = visibleRect(viewport, canvasSize)
      const { x, y } = drag.offset
      drawBlocks(context._context, batches, { ...view, x: view.x - x, y: view.y - y })
    },
    [batches, drag],
  )
  return <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
}

export const DragLayer = memo(DragLayerImpl)
