// Connectors, over the notes they join: their routes follow the layout, so a moved note's arrows move
// with it. The selected ones are drawn in the selection color. Never listens to events.
import { memo, useMemo } from 'react'
import { Layer } from 'react-konva'
import type { BoardLayout } from '../../../shared/src/layout/grid'
import { connectorSceneItems } from '../../../shared/src/scene/contentItems'
import { useBoardAnatomy } from '../doc/hooks'
import { useUi } from '../state/ui'
import { SceneItemNode } from './SceneItemNode'

function ConnectorsLayerImpl({ layout }: { layout: BoardLayout }) {
  const { connectors } = useBoardAnatomy()
  const selection = useUi((s) => s.selection)
  const items = useMemo(
    () => connectorSceneItems(connectors, layout, selection),
    [connectors, layout, selection],
  )
  if (items.length === 0) return null
  return (
    <Layer listening={false}>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole when it changes
        <SceneItemNode key={i} item={item} />
      ))}
    </Layer>
  )
}

export const ConnectorsLayer = memo(ConnectorsLayerImpl)
