/*
 * The notes that are on screen. At the 'block' detail (notes a few pixels tall) one shape draws them
 * all (NoteBlocks). Otherwise each note in view is a NoteNode: the list re-renders only when the layout
 * changes or the view crosses a culling step (see scene/culling.ts) — not on every pixel of a pan —
 * and comes from the spatial index, so a 10,000-note board mounts only the few hundred notes in view.
 */
import type Konva from 'konva'
import type { KonvaEventObject } from 'konva/lib/Node'
import { memo, type RefObject, useLayoutEffect, useSyncExternalStore } from 'react'
import { Group, Layer } from 'react-konva'
import { NOTE_SIZE } from '../../../shared/src/board/limits'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { cullKey, parseCullKey } from '../scene/culling'
import { noteDetail } from '../scene/levelOfDetail'
import type { BlockDrag } from '../scene/noteBlocks'
import { noteIndex } from '../scene/noteIndex'
import { useUi } from '../state/ui'
import { NoteBlocks, NotesBitmapShape } from './NoteBlocks'
import { NoteNode } from './NoteNode'
import type { NotesBitmap } from './notesBitmap'

type Handler = (event: KonvaEventObject<MouseEvent>) => void
type DragHandler = (event: KonvaEventObject<DragEvent>) => void

interface DragHandlers {
  onDragStart: DragHandler
  onDragMove: DragHandler
  onDragEnd: DragHandler
}

interface Props extends DragHandlers {
  layout: BoardLayout
  readOnly: boolean
  layerRef: RefObject<Konva.Layer | null>
  blockDragRef: RefObject<BlockDrag | null>
  bitmap: NotesBitmap
  onClick: Handler
  onDblClick: Handler
}

function NotesLayerImpl({
  layout,
  readOnly,
  layerRef,
  blockDragRef,
  bitmap,
  onClick,
  onDblClick,
  ...drag
}: Props) {
  const blocks = useSyncExternalStore(
    bitmap.subscribe,
    () => noteDetail(NOTE_SIZE.defaultH, bitmap.getDrawnView().scale) === 'block',
  )
  return (
    <Layer ref={layerRef} onClick={onClick} onDblClick={onDblClick}>
      {blocks ? (
        <NoteBlocks layout={layout} dragRef={blockDragRef} />
      ) : (
        <>
          <Group ref={bitmap.bindLive}>
            <CulledNotes layout={layout} readOnly={readOnly} bitmap={bitmap} layerRef={layerRef} {...drag} />
          </Group>
          <NotesBitmapShape layout={layout} bitmap={bitmap} />
        </>
      )}
    </Layer>
  )
}

interface CulledProps extends DragHandlers {
  layout: BoardLayout
  readOnly: boolean
  bitmap: NotesBitmap
  layerRef: RefObject<Konva.Layer | null>
}

/** Culled to the view the bitmap's owner says the nodes are drawn for, so a gesture re-renders nothing here. */
function CulledNotes({ layout, readOnly, bitmap, layerRef, ...drag }: CulledProps) {
  const size = useUi((s) => s.canvasSize)
  const key = useSyncExternalStore(bitmap.subscribe, () => cullKey(bitmap.getDrawnView(), size))
  const detail = useSyncExternalStore(bitmap.subscribe, () =>
    noteDetail(NOTE_SIZE.defaultH, bitmap.getDrawnView().scale),
  )
  const editingNoteId = useUi((s) => s.editingNoteId)
  const ids = noteIndex(layout).query(parseCullKey(key))
  // After every commit of the culled notes: a press that settled the view looks up the hit canvas
  // right after it (notesBitmap.ts).
  useLayoutEffect(() => {
    if (bitmap.pressing) layerRef.current?.drawHit()
  })
  return ids.map((id) => {
    const box = layout.notes.get(id)
    if (!box) return null
    return (
      <NoteNode
        key={id}
        id={id}
        x={box.x}
        y={box.y}
        w={box.w}
        h={box.h}
        detail={detail}
        draggable={!readOnly}
        editing={editingNoteId === id}
        {...drag}
      />
    )
  })
}

export const NotesLayer = memo(NotesLayerImpl)
