/*
 * What the facilitation shows in the top bar: the timer and the current agenda step for everyone (the
 * Facilitate button sits with the other tools, FacilitateButton.tsx). Nothing without a session.
 */
import { useContext } from 'react'
import { StepChip } from './StepChip'
import { TimerPill } from './TimerPill'
import { FacilitationContext } from './useFacilitationDoc'

export function FacilitationTopBar() {
  if (!useContext(FacilitationContext)) return null
  return (
    <>
      <TimerPill />
      <StepChip />
    </>
  )
}
