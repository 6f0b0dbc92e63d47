/**
 * Every note as a colored block, drawn by one Konva shape: used at the 'block' detail, where a note is
 * a few pixels tall and a node per note would cost more than the drawing (see scene/noteBlocks.ts).
 * It never listens to events; BoardCanvas finds the note under the pointer through the spatial index.
 * Each frame draws only the blocks in view, reading the viewport when it draws, so a pan re-renders
 * nothing in React.
 */
import type Konva from 'konva'
import { memo, type RefObject, useMemo } from 'react'
import { Shape } from 'react-konva'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { useNoteColors } from '../doc/hooks'
import { type BlockDrag, batchBlocks, drawBlocks } from '../scene/noteBlocks'
import { visibleRect } from '../scene/viewport'
import { useUi } from '../state/ui'

interface Props {
  layout: BoardLayout
  /** Notes being dragged at this detail, moved by BoardCanvas (which then redraws the layer). */
  dragRef: RefObject<BlockDrag | null>
}

function NoteBlocksImpl({ layout, dragRef }: Props) {
  const colors = useNoteColors()
  const batches = useMemo(
    () => batchBlocks(layout.notes.values(), (id) => colors.get(id) ?? 'yellow'),
    [layout, colors],
  )
  const sceneFunc = useMemo(
    () => (context: Konva.Context) => {
      const { viewport, canvasSize } = useUi.getState()
      // The raw 2D context: Konva's wrapper adds a call per fillRect that 20,000 blocks would notice.
      drawBlocks(context._context, batches, visibleRect(viewport, canvasSize), dragRef.current)
    },
    [batches, dragRef],
  )
  return <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
}

export const NoteBlocks = memo(NoteBlocksImpl)
