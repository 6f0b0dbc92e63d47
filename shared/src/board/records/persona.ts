/*
 * The persona record: whom the journey is about. Stored as `personas: persona:<id> → Y.Map { name,
 * role, initials, color, order, goals, needs, frustrations (Y.Text each), photo, pinned, pinX, pinY }`.
 * Follows the record pattern of stage.ts. Every board has `persona:default`: the v2 migration and
 * every template make it, and a reader synthesizes it when it is absent, so an emotion curve always
 * has someone to score for. It cannot be removed.
 */
import * as Y from 'yjs'
import { compareByOrder, isOrderKey } from '../../order'
import { DEFAULT_PERSONA_ID, isId, newId, type PersonaId } from '../ids'
import type { MigrationStep } from '../migrationStep'
import type { BoardOrigin } from '../origin'
import { PERSONA_COLORS, type PersonaColor } from '../style'
import { type FieldMap, getPersonas } from '../topLevel'
import {
  choiceField,
  type FieldTable,
  flagField,
  labelField,
  optionalNumber,
  orderKeyField,
  readFields,
  textField,
  titleField,
} from './field'
import { cleanTitle, orderAfterLast, readSorted } from './ordered'
import { deleteScoresWhere } from './score'
import { parseStrict, recordSchema, type StrictResult } from './strict'

export const MAX_PERSONA_TEXT_CHARS = 2_000
/** A downsized photo (≤ 128 px, the client downsizes) as a data URL fits in 64 KiB. */
export const MAX_PERSONA_PHOTO_CHARS = 65_536
export const PERSONA_PHOTO = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/
/** Board units a pinned card may sit at, either way of the grid's origin. */
const PIN_RANGE = 100_000

export type PersonaTextKey = 'goals' | 'needs' | 'frustrations'
export const PERSONA_TEXT_KEYS: readonly PersonaTextKey[] = ['goals', 'needs', 'frustrations']

export interface Persona {
  id: PersonaId
  /** Shown on the persona's card and in the emotion curve's legend. */
  name: string
  role?: string
  /** The avatar's letters when there is no photo. */
  initials?: string
  /** The persona's curve and card accent. */
  color: PersonaColor
  /** Fractional key: the legend's and the persona panel's order. */
  order: string
  goals: string
  needs: string
  frustrations: string
  /** A `data:image/(png|jpeg|webp);base64,` URL; anything else reads as no photo. */
  photo?: string
  /** Whether the persona's card is pinned on the board, at pinX/pinY (board units). */
  pinned: boolean
  pinX?: number
  pinY?: number
}

export const PERSONA_FIELDS = {
  name: titleField(200, 'Customer'),
  role: labelField(80),
  initials: labelField(3),
  color: choiceField(PERSONA_COLORS, 'indigo'),
  order: orderKeyField(),
  goals: textField(MAX_PERSONA_TEXT_CHARS),
  needs: textField(MAX_PERSONA_TEXT_CHARS),
  frustrations: textField(MAX_PERSONA_TEXT_CHARS),
  photo: labelField(MAX_PERSONA_PHOTO_CHARS, PERSONA_PHOTO),
  pinned: flagField(),
  pinX: optionalNumber(-PIN_RANGE, PIN_RANGE),
  pinY: optionalNumber(-PIN_RANGE, PIN_RANGE),
} as const satisfies FieldTable<Omit<Persona, 'id'>>

/** The default persona's order key: before any an editor appends. */
const DEFAULT_ORDER = 'V'

/** Version 2 (ThoughtsLaneAndJourneyRecords): the default persona, where missing. */
export const PERSONA_MIGRATIONS: readonly MigrationStep[] = [
  { to: 2, name: 'DefaultPersona', up: (doc) => ensureDefaultPersona(doc) },
]

export function readPersona(id: string, map: unknown): Persona | null {
  if (!isId('persona', id) || !(map instanceof Y.Map)) return null
  return readFields<Omit<Persona, 'id'>, { id: typeof id }>(map, PERSONA_FIELDS, { id })
}

const DEFAULT_PERSONA: Persona = Object.freeze({
  id: DEFAULT_PERSONA_ID,
  name: 'Customer',
  color: 'indigo',
  order: DEFAULT_ORDER,
  goals: '',
  needs: '',
  frustrations: '',
  pinned: false,
})

/** Every persona in order; never empty: `persona:default` is synthesized when the document lacks it. */
export function readPersonas(doc: Y.Doc): Persona[] {
  const personas = readSorted(getPersonas(doc), readPersona)
  if (personas.some((p) => p.id === DEFAULT_PERSONA_ID)) return personas
  // In its place by order key, as it will sit once a migration or an edit makes it.
  return [...personas, { ...DEFAULT_PERSONA }].sort(compareByOrder)
}

let personaSchema: ReturnType<typeof recordSchema> | undefined

export function parsePersona(value: unknown, at = 'persona'): StrictResult<Persona> {
  personaSchema ??= recordSchema(PERSONA_FIELDS, 'persona')
  return parseStrict(personaSchema, value, at)
}

// ——— mutations ———

function personaMap(name: string, color: PersonaColor, order: string): FieldMap {
  const map: FieldMap = new Y.Map()
  map.set('name', cleanTitle(name) || 'Customer')
  map.set('color', color)
  map.set('order', order)
  // The texts exist from the start, so two people's first keystrokes never race to create them.
  for (const key of PERSONA_TEXT_KEYS) map.set(key, new Y.Text())
  return map
}

/** Makes `persona:default` if the document lacks it (fixed id: concurrent calls write the same key). */
export function ensureDefaultPersona(doc: Y.Doc, origin: BoardOrigin = 'migration'): void {
  const personas = getPersonas(doc)
  if (personas.get(DEFAULT_PERSONA_ID) instanceof Y.Map) return
  doc.transact(
    () => personas.set(DEFAULT_PERSONA_ID, personaMap('Customer', 'indigo', DEFAULT_ORDER)),
    origin,
  )
}

export interface PersonaInit {
  name: string
  color?: PersonaColor
  role?: string
  initials?: string
  id?: PersonaId
}

export function addPersona(doc: Y.Doc, init: PersonaInit, origin: BoardOrigin = 'local'): PersonaId {
  const id = init.id ?? newId('persona')
  doc.transact(() => {
    const existing = readPersonas(doc)
    const color = init.color ?? PERSONA_COLORS[existing.length % PERSONA_COLORS.length] ?? 'indigo'
    const map = personaMap(init.name, color, orderAfterLast(existing))
    if (init.role) map.set('role', init.role.slice(0, 80))
    if (init.initials) map.set('initials', init.initials.slice(0, 3))
    getPersonas(doc).set(id, map)
  }, origin)
  return id
}

/** What updatePersona may change; null removes an optional field. */
export interface PersonaPatch {
  name?: string
  role?: string | null
  initials?: string | null
  color?: PersonaColor
  photo?: string | null
  pinned?: boolean
  pinX?: number | null
  pinY?: number | null
}

/** Why a photo cannot be stored, in words for the person who picked it; null when it can. */
export function photoProblem(photo: string): string | null {
  if (photo.length > MAX_PERSONA_PHOTO_CHARS)
    return `The photo is ${Math.ceil(photo.length / 1024)} KiB; a persona photo must be at most 64 KiB (pick a smaller image).`
  if (!PERSONA_PHOTO.test(photo)) return 'The photo must be a PNG, JPEG or WebP image (a base64 data URL).'
  return null
}

export type PersonaUpdate = { ok: true } | { ok: false; error: string }

/**
 * Patches a persona, writing only the patched keys (a newer client's fields stay). Editing the
 * default persona before it exists (a v1 board not migrated yet) makes it first, in the same step.
 * A photo that cannot be stored rejects the whole patch, with the reason, and writes nothing.
 */
export function updatePersona(
  doc: Y.Doc,
  id: PersonaId,
  patch: PersonaPatch,
  origin: BoardOrigin = 'local',
): PersonaUpdate {
  const problem = typeof patch.photo === 'string' ? photoProblem(patch.photo) : null
  if (problem) return { ok: false, error: problem }
  doc.transact(() => {
    if (id === DEFAULT_PERSONA_ID) ensureDefaultPersona(doc, origin)
    const map = getPersonas(doc).get(id)
    if (!(map instanceof Y.Map)) return
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue
      if (value === null) {
        if (map.has(key)) map.delete(key)
        continue
      }
      const clean = key === 'name' ? cleanTitle(value as string) : value
      if (clean === '') continue
      if (map.get(key) !== clean) map.set(key, clean)
    }
  }, origin)
  return { ok: true }
}

export function movePersona(doc: Y.Doc, id: PersonaId, order: string, origin: BoardOrigin = 'local'): void {
  doc.transact(() => {
    if (id === DEFAULT_PERSONA_ID) ensureDefaultPersona(doc, origin)
    const map = getPersonas(doc).get(id)
    if (map instanceof Y.Map && isOrderKey(order)) map.set('order', order)
  }, origin)
}

/** Removes a persona and its scores in one transaction; the default persona cannot be removed. */
export function removePersona(doc: Y.Doc, id: PersonaId, origin: BoardOrigin = 'local'): boolean {
  if (id === DEFAULT_PERSONA_ID) return false
  doc.transact(() => {
    getPersonas(doc).delete(id)
    deleteScoresWhere(doc, (ref) => ref.personaId === id)
  }, origin)
  return true
}

/** A persona's live goals/needs/frustrations text, for editors (made if a hostile client left it out). */
export function getPersonaText(doc: Y.Doc, id: PersonaId, key: PersonaTextKey): Y.Text | null {
  if (id === DEFAULT_PERSONA_ID) ensureDefaultPersona(doc, 'local')
  const map = getPersonas(doc).get(id)
  if (!(map instanceof Y.Map)) return null
  const text = map.get(key)
  if (text instanceof Y.Text) return text
  const made = new Y.Text()
  doc.transact(() => map.set(key, made), 'local')
  return made
}
