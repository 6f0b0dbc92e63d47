/*
 * The timer's optional end sound: off by default, each person's own choice (kept in this browser), and
 * made with WebAudio (two soft sine notes), so there is no asset to load or cache.
 */
import type { KeyValueStorage } from '../presence/identity'

export const TIMER_SOUND_KEY = 'journeyboard.timer.sound'

export const readSoundOn = (storage: KeyValueStorage = localStorage): boolean =>
  storage.getItem(TIMER_SOUND_KEY) === 'on'

export const saveSoundOn = (on: boolean, storage: KeyValueStorage = localStorage): void =>
  storage.setItem(TIMER_SOUND_KEY, on ? 'on' : 'off')

let context: AudioContext | null = null

/** Two gentle notes. Browsers allow audio only after a gesture: the toggle's click is one. */
export function playEndSound(): void {
  try {
    context ??= new AudioContext()
    const start = context.currentTime
    for (const [i, frequency] of [660, 880].entries()) {
      const oscillator = context.createOscillator()
      const gain = context.createGain()
      oscillator.type = 'sine'
      oscillator.frequency.value = frequency
      const at = start + i * 0.28
      gain.gain.setValueAtTime(0, at)
      gain.gain.linearRampToValueAtTime(0.18, at + 0.03)
      gain.gain.exponentialRampToValueAtTime(0.001, at + 0.4)
      oscillator.connect(gain).connect(context.destination)
      oscillator.start(at)
      oscillator.stop(at + 0.42)
    }
  } catch {
    // No audio here (a locked-down browser): the flash still shows.
  }
}
