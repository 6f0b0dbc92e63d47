/*
 * The notes that are on screen. At the 'block' detail (notes a few pixels tall) one shape draws them
 * all (NoteBlocks). Otherwise each note in view is a NoteNode: the list re-renders only when the layout
 * changes, the view crosses a culling step (see view/culling.ts) or a drag starts or ends — not on
 * every pixel of a pan or a drag — and comes from the spatial index, so a 10,000-note board mounts only
 * the few hundred notes in view. Notes being dragged are left out: the drag layer draws them.
 *
 * The layer never listens to events: the gesture adapter finds the note under the pointer from the
 * layout (gestures/hitAt.ts), so Konva never draws a hit canvas for the notes.
 */
import type Konva from 'konva'
import { memo, type RefObject, useEffect, useSyncExternalStore } from 'react'
import { Group, Layer } from 'react-konva'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { useFilterMatches } from '../doc/hooks'
import type { NoteDrag } from '../state/noteDrag'
import { useUi } from '../state/ui'
import { parseCullKey } from '../view/culling'
import { isDimmed } from '../view/noteFilter'
import { noteIndex } from '../view/noteIndex'
import { Connectors } from './Connectors'
import { NoteBlocks, NotesBitmapShape } from './NoteBlocks'
import { NoteNode } from './NoteNode'
import type { NotesBitmap } from './notesBitmap'
import { useDrawnView, useDrawsBlocks } from './useDrawnView'

interface Props {
  layout: BoardLayout
  /** Text is big enough to read (arrows' labels are drawn). */
  showText: boolean
  layerRef: RefObject<Konva.Layer | null>
  bitmap: NotesBitmap
  drag: NoteDrag
}

function NotesLayerImpl({ layout, showText, layerRef, bitmap, drag }: Props) {
  const blocks = useDrawsBlocks(bitmap)
  // The blocks read the dragged notes when they draw; nothing re-renders them when a drag starts or ends.
  useEffect(() => drag.subscribe(() => layerRef.current?.batchDraw()), [drag, layerRef])
  return (
    <Layer ref={layerRef} listening={false}>
      {blocks ? (
        <NoteBlocks layout={layout} drag={drag} />
      ) : (
        <>
          <Group ref={bitmap.bindLive}>
            <CulledNotes layout={layout} bitmap={bitmap} drag={drag} />
          </Group>
          <NotesBitmapShape layout={layout} bitmap={bitmap} />
        </>
      )}
      <Connectors layout={layout} showText={showText} />
    </Layer>
  )
}

/** Culled to the view the bitmap says the nodes are drawn for, so a gesture re-renders nothing here. */
function CulledNotes({ layout, bitmap, drag }: { layout: BoardLayout; bitmap: NotesBitmap; drag: NoteDrag }) {
  const { key, detail } = useDrawnView(bitmap)
  const dragged = useSyncExternalStore(drag.subscribe, drag.getIds)
  const editingNoteId = useUi((s) => s.editingNoteId)
  const matches = useFilterMatches()
  const ids = noteIndex(layout).query(parseCullKey(key))
  return ids.map((id) => {
    const box = layout.notes.get(id)
    if (!box || dragged?.has(id)) return null
    return (
      <NoteNode
        key={id}
        id={id}
        x={box.x}
        y={box.y}
        w={box.w}
        h={box.h}
        detail={detail}
        editing={editingNoteId === id}
        dimmed={isDimmed(matches, id)}
      />
    )
  })
}

export const NotesLayer = memo(NotesLayerImpl)
