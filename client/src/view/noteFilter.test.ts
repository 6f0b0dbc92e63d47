import { describe, expect, it } from 'vitest'
import type { NoteId, TagId } from '../../../shared/src/board/ids'
import { activeFilter, isDimmed, matchingNotes, type NoteFacets } from './noteFilter'

const SALES: TagId = 'tag:sales'
const SUPPORT: TagId = 'tag:support'
const facets = new Map<NoteId, NoteFacets>([
  ['note:a', { kind: 'pain', tags: [SALES] }],
  ['note:b', { kind: 'idea', tags: [] }],
  ['note:c', { kind: 'plain', tags: [SUPPORT] }],
])
const none = { tags: [], kinds: [] }

describe('note filter', () => {
  it('applies nothing when neither filter has anything', () => {
    expect(activeFilter(none, undefined)).toBeNull()
    expect(activeFilter(none, none)).toBeNull()
    expect(matchingNotes(facets, null)).toBeNull()
    expect(isDimmed(null, 'note:a')).toBe(false)
  })

  it('matches notes with any chosen tag or any chosen kind', () => {
    const filter = activeFilter({ tags: [SUPPORT], kinds: ['idea'] }, undefined)
    const matches = matchingNotes(facets, filter)
    expect([...(matches ?? [])].sort()).toEqual(['note:b', 'note:c'])
    expect(isDimmed(matches, 'note:a')).toBe(true)
    expect(isDimmed(matches, 'note:b')).toBe(false)
  })

  it('lets this person’s own filter win over the shared one', () => {
    const shared = { tags: [SALES], kinds: [] }
    expect(activeFilter(none, shared)?.scope).toBe('shared')
    const own = activeFilter({ tags: new Set<TagId>(), kinds: new Set(['idea'] as const) }, shared)
    expect(own?.scope).toBe('local')
    expect([...(matchingNotes(facets, own) ?? [])]).toEqual(['note:b'])
  })
})
