/* The agenda's current step, in the top bar for everyone: "Step 2/5: Add emotions". */
import { useAgenda } from './useFacilitationState'

export function StepChip() {
  const { steps, currentStepId } = useAgenda()
  const index = steps.findIndex((s) => s.id === currentStepId)
  const step = steps[index]
  if (!step) return null
  return (
    <output className="step-chip" aria-label="Current agenda step" title={step.title}>
      Step {index + 1}/{steps.length}
      <span className="step-chip__title">: {step.title}</span>
    </output>
  )
}
