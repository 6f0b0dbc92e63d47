/*
 * The Facilitate panel's summon: "Bring everyone here" moves everyone's view to mine once; "Everyone
 * follow me" keeps them on my view until they break away or I stop it.
 */
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { useIdentity } from '../presence/usePresence'
import { useUi } from '../state/ui'
import { visibleRect } from '../view/viewport'
import { useSummon } from './useFacilitationState'

export function SummonControls() {
  const { commands } = useBoardSession()
  const me = useIdentity()
  const summon = useSummon()
  const leading = summon?.follow === true && summon.byUser === me.id
  const where = () => {
    const { viewport, canvasSize } = useUi.getState()
    return { view: visibleRect(viewport, canvasSize), by: me.name ?? 'The facilitator', byUser: me.id }
  }
  return (
    <section className="facilitate__section" aria-labelledby="facilitate-summon">
      <h3 id="facilitate-summon">Summon</h3>
      <div className="facilitate__row">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => runCommand('summon.here', commands, { facilitation: { summon: where() } })}
        >
          Bring everyone here
        </button>
        {leading ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => runCommand('summon.endFollow', commands)}
          >
            Stop everyone following
          </button>
        ) : (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => runCommand('summon.follow', commands, { facilitation: { summon: where() } })}
          >
            Everyone follow me
          </button>
        )}
      </div>
    </section>
  )
}
