/**
 * The notes that are on screen. It re-renders only when the layout changes or the view crosses a
 * culling step (see scene/culling.ts) — not on every pixel of a pan — and queries the spatial index
 * so a 10,000-note board mounts only the few hundred notes in view.
 */
import type Konva from 'konva'
import type { KonvaEventObject } from 'konva/lib/Node'
import { memo, type RefObject } from 'react'
import { Layer } from 'react-konva'
import { NOTE_SIZE } from '../../../shared/src/board/limits'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { cullKey, parseCullKey } from '../scene/culling'
import { noteDetail } from '../scene/levelOfDetail'
import { noteIndex } from '../scene/noteIndex'
import { useUi } from '../state/ui'
import { NoteNode } from './NoteNode'

type Handler = (event: KonvaEventObject<MouseEvent>) => void
type DragHandler = (event: KonvaEventObject<DragEvent>) => void

interface Props {
  layout: BoardLayout
  readOnly: boolean
  layerRef: RefObject<Konva.Layer | null>
  onClick: Handler
  onDblClick: Handler
  onDragStart: DragHandler
  onDragMove: DragHandler
  onDragEnd: DragHandler
}

function NotesLayerImpl({ layout, readOnly, layerRef, ...handlers }: Props) {
  const key = useUi((s) => cullKey(s.viewport, s.canvasSize))
  const detail = useUi((s) => noteDetail(NOTE_SIZE.defaultH, s.viewport.scale))
  const editingNoteId = useUi((s) => s.editingNoteId)
  const ids = noteIndex(layout).query(parseCullKey(key))
  return (
    <Layer ref={layerRef} onClick={handlers.onClick} onDblClick={handlers.onDblClick}>
      {ids.map((id) => {
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
            onDragStart={handlers.onDragStart}
            onDragMove={handlers.onDragMove}
            onDragEnd={handlers.onDragEnd}
          />
        )
      })}
    </Layer>
  )
}

export const NotesLayer = memo(NotesLayerImpl)
