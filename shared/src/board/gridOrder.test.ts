import { describe, expect, it } from 'vitest'
import { compareByOrder, keyBetween } from '../order'
import { gapKey, insertKey, keyAtIndex, type Ordered, stepKey } from './gridOrder'

const items = (...orders: string[]): Ordered[] => orders.map((order, i) => ({ id: `s${i}`, order }))

/** The ids after giving `id` the key `order`, in display order. */
function placed(sorted: readonly Ordered[], id: string, order: string): string[] {
  const rest = sorted.filter((item) => item.id !== id)
  return [...rest, { id, order }].sort(compareByOrder).map((item) => item.id)
}

describe('insertKey', () => {
  const row = items('a', 'b', 'c')

  it('puts a new header left of (before) its target', () => {
    expect(placed(row, 'new', insertKey(row, 's1', 'before'))).toEqual(['s0', 'new', 's1', 's2'])
  })

  it('puts a new header right of (after) its target', () => {
    expect(placed(row, 'new', insertKey(row, 's1', 'after'))).toEqual(['s0', 's1', 'new', 's2'])
    expect(placed(row, 'new', insertKey(row, 's2', 'after'))).toEqual(['s0', 's1', 's2', 'new'])
  })

  it('appends when there is no target, or the target was removed meanwhile', () => {
    expect(placed(row, 'new', insertKey(row, null, 'after'))).toEqual(['s0', 's1', 's2', 'new'])
    expect(placed(row, 'new', insertKey(row, 'gone', 'before'))).toEqual(['s0', 's1', 's2', 'new'])
  })

  it('makes a first key on an empty grid', () => {
    expect(insertKey([], null, 'after')).toBe(keyBetween(null, null))
  })
})

describe('stepKey', () => {
  const row = items('a', 'b', 'c', 'd')

  it('moves a header one place left or right', () => {
    expect(placed(row, 's2', stepKey(row, 's2', -1)!)).toEqual(['s0', 's2', 's1', 's3'])
    expect(placed(row, 's1', stepKey(row, 's1', 1)!)).toEqual(['s0', 's2', 's1', 's3'])
    expect(placed(row, 's3', stepKey(row, 's3', -1)!)).toEqual(['s0', 's1', 's3', 's2'])
    expect(placed(row, 's0', stepKey(row, 's0', 1)!)).toEqual(['s1', 's0', 's2', 's3'])
  })

  it('returns null at the edges and for an unknown id', () => {
    expect(stepKey(row, 's0', -1)).toBeNull()
    expect(stepKey(row, 's3', 1)).toBeNull()
    expect(stepKey(row, 'gone', 1)).toBeNull()
  })
})

describe('keyAtIndex', () => {
  it('goes after a run of equal keys (a concurrent insert) instead of throwing', () => {
    const tied: Ordered[] = [
      { id: 'a', order: 'V' },
      { id: 'b', order: 'V' },
      { id: 'c', order: 'k' },
    ]
    const key = keyAtIndex(tied, 1)
    expect(key > 'V' && key < 'k').toBe(true)
    expect(placed(tied, 'new', key)).toEqual(['a', 'b', 'new', 'c'])
  })
})

describe('gapKey', () => {
  const row = items('a', 'b', 'c', 'd')

  it('moves a header into the gap it was dropped on', () => {
    expect(placed(row, 's3', gapKey(row, 's3', 0)!)).toEqual(['s3', 's0', 's1', 's2'])
    expect(placed(row, 's0', gapKey(row, 's0', 4)!)).toEqual(['s1', 's2', 's3', 's0'])
    expect(placed(row, 's0', gapKey(row, 's0', 2)!)).toEqual(['s1', 's0', 's2', 's3'])
    expect(placed(row, 's3', gapKey(row, 's3', 1)!)).toEqual(['s0', 's3', 's1', 's2'])
  })

  it('returns null for the gaps on either side of the header itself, or out of range', () => {
    expect(gapKey(row, 's1', 1)).toBeNull()
    expect(gapKey(row, 's1', 2)).toBeNull()
    expect(gapKey(row, 's1', 5)).toBeNull()
    expect(gapKey(row, 'gone', 0)).toBeNull()
  })
})
