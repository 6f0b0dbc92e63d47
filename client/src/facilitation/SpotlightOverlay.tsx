/*
 * The spotlight on everyone's canvas: one overlay that dims the whole board but the spotlit stage's
 * column (and the lane headers, so every row keeps its name), cut out with a clip path, like the
 * presentation's. It moves with the view, takes no pointer events (everyone keeps working), and
 * carries a "Spotlight: Purchase" label over the column.
 */
import { useSyncExternalStore } from 'react'
import { useDocStores } from '../doc/hooks'
import { useUi } from '../state/ui'
import { useSpotlight } from './useFacilitationState'

export function SpotlightOverlay() {
  const stores = useDocStores()
  const layout = useSyncExternalStore(stores.layout.subscribe, stores.layout.getSnapshot)
  const viewport = useUi((s) => s.viewport)
  const stageId = useSpotlight()
  const stage = layout.stages.find((s) => s.id === stageId)
  if (!stage) return null
  const { scale, x, y } = viewport
  const column = { left: stage.x * scale + x, top: y, width: stage.w * scale, height: layout.height * scale }
  const laneTop = (layout.lanes[0]?.y ?? 0) * scale
  const headers = {
    left: x,
    top: y + laneTop,
    width: (layout.stages[0]?.x ?? 0) * scale,
    height: column.height - laneTop,
  }
  const box = (b: { left: number; top: number; width: number; height: number }) =>
    `M${b.left} ${b.top}H${b.left + b.width}V${b.top + b.height}H${b.left}Z`
  const path = [box({ left: -1e5, top: -1e5, width: 3e5, height: 3e5 }), box(column), box(headers)].join('')
  return (
    <div className="spotlight" data-spotlight={stage.id}>
      <div className="spotlight__dim" style={{ clipPath: `path(evenodd, '${path}')` }} />
      <div className="spotlight__frame" style={column} />
      <div
        className="spotlight__label"
        style={{ left: column.left + column.width / 2, top: Math.max(8, column.top - 34) }}
      >
        Spotlight: {stage.title}
      </div>
    </div>
  )
}
