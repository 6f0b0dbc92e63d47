/*
 * The tag record: a label a note may carry (Marketing, Support…), for filters and the tag dots on a
 * note's bottom edge. Stored as `tags: tag:<id> → Y.Map { name, color, order }`; a note holds the
 * ids of its tags (note.ts, `tags`). Follows the record pattern of stage.ts. The five default tags have
 * fixed ids (ids.ts) so that two peers migrating at once write the same keys.
 */
import * as Y from 'yjs'
import { isOrderKey } from '../../order'
import { DEFAULT_TAG_IDS, isId, newId, type TagId } from '../ids'
import type { MigrationStep } from '../migrationStep'
import type { BoardOrigin } from '../origin'
import { TAG_COLORS, type TagColor } from '../style'
import { type FieldMap, getNotes, getTags } from '../topLevel'
import { choiceField, type FieldTable, orderKeyField, readFields, titleField } from './field'
import { orderAfterLast, readSorted } from './ordered'
import { parseStrict, recordSchema, type StrictResult } from './strict'

export const MAX_TAG_NAME_CHARS = 40

export interface Tag {
  id: TagId
  name: string
  color: TagColor
  order: string
}

export const TAG_FIELDS = {
  name: titleField(MAX_TAG_NAME_CHARS, 'Tag'),
  color: choiceField(TAG_COLORS, 'gray'),
  order: orderKeyField(),
} as const satisfies FieldTable<Omit<Tag, 'id'>>

/** The default tags' names, colors and order keys, by id. */
export const DEFAULT_TAGS: readonly { id: TagId; name: string; color: TagColor; order: string }[] = [
  { id: DEFAULT_TAG_IDS[0], name: 'Marketing', color: 'blue', order: 'A' },
  { id: DEFAULT_TAG_IDS[1], name: 'Sales', color: 'green', order: 'B' },
  { id: DEFAULT_TAG_IDS[2], name: 'Support', color: 'orange', order: 'C' },
  { id: DEFAULT_TAG_IDS[3], name: 'Product', color: 'purple', order: 'D' },
  { id: DEFAULT_TAG_IDS[4], name: 'Operations', color: 'teal', order: 'E' },
]

/** Version 2 (ThoughtsLaneAndJourneyRecords): the five default tags, each only where missing. */
export const TAG_MIGRATIONS: readonly MigrationStep[] = [
  { to: 2, name: 'DefaultTags', up: (doc) => ensureDefaultTags(doc) },
]

export function readTag(id: string, map: unknown): Tag | null {
  if (!isId('tag', id) || !(map instanceof Y.Map)) return null
  return readFields<Omit<Tag, 'id'>, { id: typeof id }>(map, TAG_FIELDS, { id })
}

export const readTags = (doc: Y.Doc): Tag[] => readSorted(getTags(doc), readTag)

let tagSchema: ReturnType<typeof recordSchema> | undefined

export function parseTag(value: unknown, at = 'tag'): StrictResult<Tag> {
  tagSchema ??= recordSchema(TAG_FIELDS, 'tag')
  return parseStrict(tagSchema, value, at)
}

// ——— mutations ———

function tagMap(name: string, color: TagColor, order: string): FieldMap {
  const map: FieldMap = new Y.Map()
  map.set('name', name)
  map.set('color', color)
  map.set('order', order)
  return map
}

const cleanName = (name: string): string => name.trim().slice(0, MAX_TAG_NAME_CHARS)

/** Makes each default tag the document lacks (a tag someone removed is made again: it was a default). */
export function ensureDefaultTags(doc: Y.Doc, origin: BoardOrigin = 'migration'): void {
  const tags = getTags(doc)
  doc.transact(() => {
    for (const tag of DEFAULT_TAGS) {
      if (!(tags.get(tag.id) instanceof Y.Map)) tags.set(tag.id, tagMap(tag.name, tag.color, tag.order))
    }
  }, origin)
}

export function addTag(
  doc: Y.Doc,
  name: string,
  color: TagColor = 'gray',
  origin: BoardOrigin = 'local',
): TagId | null {
  const clean = cleanName(name)
  if (clean === '') return null
  const id = newId('tag')
  doc.transact(() => getTags(doc).set(id, tagMap(clean, color, orderAfterLast(readTags(doc)))), origin)
  return id
}

export function renameTag(doc: Y.Doc, id: TagId, name: string, origin: BoardOrigin = 'local'): void {
  const map = getTags(doc).get(id)
  const clean = cleanName(name)
  if (map instanceof Y.Map && clean !== '' && map.get('name') !== clean)
    doc.transact(() => map.set('name', clean), origin)
}

export function recolorTag(doc: Y.Doc, id: TagId, color: TagColor, origin: BoardOrigin = 'local'): void {
  const map = getTags(doc).get(id)
  if (map instanceof Y.Map && (TAG_COLORS as readonly string[]).includes(color) && map.get('color') !== color)
    doc.transact(() => map.set('color', color), origin)
}

/** Removes a tag and unsets it from every note, in one transaction. */
export function removeTag(doc: Y.Doc, id: TagId, origin: BoardOrigin = 'local'): void {
  doc.transact(() => {
    getTags(doc).delete(id)
    getNotes(doc).forEach((note) => {
      const tags = note instanceof Y.Map ? note.get('tags') : undefined
      if (tags instanceof Y.Map && tags.has(id)) tags.delete(id)
    })
  }, origin)
}

/** Moves a tag to a new place in the tag list (a fractional key). */
export function moveTag(doc: Y.Doc, id: TagId, order: string, origin: BoardOrigin = 'local'): void {
  const map = getTags(doc).get(id)
  if (map instanceof Y.Map && isOrderKey(order) && map.get('order') !== order)
    doc.transact(() => map.set('order', order), origin)
}
