import { describe, expect, it } from 'vitest'
import {
  colorFor,
  generatedName,
  IDENTITY_KEYS,
  initials,
  type KeyValueStorage,
  loadIdentity,
  PRESENCE_COLORS,
  presenceUser,
  resolveColor,
  saveName,
} from './identity'

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial))
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

describe('identity', () => {
  it('creates and remembers a per-browser id on first visit; no name yet', () => {
    const storage = memoryStorage()
    const first = loadIdentity(storage, () => 'id-one')
    expect(first).toEqual({ id: 'id-one', name: null, color: colorFor('id-one') })
    expect(storage.data.get(IDENTITY_KEYS.id)).toBe('id-one')
    expect(loadIdentity(storage, () => 'id-two').id).toBe('id-one')
  })

  it('remembers a chosen name, cleaned; a blank name changes nothing', () => {
    const storage = memoryStorage()
    const me = loadIdentity(storage, () => 'me')
    const named = saveName(storage, me, '  Grace   Hopper ')
    expect(named.name).toBe('Grace Hopper')
    expect(loadIdentity(storage).name).toBe('Grace Hopper')
    expect(saveName(storage, named, '   ')).toBe(named)
    expect(presenceUser(named)).toEqual({ id: 'me', name: 'Grace Hopper', color: colorFor('me') })
    expect(presenceUser(me)).toBeNull()
  })

  it('replaces a tampered id and survives a storage that throws', () => {
    expect(loadIdentity(memoryStorage({ [IDENTITY_KEYS.id]: '<script>' }), () => 'fresh').id).toBe('fresh')
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(loadIdentity(broken, () => 'temp')).toMatchObject({ id: 'temp', name: null })
  })

  it('derives a stable color from the id, spread over the whole palette', () => {
    expect(colorFor('abc')).toBe(colorFor('abc'))
    const used = new Set(Array.from({ length: 400 }, (_, i) => colorFor(`person${i}`)))
    expect(used.size).toBe(PRESENCE_COLORS.length)
    expect(new Set(PRESENCE_COLORS).size).toBe(12)
  })

  it('generates friendly two-word names', () => {
    expect(generatedName(() => 0)).toBe('Curious Otter')
    expect(generatedName(() => 0.9999)).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/)
  })

  it('makes initials from the first and last word', () => {
    expect(initials('Ada Lovelace')).toBe('AL')
    expect(initials('Grace Brewster Murray Hopper')).toBe('GH')
    expect(initials('otter')).toBe('O')
    expect(initials('émile zola')).toBe('ÉZ')
    expect(initials('')).toBe('')
  })
})

describe('resolveColor', () => {
  const idWithColor = (color: string, not?: string) => {
    for (let i = 0; ; i++) if (`p${i}` !== not && colorFor(`p${i}`) === color) return `p${i}`
  }

  it('keeps my own color when nobody else wears it', () => {
    expect(resolveColor('me', [])).toBe(colorFor('me'))
  })

  it('moves exactly one of two people who share a color to a free one', () => {
    const a = idWithColor(PRESENCE_COLORS[0])
    const b = idWithColor(PRESENCE_COLORS[0], a)
    const [low, high] = a < b ? [a, b] : [b, a]
    expect(resolveColor(low, [{ id: high, color: PRESENCE_COLORS[0] }])).toBe(PRESENCE_COLORS[0])
    const moved = resolveColor(high, [{ id: low, color: PRESENCE_COLORS[0] }])
    expect(moved).not.toBe(PRESENCE_COLORS[0])
    expect(PRESENCE_COLORS).toContain(moved)
  })

  it('keeps my color when every color is taken', () => {
    const others = PRESENCE_COLORS.map((color, i) => ({ id: `a${i}`, color }))
    expect(resolveColor('zzz', others)).toBe(colorFor('zzz'))
  })
})
