import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getSpotlight } from './schema'
import { readSpotlight, setSpotlight } from './spotlight'

describe('spotlight', () => {
  it('names a stage that exists, or none', () => {
    const doc = new Y.Doc()
    const exists = (id: string) => id === 'stage:purchase'
    expect(readSpotlight(doc, exists)).toBeNull()
    setSpotlight(doc, 'stage:purchase')
    expect(readSpotlight(doc, exists)).toBe('stage:purchase')
    setSpotlight(doc, 'stage:gone')
    expect(readSpotlight(doc, exists)).toBeNull()
    getSpotlight(doc).set('stageId', { evil: 1 })
    expect(readSpotlight(doc, exists)).toBeNull()
    setSpotlight(doc, null)
    expect(getSpotlight(doc).has('stageId')).toBe(false)
  })
})
