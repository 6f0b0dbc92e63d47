/*
 * Who I am on every board: a random per-browser id, a display name and a color derived from the id.
 * Kept in localStorage so a returning person keeps their name and color. The id is not a secret or an
 * account — it only lets others group one person's tabs and gives everyone a stable color.
 */
import type { PresenceUser } from './awarenessState'
import { cleanName } from './awarenessState'

/** The subset of Storage used here, so tests pass a Map-backed fake. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>

export const IDENTITY_KEYS = { id: 'journeyboard.person.id', name: 'journeyboard.person.name' } as const

/**
 * Twelve colors far enough apart to tell people apart at a glance, each dark enough for white 12px
 * bold text on it (contrast ≥ 3.5:1) and none the blue of our own selection outline.
 */
export const PRESENCE_COLORS = [
  '#dc2626', // red
  '#ea580c', // orange
  '#b45309', // amber
  '#4d7c0f', // lime
  '#15803d', // green
  '#0f766e', // teal
  '#0e7490', // cyan
  '#0369a1', // sky
  '#4f46e5', // indigo
  '#7c3aed', // violet
  '#c026d3', // fuchsia
  '#db2777', // pink
] as const

const ADJECTIVES = [
  'Curious',
  'Brave',
  'Calm',
  'Clever',
  'Cheerful',
  'Gentle',
  'Keen',
  'Lively',
  'Nimble',
  'Patient',
  'Sunny',
  'Witty',
  'Bold',
  'Bright',
  'Swift',
  'Thoughtful',
] as const

const ANIMALS = [
  'Otter',
  'Fox',
  'Heron',
  'Lynx',
  'Panda',
  'Badger',
  'Falcon',
  'Koala',
  'Puffin',
  'Beaver',
  'Dolphin',
  'Hedgehog',
  'Owl',
  'Robin',
  'Seal',
  'Tiger',
] as const

export interface Identity {
  id: string
  /** Null until the person picks a name (or skips, which saves a generated one). */
  name: string | null
  color: string
}

/** FNV-1a: a stable, well-spread hash of the id, so a person's color is the same on every board. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function colorFor(id: string): string {
  return PRESENCE_COLORS[hash(id) % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0]
}

/**
 * My color on this board, given the people already here: my own color when it is free (or when
 * everyone holding it has a larger id, so exactly one of a clashing pair moves), else the next free
 * one round the palette. With more people than colors, clashes are unavoidable and I keep mine.
 */
export function resolveColor(myId: string, others: readonly { id: string; color: string }[]): string {
  const start = PRESENCE_COLORS.indexOf(colorFor(myId) as (typeof PRESENCE_COLORS)[number])
  for (let step = 0; step < PRESENCE_COLORS.length; step++) {
    const color = PRESENCE_COLORS[(start + step) % PRESENCE_COLORS.length] as string
    const holders = others.filter((o) => o.id !== myId && o.color === color)
    if (holders.length === 0) return color
    if (step === 0 && holders.every((o) => o.id > myId)) return color
  }
  return colorFor(myId)
}

const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.min(items.length - 1, Math.floor(random() * items.length))] as T

/** A friendly placeholder name like "Curious Otter". */
export function generatedName(random: () => number = Math.random): string {
  return `${pick(ADJECTIVES, random)} ${pick(ANIMALS, random)}`
}

function newPersonId(): string {
  const bytes = new Uint8Array(9)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')
}

function safeGet(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key)
  } catch {
    return null // storage disabled (private mode, blocked cookies): a fresh identity per visit
  }
}

function safeSet(storage: KeyValueStorage, key: string, value: string): void {
  try {
    storage.setItem(key, value)
  } catch {
    // Not remembered, but the person can still work; they will be asked again next visit.
  }
}

/** Reads this browser's identity, creating and saving an id on first use. */
export function loadIdentity(storage: KeyValueStorage, makeId: () => string = newPersonId): Identity {
  let id = safeGet(storage, IDENTITY_KEYS.id)
  if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    id = makeId()
    safeSet(storage, IDENTITY_KEYS.id, id)
  }
  const stored = safeGet(storage, IDENTITY_KEYS.name)
  const name = stored === null ? null : cleanName(stored) || null
  return { id, name, color: colorFor(id) }
}

/** Saves a chosen name; returns the identity with it, or the same identity if the name is blank. */
export function saveName(storage: KeyValueStorage, identity: Identity, name: string): Identity {
  const clean = cleanName(name)
  if (clean === '') return identity
  safeSet(storage, IDENTITY_KEYS.name, clean)
  return { ...identity, name: clean }
}

/** The user part of the awareness state, once the person has a name. */
export const presenceUser = (identity: Identity): PresenceUser | null =>
  identity.name === null ? null : { id: identity.id, name: identity.name, color: identity.color }

/** Up to two initials for an avatar: "Ada Lovelace" → "AL", "otter" → "O". */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words
  return letters
    .map((w) => [...(w ?? '')][0] ?? '')
    .join('')
    .toUpperCase()
}
