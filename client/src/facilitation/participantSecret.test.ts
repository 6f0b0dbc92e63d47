import { describe, expect, it } from 'vitest'
import { PARTICIPANT_SECRET_KEY, participantSecret } from './participantSecret'

const memory = () => {
  const values = new Map<string, string>()
  return {
    getItem: (k: string) => values.get(k) ?? null,
    setItem: (k: string, v: string) => void values.set(k, v),
  }
}

describe('participantSecret', () => {
  it('makes a 43-character base64url secret once and returns it again', () => {
    const storage = memory()
    const first = participantSecret(storage)
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(participantSecret(storage)).toBe(first)
    expect(participantSecret(memory())).not.toBe(first)
  })
  it('replaces a damaged stored value', () => {
    const storage = memory()
    storage.setItem(PARTICIPANT_SECRET_KEY, 'short')
    expect(participantSecret(storage)).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})
