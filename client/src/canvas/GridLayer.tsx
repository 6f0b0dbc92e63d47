// The static grid: the scene's grid items (board, cells, headers, the Unsorted row). Never listens to
// events; redraws when the layout changes, and hides header text where it would be too small to read.
import { memo, useMemo } from 'react'
import { Layer } from 'react-konva'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { buildGridScene } from '../../../shared/src/scene/buildScene'
import { HEADER_TEXT_MIN_SCALE } from '../view/levelOfDetail'
import { SceneItemNode } from './SceneItemNode'

interface Props {
  layout: BoardLayout
  showText: boolean
}

function GridLayerImpl({ layout, showText }: Props) {
  const { items } = useMemo(() => buildGridScene(layout), [layout])
  return (
    <Layer listening={false}>
      {items.map((item, i) =>
        showText || item.kind !== 'text' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole when the layout changes
          <SceneItemNode key={i} item={item} />
        ) : null,
      )}
    </Layer>
  )
}

export const GridLayer = memo(GridLayerImpl)

export const gridShowsText = (scale: number): boolean => scale >= HEADER_TEXT_MIN_SCALE
