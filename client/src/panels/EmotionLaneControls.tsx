/*
 * Over each emotion lane's header: which persona's curve a click in the lane sets. Shown only where the
 * header is tall enough on screen to hold it; the outline's sliders set any persona's points without it.
 */
import type { PersonaId } from '../../../shared/src/board/ids'
import { getLaneKind } from '../../../shared/src/board/laneKinds/registry'
import { GRID } from '../../../shared/src/layout/grid'
import { useBoardAnatomy, useBoardLayout } from '../doc/hooks'
import { setActivePersona, useUi } from '../state/ui'
import { rectToScreen } from '../view/viewport'

/** Below the lane's title line (board units), so the select never covers the title. */
const SELECT_TOP = 50
const MIN_SCREEN_H = 96

export function EmotionLaneControls() {
  const layout = useBoardLayout()
  const { personas } = useBoardAnatomy()
  const viewport = useUi((s) => s.viewport)
  const active = useUi((s) => s.activePersona)
  const current = personas.find((p) => p.id === active) ?? personas[0]
  if (!current) return null
  return layout.lanes
    .filter((lane) => getLaneKind(lane.kind).layout.holds === 'scores')
    .map((lane) => {
      const screen = rectToScreen(viewport, { x: 0, y: lane.y, w: GRID.laneHeaderW, h: lane.h })
      if (screen.h < MIN_SCREEN_H || viewport.scale < 0.45) return null
      return (
        <label
          key={lane.id}
          className="emotion-persona"
          style={{ left: screen.x + 20 * viewport.scale, top: screen.y + SELECT_TOP * viewport.scale }}
        >
          <span className="sr-only">{`Curve a click in ${lane.title} sets`}</span>
          <select
            value={current.id}
            title="Whose curve a click in this lane sets"
            onChange={(e) => setActivePersona(e.target.value as PersonaId)}
          >
            {personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )
    })
}
