/* The top bar's "Facilitate" button: only a facilitator has one; it opens the Facilitate panel. */
import { FACILITATOR_PANEL_ID, setFacilitatorPanelOpen, useFacilitatorPanel } from './panelState'
import { useFacilitation } from './useFacilitationDoc'

export function FacilitateButton() {
  const { isFacilitator } = useFacilitation()
  const open = useFacilitatorPanel((s) => s.open)
  if (!isFacilitator) return null
  return (
    <button
      type="button"
      className="button button--ghost"
      aria-expanded={open}
      aria-controls={FACILITATOR_PANEL_ID}
      onClick={() => setFacilitatorPanelOpen(!open)}
    >
      Facilitate
    </button>
  )
}
