// The content lanes' drawing (emotion curves, channel chips, metrics, text blocks, the line of
// visibility) from the shared scene builders, over the grid and under the notes. Never listens to
// events: presses in content lanes are read from the layout (gestures/hitAt.ts).
import { memo, useMemo } from 'react'
import { Layer } from 'react-konva'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { laneContentItems } from '../../../shared/src/scene/contentItems'
import { personaCardItems, pinnedCards } from '../../../shared/src/scene/personaCards'
import { useBoardAnatomy } from '../doc/hooks'
import { SceneItemNode } from './SceneItemNode'

function ContentLayerImpl({ layout, showText }: { layout: BoardLayout; showText: boolean }) {
  const anatomy = useBoardAnatomy()
  const items = useMemo(
    () => [
      ...laneContentItems(anatomy, layout),
      ...pinnedCards(anatomy.personas).flatMap(({ persona, box }) => personaCardItems(persona, box)),
    ],
    [anatomy, layout],
  )
  return (
    <Layer listening={false}>
      {items.map((item, i) =>
        showText || (item.kind !== 'text' && item.kind !== 'badge') ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole when content or layout change
          <SceneItemNode key={i} item={item} />
        ) : null,
      )}
    </Layer>
  )
}

export const ContentLayer = memo(ContentLayerImpl)
