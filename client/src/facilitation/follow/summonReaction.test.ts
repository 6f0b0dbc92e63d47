import { describe, expect, it } from 'vitest'
import type { Summon } from '../../../../shared/src/facilitation/summon'
import { FRESH_SUMMON_MS, summonReaction } from './summonReaction'

const view = { x: 1, y: 2, w: 300, h: 200 }
const summon: Summon = { at: 1_000_000, view, by: 'Ana', byUser: 'ana', follow: false }
const base = { summon, seenNonce: 5, myUserId: 'ben', following: null, serverNow: 1_000_100 }

describe('summonReaction', () => {
  it('moves once per nonce', () => {
    expect(summonReaction(base)).toEqual({ moveTo: view, follow: undefined })
    expect(summonReaction({ ...base, seenNonce: summon.at })).toEqual({ moveTo: null, follow: undefined })
  })
  it('never moves the sender', () => {
    expect(summonReaction({ ...base, myUserId: 'ana' }).moveTo).toBeNull()
  })
  it('ignores an old one-time summon found on opening, but joins a follow-me still running', () => {
    const late = { ...base, seenNonce: null, serverNow: summon.at + FRESH_SUMMON_MS + 1 }
    expect(summonReaction(late).moveTo).toBeNull()
    expect(summonReaction({ ...late, serverNow: summon.at + 1000 }).moveTo).toEqual(view)
    expect(summonReaction({ ...late, summon: { ...summon, follow: true } })).toEqual({
      moveTo: view,
      follow: { userId: 'ana', name: 'Ana', via: 'summon' },
    })
  })
  it('ends a follow the summon started when follow-me ends, not one the person chose', () => {
    const following = { userId: 'ana', name: 'Ana', via: 'summon' as const }
    expect(summonReaction({ ...base, seenNonce: summon.at, following })).toEqual({
      moveTo: null,
      follow: null,
    })
    const chosen = { ...following, via: 'person' as const }
    expect(summonReaction({ ...base, seenNonce: summon.at, following: chosen }).follow).toBeUndefined()
  })
})
