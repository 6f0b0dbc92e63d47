/*
 * What screen readers hear of the timer (a polite live region): the words change only at minute marks,
 * on pause and when time is up, so nobody hears a countdown every second.
 */
import { isTimeUp, remainingMs, type TimerState } from '../../../shared/src/facilitation/timer'

function minutesLeft(ms: number): string {
  const minutes = Math.ceil(ms / 60_000)
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left`
}

export function timerAnnouncement(timer: TimerState, serverNow: number): string {
  if (isTimeUp(timer, serverNow)) return 'Time is up'
  const left = minutesLeft(remainingMs(timer, serverNow))
  return timer.state === 'paused' ? `Timer paused, ${left}` : left
}
