import { describe, expect, it } from 'vitest'
import { fitWithin } from './photo'

describe('fitWithin', () => {
  it('shrinks the longer side to the limit, keeping the aspect', () => {
    expect(fitWithin(4000, 3000)).toEqual({ w: 160, h: 120 })
    expect(fitWithin(300, 1200)).toEqual({ w: 40, h: 160 })
  })

  it('never enlarges a small image, nor returns a zero side for a sliver', () => {
    expect(fitWithin(64, 48)).toEqual({ w: 64, h: 48 })
    expect(fitWithin(10_000, 10)).toEqual({ w: 160, h: 1 })
    expect(fitWithin(0, 10)).toEqual({ w: 0, h: 0 })
  })
})
