/*
 * What the facilitation shows in the top bar: the timer and the current agenda step for everyone, and
 * the Facilitate button for facilitators. Nothing at all without a facilitation session.
 */
import { useContext } from 'react'
import { FacilitateButton } from './FacilitateButton'
import { StepChip } from './StepChip'
import { TimerPill } from './TimerPill'
import { FacilitationContext } from './useFacilitationDoc'

export function FacilitationTopBar() {
  if (!useContext(FacilitationContext)) return null
  return (
    <>
      <TimerPill />
      <StepChip />
      <FacilitateButton />
    </>
  )
}
