import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getSummon } from './schema'
import { endFollow, readSummon, writeSummon } from './summon'

const summon = { at: 1_700_000_000_000, view: { x: 10, y: 20, w: 800, h: 600 }, by: 'Ana', byUser: 'u1' }

describe('summon', () => {
  it('reads back what was written, and ending follow keeps the nonce', () => {
    const doc = new Y.Doc()
    expect(readSummon(doc)).toBeNull()
    writeSummon(doc, { ...summon, follow: true })
    expect(readSummon(doc)).toEqual({ ...summon, follow: true })
    endFollow(doc)
    expect(readSummon(doc)).toEqual({ ...summon, follow: false })
  })
  it('reads a bad view or nonce as no summon', () => {
    const doc = new Y.Doc()
    writeSummon(doc, { ...summon, follow: false })
    getSummon(doc).set('view', { x: 0, y: 0, w: -1, h: 5 })
    expect(readSummon(doc)).toBeNull()
    writeSummon(doc, { ...summon, follow: false })
    getSummon(doc).set('at', 'now')
    expect(readSummon(doc)).toBeNull()
  })
})
