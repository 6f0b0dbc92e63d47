import { describe, expect, it } from 'vitest'
import { cleanName, PRESENCE_LIMITS, readPresence } from './awarenessState'

const user = { id: 'abc123', name: 'Ada', color: '#DC2626' }

describe('readPresence', () => {
  it('reads a full, valid state (and lower-cases the color)', () => {
    expect(
      readPresence({
        user,
        cursor: { x: 10.5, y: -3 },
        selection: ['note:a1', 'note:b2'],
        editing: 'note:a1',
        view: { x: 0, y: 0, w: 800, h: 600 },
        presenting: { stageId: 'stage:s1' },
      }),
    ).toEqual({
      user: { ...user, color: '#dc2626' },
      cursor: { x: 10.5, y: -3 },
      selection: ['note:a1', 'note:b2'],
      editing: 'note:a1',
      view: { x: 0, y: 0, w: 800, h: 600 },
      presenting: { stageId: 'stage:s1' },
    })
  })

  it('skips states without a usable user', () => {
    for (const state of [
      null,
      undefined,
      42,
      'hello',
      [],
      {},
      { user: null },
      { user: { ...user, id: 'has spaces' } },
      { user: { ...user, id: 'x'.repeat(PRESENCE_LIMITS.maxUserIdChars + 1) } },
      { user: { ...user, name: '   ' } },
      { user: { ...user, name: 7 } },
      { user: { ...user, color: 'red' } },
      { user: { ...user, color: '#12345' } },
      { user: { ...user, color: 'url(javascript:alert(1))' } },
    ])
      expect(readPresence(state)).toBeNull()
  })

  it('falls back to nothing for bad optional fields instead of dropping the person', () => {
    expect(
      readPresence({
        user,
        cursor: { x: Number.NaN, y: 1 },
        selection: 'note:a1',
        editing: 'stage:x',
        view: { x: 0, y: 0, w: 0, h: 10 },
        presenting: { stageId: 'note:a1' },
      }),
    ).toEqual({
      user: { ...user, color: '#dc2626' },
      cursor: null,
      selection: [],
      editing: null,
      view: null,
      presenting: null,
    })
    expect(readPresence({ user, presenting: 'stage:s1' })?.presenting).toBeNull()
    expect(readPresence({ user, cursor: { x: 1e12, y: 0 } })?.cursor).toBeNull()
    expect(readPresence({ user, cursor: { x: Number.POSITIVE_INFINITY, y: 0 } })?.cursor).toBeNull()
    expect(readPresence({ user, view: { x: 0, y: 0, w: '10', h: 10 } })?.view).toBeNull()
  })

  it('keeps only valid note ids in a selection, and at most the cap', () => {
    expect(
      readPresence({ user, selection: ['note:a', 3, null, 'lane:b', 'note:!!', 'note:c'] })?.selection,
    ).toEqual(['note:a', 'note:c'])
    const many = Array.from({ length: 1000 }, (_, i) => `note:n${i}`)
    expect(readPresence({ user, selection: many })?.selection).toHaveLength(PRESENCE_LIMITS.maxSelection)
  })

  it('cleans names: trims, collapses spaces, strips control characters, caps the length', () => {
    expect(readPresence({ user: { ...user, name: '  Ada \n\t Lovelace\u0007 ' } })?.user.name).toBe(
      'Ada Lovelace',
    )
    expect(cleanName('x'.repeat(100))).toHaveLength(PRESENCE_LIMITS.maxNameChars)
    // Length is counted in characters, so an emoji is never cut in half.
    expect(cleanName('🦦'.repeat(50))).toBe('🦦'.repeat(PRESENCE_LIMITS.maxNameChars))
  })
})
