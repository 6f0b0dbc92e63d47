// The static grid: the scene's grid items (board, cells, headers, the Unsorted row) and, on the same
// layer, what content lanes draw (emotion curves, chips, metrics, text blocks, pinned persona cards).
// One layer, not two: without a GPU each visible canvas costs every frame, and both change rarely.
// Never listens to events; hides text where it would be too small to read. Drawn from a bitmap of itself
// while the view moves (useStillBitmap.ts).
import type Konva from 'konva'
import { memo, useMemo, useRef } from 'react'
import { Group, Layer } from 'react-konva'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { buildGridScene } from '../../../shared/src/scene/buildScene'
import { laneContentItems } from '../../../shared/src/scene/contentItems'
import { personaCardItems, pinnedCards } from '../../../shared/src/scene/personaCards'
import { useBoardAnatomy } from '../doc/hooks'
import { HEADER_TEXT_MIN_SCALE } from '../view/levelOfDetail'
import { SceneItemNode } from './SceneItemNode'
import { useStillBitmap } from './useStillBitmap'

interface Props {
  layout: BoardLayout
  showText: boolean
}

function GridLayerImpl({ layout, showText }: Props) {
  const anatomy = useBoardAnatomy()
  const { items } = useMemo(() => buildGridScene(layout), [layout])
  const content = useMemo(
    () => [
      ...laneContentItems(anatomy, layout),
      ...pinnedCards(anatomy.personas).flatMap(({ persona, box }) => personaCardItems(persona, box)),
    ],
    [anatomy, layout],
  )
  const shown = (kind: string) => showText || (kind !== 'text' && kind !== 'badge')
  const group = useRef<Konva.Group>(null)
  useStillBitmap(
    group,
    useMemo(() => ({ items, content, showText }), [items, content, showText]),
  )
  return (
    <Layer listening={false}>
      <Group ref={group}>
        {items.map((item, i) =>
          shown(item.kind) ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole when the layout changes
            <SceneItemNode key={`g${i}`} item={item} />
          ) : null,
        )}
        {content.map((item, i) =>
          shown(item.kind) ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole when content or layout change
            <SceneItemNode key={`c${i}`} item={item} />
          ) : null,
        )}
      </Group>
    </Layer>
  )
}

export const GridLayer = memo(GridLayerImpl)

export const gridShowsText = (scale: number): boolean => scale >= HEADER_TEXT_MIN_SCALE
