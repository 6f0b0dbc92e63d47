/*
 * The workshop timer in the top bar, for everyone while it runs or is paused: "12:34" counted from the
 * server's clock, so every screen shows the same second. Screen readers hear it politely once a minute
 * (and when time is up), not every second. At zero it flashes gently and, if this person turned the
 * sound on (the bell beside it), plays two soft notes.
 */
import { useEffect, useRef, useState } from 'react'
import { formatRemaining, isTimeUp, remainingMs } from '../../../shared/src/facilitation/timer'
import { timerAnnouncement } from './timerAnnouncement'
import { playEndSound, readSoundOn, saveSoundOn } from './timerSound'
import { useServerNow, useTimer } from './useFacilitationState'

/** How long the end flash lasts (ms). */
const FLASH_MS = 4_000

/** A bell, struck through when the sound is off (drawn here: no emoji font is guaranteed). */
function BellIcon({ on }: { on: boolean }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      {!on && <path d="M3 3l18 18" />}
    </svg>
  )
}

export function TimerPill() {
  const timer = useTimer()
  const now = useServerNow(timer.state === 'running')
  const left = remainingMs(timer, now)
  const up = isTimeUp(timer, now)
  const [sound, setSound] = useState(() => readSoundOn())
  const [flashing, setFlashing] = useState(false)
  const wasUp = useRef(up)
  const soundRef = useRef(sound)
  soundRef.current = sound

  useEffect(() => {
    if (up && !wasUp.current) {
      setFlashing(true)
      if (soundRef.current) playEndSound()
      const done = setTimeout(() => setFlashing(false), FLASH_MS)
      wasUp.current = up
      return () => clearTimeout(done)
    }
    wasUp.current = up
  }, [up])

  if (timer.state === 'idle') return null
  const announcement = timerAnnouncement(timer, now)
  const classes = [
    'timer-pill',
    `timer-pill--${up ? 'up' : timer.state}`,
    flashing ? 'timer-pill--flash' : '',
  ]
  return (
    <div className="timer">
      <span
        className={classes.filter(Boolean).join(' ')}
        role="timer"
        aria-label={`Timer ${timer.state === 'paused' ? 'paused' : up ? 'ended' : 'running'}`}
        data-remaining-ms={left}
      >
        {timer.state === 'paused' && <span aria-hidden="true">⏸ </span>}
        {formatRemaining(left)}
      </span>
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
      <button
        type="button"
        className="icon-button timer__sound"
        aria-pressed={sound}
        aria-label="Timer sound"
        title={sound ? 'Sound at the end: on' : 'Sound at the end: off'}
        onClick={() => {
          saveSoundOn(!sound)
          setSound(!sound)
          // A gesture unlocks audio, and the person hears what they chose.
          if (!sound) playEndSound()
        }}
      >
        <BellIcon on={sound} />
      </button>
    </div>
  )
}
