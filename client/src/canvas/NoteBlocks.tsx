/*
 * Every note as a colored block, drawn by one Konva shape: used at the 'block' detail, where a note is
 * a few pixels tall and a node per note would cost more than the drawing (see view/noteBlocks.ts).
 * It never listens to events; BoardCanvas finds the note under the pointer through the spatial index.
 * Each frame draws only the blocks in view, reading the viewport when it draws, so a pan re-renders
 * nothing in React.
 */
import type Konva from 'konva'
import { memo, useMemo } from 'react'
import { Shape } from 'react-konva'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { useFilterMatches, useNoteColors } from '../doc/hooks'
import type { NoteDrag } from '../state/noteDrag'
import { useUi } from '../state/ui'
import { type BlockBatch, batchBlocks, drawBlocks } from '../view/noteBlocks'
import { visibleRect } from '../view/viewport'
import type { NotesBitmap } from './notesBitmap'

interface Props {
  layout: BoardLayout
  /** The notes being dragged are left out here: the drag layer draws them. */
  drag: NoteDrag
}

/** The layout's note boxes grouped by fill, recomputed when the layout or a color changes. */
export function useBlockBatches(layout: BoardLayout): BlockBatch[] {
  const colors = useNoteColors()
  return useMemo(
    () => batchBlocks(layout.notes.values(), (id) => colors.get(id) ?? 'yellow'),
    [layout, colors],
  )
}

function NoteBlocksImpl({ layout, drag }: Props) {
  const batches = useBlockBatches(layout)
  const matches = useFilterMatches()
  const sceneFunc = useMemo(
    () => (context: Konva.Context) => {
      const { viewport, canvasSize } = useUi.getState()
      // The raw 2D context: Konva's wrapper adds a call per fillRect that 20,000 blocks would notice.
      drawBlocks(context._context, batches, visibleRect(viewport, canvasSize), drag.getIds(), matches)
    },
    [batches, drag, matches],
  )
  return <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
}

export const NoteBlocks = memo(NoteBlocksImpl)

/**
 * The notes layer's bitmap while the view moves (notesBitmap.ts), with plain blocks for the notes
 * beyond it. Draws nothing when there is no bitmap.
 */
function BitmapShapeImpl({ layout, bitmap }: { layout: BoardLayout; bitmap: NotesBitmap }) {
  const batches = useBlockBatches(layout)
  const matches = useFilterMatches()
  const sceneFunc = useMemo(
    () => (context: Konva.Context) => {
      const image = bitmap.shown
      if (!image) return
      const { viewport, canvasSize } = useUi.getState()
      const view = visibleRect(viewport, canvasSize)
      const ctx = context._context
      const { x, y, w, h } = image.rect
      if (view.x < x || view.y < y || view.x + view.w > x + w || view.y + view.h > y + h) {
        ctx.save()
        ctx.beginPath()
        ctx.rect(view.x, view.y, view.w, view.h)
        ctx.rect(x, y, w, h)
        ctx.clip('evenodd')
        drawBlocks(ctx, batches, view, null, matches)
        ctx.restore()
      }
      ctx.drawImage(image.canvas, x, y, w, h)
    },
    [batches, bitmap, matches],
  )
  return <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
}

export const NotesBitmapShape = memo(BitmapShapeImpl)
