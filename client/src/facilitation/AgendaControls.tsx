/*
 * The Facilitate panel's agenda: the workshop's steps as a checklist (check, rename, timer length,
 * move up and down, remove), "Start" on a step makes it the current one for everyone and starts its
 * timer; an empty agenda offers the usual journey-mapping workshop in one click.
 */
import { useState } from 'react'
import { AGENDA_LIMITS, type AgendaStep } from '../../../shared/src/facilitation/agenda'
import { useBoardSession } from '../board/session'
import { type CommandArgs, runCommand } from '../commands/registry'
import { CommitInput } from '../panels/CommitInput'
import { useAgenda } from './useFacilitationState'

function StepRow({
  step,
  index,
  count,
  current,
}: {
  step: AgendaStep
  index: number
  count: number
  current: boolean
}) {
  const { commands } = useBoardSession()
  const run = (
    id: string,
    args: CommandArgs['facilitation'] = {},
    extra: Omit<CommandArgs, 'facilitation'> = {},
  ) => runCommand(id, commands, { ...extra, facilitation: { stepId: step.id, ...args } })
  const n = index + 1
  const [minutes, setMinutes] = useState(step.tool ? String(step.tool.minutes) : '')
  const commitMinutes = () => {
    const value = Number(minutes)
    run('agenda.setTimer', { minutes: minutes.trim() === '' || !(value > 0) ? null : value })
  }
  return (
    <li
      className={`agenda-step${current ? ' agenda-step--current' : ''}`}
      aria-current={current ? 'step' : undefined}
    >
      <div className="agenda-step__line">
        <input
          type="checkbox"
          id={`${step.id}-done`}
          checked={step.done}
          aria-label={`Done: ${step.title}`}
          onChange={(e) => run('agenda.check', { done: e.target.checked })}
        />
        <CommitInput
          id={`${step.id}-title`}
          label={`Step ${n} title`}
          hideLabel
          value={step.title}
          maxLength={AGENDA_LIMITS.maxTitleChars}
          readOnly={false}
          onCommit={(title) => run('agenda.rename', { title })}
        />
      </div>
      <div className="agenda-step__line">
        <label htmlFor={`${step.id}-minutes`} className="facilitate__muted">
          Timer (min)
        </label>
        <input
          id={`${step.id}-minutes`}
          className="facilitate__number"
          type="number"
          min={1}
          max={AGENDA_LIMITS.maxTimerMinutes}
          value={minutes}
          aria-label={`Step ${n} timer minutes`}
          onChange={(e) => setMinutes(e.target.value)}
          onBlur={commitMinutes}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitMinutes()
          }}
        />
        <button
          type="button"
          className="icon-button"
          aria-label={`Move step ${n} up`}
          disabled={index === 0}
          onClick={() => run('agenda.move', {}, { step: -1 })}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move step ${n} down`}
          disabled={index === count - 1}
          onClick={() => run('agenda.move', {}, { step: 1 })}
        >
          ↓
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove step ${n}`}
          onClick={() => run('agenda.remove')}
        >
          ×
        </button>
        <button
          type="button"
          className="button button--primary agenda-step__start"
          aria-label={`Start step ${n}: ${step.title}`}
          onClick={() => run('agenda.start')}
        >
          Start
        </button>
      </div>
    </li>
  )
}

export function AgendaControls() {
  const { commands } = useBoardSession()
  const { steps, currentStepId } = useAgenda()
  const [title, setTitle] = useState('')
  return (
    <section className="facilitate__section" aria-labelledby="facilitate-agenda">
      <h3 id="facilitate-agenda">Agenda</h3>
      {steps.length === 0 ? (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => runCommand('agenda.addSuggested', commands)}
        >
          Use the suggested steps
        </button>
      ) : (
        <ol className="agenda-list">
          {steps.map((step, index) => (
            <StepRow
              key={step.id}
              step={step}
              index={index}
              count={steps.length}
              current={step.id === currentStepId}
            />
          ))}
        </ol>
      )}
      <form
        className="facilitate__row"
        onSubmit={(e) => {
          e.preventDefault()
          if (runCommand('agenda.add', commands, { facilitation: { title } })) setTitle('')
        }}
      >
        <label htmlFor="facilitate-agenda-new" className="sr-only">
          New step
        </label>
        <input
          id="facilitate-agenda-new"
          className="panel-input"
          placeholder="New step"
          value={title}
          maxLength={AGENDA_LIMITS.maxTitleChars}
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
        <button type="submit" className="button button--ghost">
          Add step
        </button>
      </form>
      {currentStepId && (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => runCommand('agenda.clearCurrent', commands)}
        >
          End the current step
        </button>
      )}
    </section>
  )
}
