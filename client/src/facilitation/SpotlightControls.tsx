/* The Facilitate panel's spotlight: pick the stage everyone's view dims around, or none. */
import { useSyncExternalStore } from 'react'
import type { StageId } from '../../../shared/src/board/ids'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { useDocStores } from '../doc/hooks'
import { useSpotlight } from './useFacilitationState'

export function SpotlightControls() {
  const { commands } = useBoardSession()
  const stores = useDocStores()
  const layout = useSyncExternalStore(stores.layout.subscribe, stores.layout.getSnapshot)
  const spotlight = useSpotlight()
  return (
    <section className="facilitate__section" aria-labelledby="facilitate-spotlight">
      <h3 id="facilitate-spotlight">Spotlight</h3>
      <div className="facilitate__row">
        <label htmlFor="facilitate-spotlight-stage">Stage</label>
        <select
          id="facilitate-spotlight-stage"
          value={spotlight ?? ''}
          onChange={(e) =>
            runCommand('spotlight.set', commands, {
              facilitation: { stageId: e.target.value === '' ? null : (e.target.value as StageId) },
            })
          }
        >
          <option value="">None</option>
          {layout.stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.title}
            </option>
          ))}
        </select>
      </div>
    </section>
  )
}
