/* The Facilitate panel's timer: a length in minutes, Start / Pause / +1 min / Stop, and what is left. */
import { useState } from 'react'
import { formatRemaining, isTimeUp, remainingMs } from '../../../shared/src/facilitation/timer'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { useServerNow, useTimer } from './useFacilitationState'

export function TimerControls() {
  const { commands } = useBoardSession()
  const timer = useTimer()
  const now = useServerNow(timer.state === 'running')
  const [minutes, setMinutes] = useState(() => String(Math.round(timer.durationMs / 60_000)))
  const left = remainingMs(timer, now)
  const setLength = () => {
    const value = Number(minutes)
    if (Number.isFinite(value) && value > 0)
      runCommand('timer.set', commands, { facilitation: { durationMs: value * 60_000 } })
  }
  return (
    <section className="facilitate__section" aria-labelledby="facilitate-timer">
      <h3 id="facilitate-timer">Timer</h3>
      <p className="facilitate__readout" data-testid="panel-timer">
        {formatRemaining(left)}{' '}
        <span className="facilitate__muted">
          {isTimeUp(timer, now) ? 'time is up' : timer.state === 'idle' ? 'not started' : timer.state}
        </span>
      </p>
      <form
        className="facilitate__row"
        onSubmit={(e) => {
          e.preventDefault()
          setLength()
        }}
      >
        <label htmlFor="facilitate-timer-minutes">Minutes</label>
        <input
          id="facilitate-timer-minutes"
          className="facilitate__number"
          type="number"
          min={0.1}
          max={1440}
          step="any"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <button type="submit" className="button button--ghost">
          Set
        </button>
      </form>
      <div className="facilitate__row">
        {timer.state === 'running' ? (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => runCommand('timer.pause', commands)}
          >
            Pause
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => runCommand('timer.start', commands)}
          >
            {timer.state === 'paused' ? 'Resume' : 'Start'}
          </button>
        )}
        <button
          type="button"
          className="button button--ghost"
          onClick={() => runCommand('timer.addMinute', commands)}
        >
          +1 min
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={timer.state === 'idle'}
          onClick={() => runCommand('timer.stop', commands)}
        >
          Stop
        </button>
      </div>
    </section>
  )
}
