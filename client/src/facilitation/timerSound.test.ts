import { describe, expect, it } from 'vitest'
import { readSoundOn, saveSoundOn } from './timerSound'

const memory = () => {
  const values = new Map<string, string>()
  return {
    getItem: (k: string) => values.get(k) ?? null,
    setItem: (k: string, v: string) => void values.set(k, v),
  }
}

describe('the timer sound preference', () => {
  it('is off until this person turns it on', () => {
    const storage = memory()
    expect(readSoundOn(storage)).toBe(false)
    saveSoundOn(true, storage)
    expect(readSoundOn(storage)).toBe(true)
    saveSoundOn(false, storage)
    expect(readSoundOn(storage)).toBe(false)
  })
})
