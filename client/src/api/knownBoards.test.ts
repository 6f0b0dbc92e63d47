import { describe, expect, it } from 'vitest'
import {
  bestToken,
  forgetBoard,
  forgetToken,
  heldLinks,
  maxLinksChecked,
  readKnownBoards,
  rememberBoard,
  rememberedRole,
} from './knownBoards'

/** A Storage in memory: what the page keeps in localStorage. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>()
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) }
}

describe('known boards', () => {
  it('holds every link of every board, the most recently opened first', () => {
    const storage = memoryStorage()
    rememberBoard({ id: 'old', editToken: 'e1', viewToken: 'v1' }, storage)
    rememberBoard({ id: 'new', token: 'v2', role: 'view' }, storage)
    const known = readKnownBoards(storage)
    known.old!.lastOpenedAt = 1
    known.new!.lastOpenedAt = 2
    expect(heldLinks(known)).toEqual([
      { id: 'new', token: 'v2' },
      { id: 'old', token: 'e1' },
      { id: 'old', token: 'v1' },
    ])
  })

  it(`asks about at most ${maxLinksChecked} links, leaving out the oldest`, () => {
    const known = Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [
        `b${i}`,
        { id: `b${i}`, editToken: `e${i}`, viewToken: `v${i}`, lastOpenedAt: i },
      ]),
    )
    const links = heldLinks(known)
    expect(links).toHaveLength(maxLinksChecked)
    expect(links[0]).toEqual({ id: 'b149', token: 'e149' })
    expect(links.some((l) => l.id === 'b0')).toBe(false)
  })

  it('keeps the facilitator link, opens with the strongest link, and forgets a rotated token only', () => {
    const storage = memoryStorage()
    rememberBoard({ id: 'a', facilitatorToken: 'f', editToken: 'e', viewToken: 'v' }, storage)
    const known = readKnownBoards(storage).a
    expect(bestToken(known)).toBe('f')
    expect(rememberedRole(known, 'f')).toBe('facilitate')
    expect(heldLinks(readKnownBoards(storage)).map((l) => l.token)).toEqual(['f', 'e', 'v'])
    forgetToken('a', 'f', storage)
    expect(bestToken(readKnownBoards(storage).a)).toBe('e')
    rememberBoard({ id: 'a', token: 'f2', role: 'facilitate' }, storage)
    expect(readKnownBoards(storage).a).toMatchObject({
      facilitatorToken: 'f2',
      editToken: 'e',
      viewToken: 'v',
    })
  })

  it('forgets a board', () => {
    const storage = memoryStorage()
    rememberBoard({ id: 'a', editToken: 'e' }, storage)
    rememberBoard({ id: 'b', editToken: 'f' }, storage)
    forgetBoard('a', storage)
    expect(Object.keys(readKnownBoards(storage))).toEqual(['b'])
  })
})
