/* The top bar's "Facilitate" button: only a facilitator has one; it opens the Facilitate panel. */
import { useContext } from 'react'
import { FACILITATOR_PANEL_ID, setFacilitatorPanelOpen, useFacilitatorPanel } from './panelState'
import { FacilitationContext } from './useFacilitationDoc'

export function FacilitateButton() {
  const isFacilitator = useContext(FacilitationContext)?.isFacilitator === true
  const open = useFacilitatorPanel((s) => s.open)
  if (!isFacilitator) return null
  return (
    <button
      type="button"
      className="button button--ghost facilitate-button"
      aria-expanded={open}
      aria-controls={FACILITATOR_PANEL_ID}
      onClick={() => setFacilitatorPanelOpen(!open)}
    >
      Facilitate
    </button>
  )
}
