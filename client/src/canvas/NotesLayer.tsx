/**
 * The notes that are on screen. At the 'block' detail (notes a few pixels tall) one shape draws them
 * all (NoteBlocks). Otherwise each note in view is a NoteNode: the list re-renders only when the layout
 * changes or the view crosses a culling step (see scene/culling.ts) — not on every pixel of a pan —
 * and comes from the spatial index, so a 10,000-note board mounts only the few hundred notes in view.
 */
import type Konva from 'konva'
import type { KonvaEventObject } from 'konva/lib/Node'
import { memo, type RefObject } from 'react'
import { Layer } from 'react-konva'
import { NOTE_SIZE } from '../../../shared/src/board/limits'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { cullKey, parseCullKey } from '../scene/culling'
import { noteDetail } from '../scene/levelOfDetail'
import type { BlockDrag } from '../scene/noteBlocks'
import { noteIndex } from '../scene/noteIndex'
import { useUi } from '../state/ui'
import { NoteBlocks } from './NoteBlocks'
import { NoteNode } from './NoteNode'

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
  onClick: Handler
  onDblClick: Handler
}

function NotesLayerImpl({ layout, readOnly, layerRef, blockDragRef, onClick, onDblClick, ...drag }: Props) {
  const blocks = useUi((s) => noteDetail(NOTE_SIZE.defaultH, s.viewport.scale) === 'block')
  return (
    <Layer ref={layerRef} onClick={onClick} onDblClick={onDblClick}>
      {blocks ? (
        <NoteBlocks layout={layout} dragRef={blockDragRef} />
      ) : (
        <CulledNotes layout={layout} readOnly={readOnly} {...drag} />
      )}
    </Layer>
  )
}

function CulledNotes({
  layout,
  readOnly,
  ...drag
}: DragHandlers & { layout: BoardLayout; readOnly: boolean }) {
  const key = useUi((s) => cullKey(s.viewport, s.canvasSize))
  const detail = useUi((s) => noteDetail(NOTE_SIZE.defaultH, s.viewport.scale))
  const editingNoteId = useUi((s) => s.editingNoteId)
  const ids = noteIndex(layout).query(parseCullKey(key))
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
