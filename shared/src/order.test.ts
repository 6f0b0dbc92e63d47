import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareByOrder, isOrderKey, keyBetween, keysBetween } from './order'

describe('keyBetween', () => {
  it('makes a first key and keys at both ends', () => {
    const first = keyBetween(null, null)
    expect(isOrderKey(first)).toBe(true)
    expect(keyBetween(null, first) < first).toBe(true)
    expect(keyBetween(first, null) > first).toBe(true)
  })

  it('always finds a key between two adjacent keys', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 200 }), (goLeft) => {
        let low: string | null = null
        let high: string | null = null
        for (const left of goLeft) {
          const mid = keyBetween(low, high)
          expect(isOrderKey(mid)).toBe(true)
          if (low !== null) expect(mid > low).toBe(true)
          if (high !== null) expect(mid < high).toBe(true)
          if (left) high = mid
          else low = mid
        }
      }),
      { seed: 42, numRuns: 200 },
    )
  })

  it('rejects keys given in the wrong order or malformed', () => {
    expect(() => keyBetween('b', 'a')).toThrow(/out of order/)
    expect(() => keyBetween('a0', null)).toThrow(/invalid order key/)
    expect(() => keyBetween('a-', null)).toThrow(/invalid order key/)
  })
})

describe('keysBetween', () => {
  it('spreads many keys in order and keeps them short', () => {
    const keys = keysBetween(null, null, 20_000)
    expect(keys).toHaveLength(20_000)
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true)
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(6)
  })
})

describe('compareByOrder', () => {
  it('breaks ties by id so every peer sorts equal keys alike', () => {
    const items = [
      { id: 'note:b', order: 'V' },
      { id: 'note:a', order: 'V' },
      { id: 'note:c', order: 'F' },
    ]
    expect(items.sort(compareByOrder).map((i) => i.id)).toEqual(['note:c', 'note:a', 'note:b'])
  })
})
