/*
 * The Facilitate side panel (issue 16), opened from the top bar's "Facilitate" button, for facilitators
 * only: the timer, the agenda, the spotlight, summon / follow me, and the slots where the locks, the
 * vote and the private phase show their controls (panelSlots.tsx). Everyone else sees the results
 * (the timer pill, the current step, the spotlight) but none of these controls. Escape closes it and
 * gives the focus back to the button.
 */
import { useEffect, useRef } from 'react'
import { AgendaControls } from './AgendaControls'
import { LockControlsSlot, PrivatePhaseControlsSlot, VoteControlsSlot } from './panelSlots'
import { FACILITATOR_PANEL_ID, setFacilitatorPanelOpen, useFacilitatorPanel } from './panelState'
import { SpotlightControls } from './SpotlightControls'
import { SummonControls } from './SummonControls'
import { TimerControls } from './TimerControls'
import { useFacilitation } from './useFacilitationDoc'

export function FacilitatorPanel() {
  const { isFacilitator } = useFacilitation()
  const open = useFacilitatorPanel((s) => s.open)
  if (!open || !isFacilitator) return null
  return <OpenPanel />
}

function OpenPanel() {
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true })
  }, [])
  const close = () => {
    setFacilitatorPanelOpen(false)
    document.querySelector<HTMLElement>(`[aria-controls="${FACILITATOR_PANEL_ID}"]`)?.focus()
  }
  return (
    <aside
      ref={ref}
      id={FACILITATOR_PANEL_ID}
      className="side-panel facilitate"
      aria-label="Facilitate"
      onKeyDown={(e) => {
        // Typing in the panel must not reach the board's shortcuts.
        e.stopPropagation()
        if (e.key === 'Escape') close()
      }}
    >
      <div className="side-panel__head">
        <h2 className="side-panel__title" tabIndex={-1}>
          Facilitate
        </h2>
        <button type="button" className="icon-button" aria-label="Close facilitate panel" onClick={close}>
          ×
        </button>
      </div>
      <TimerControls />
      <AgendaControls />
      <SpotlightControls />
      <SummonControls />
      <LockControlsSlot />
      <VoteControlsSlot />
      <PrivatePhaseControlsSlot />
    </aside>
  )
}
