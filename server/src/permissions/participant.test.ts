import { describe, expect, it } from 'vitest'
import { isParticipantId, isParticipantSecret, participantId } from './participant'

const secret = 'Zm9yIHRoaXMgYnJvd3NlciBvbmx5LCAzMiBieXRlcyE'

describe('participant identity', () => {
  it('derives the same id from the same secret on a board, every time', () => {
    expect(participantId('board-a', secret)).toBe(participantId('board-a', secret))
    expect(isParticipantId(participantId('board-a', secret))).toBe(true)
  })

  it('gives another secret, or the same secret on another board, another id', () => {
    const id = participantId('board-a', secret)
    expect(participantId('board-a', `${secret.slice(0, -1)}F`)).not.toBe(id)
    expect(participantId('board-b', secret)).not.toBe(id)
  })

  it('does not contain the secret', () => {
    expect(participantId('board-a', secret)).not.toContain(secret.slice(0, 8))
  })

  it.each([
    ['22 base64url characters (16 bytes)', 'a'.repeat(22), true],
    ['43 characters, what clients make', secret, true],
    ['128 characters', 'A'.repeat(128), true],
    ['21 characters', 'a'.repeat(21), false],
    ['129 characters', 'a'.repeat(129), false],
    ['a character outside base64url', `${'a'.repeat(30)}+`, false],
    ['padding', `${'a'.repeat(30)}=`, false],
    ['empty', '', false],
  ])('takes as a secret: %s → %s', (_what, value, valid) => {
    expect(isParticipantSecret(value)).toBe(valid)
  })
})
