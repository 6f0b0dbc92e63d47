/*
 * The lossless JSON form of a board (docs/board-document.md, "JSON"):
 *
 *   { "format": "journeyboard", "schemaVersion": 2, "title", "createdAt"?, "template"?, "sharedFilter"?,
 *     "stages": [{ "id", "title", "order", … }], "lanes": [...], "notes": [...], …every collection,
 *     "scores": { "<laneId>/<stageId>/<personaId>": -1 }, "metricValues": {…}, "laneTexts": {…} }
 *
 * A v1 file (no personas, tags…, lanes of kind `emotions`) imports: the missing collections are
 * empty, and the v2 migration then runs on the built document as on a stored board.
 *
 * Built generically from collections.ts and the record modules' field tables: every field of every
 * record, a collaborative text as its string (without the reader's "…"), ids kept, so that
 * export → import → export gives the same JSON. Records a reader cannot place (a hostile client's) are
 * left out, as every reader leaves them out; a value a reader repairs (clamps, defaults) is exported
 * repaired. Import checks the whole file strictly (strict.ts: every error, each naming its place,
 * `notes[12].stageId: unknown stage`), then builds a new Y.Doc and runs the board's migrations on it,
 * so a file of an older schema is brought up to this one as a stored board would be.
 */
import * as Y from 'yjs'
import { isId } from '../board/ids'
import { migrateBoard } from '../board/migrations'
import { type Field, type FieldRule, UNPLACEABLE } from '../board/records/field'
import { META_FIELDS } from '../board/records/meta'
import { parseStrict, recordSchema, shownValue } from '../board/records/strict'
import { SCHEMA_VERSION } from '../board/schema'
import { getMeta } from '../board/topLevel'
import { COLLECTIONS, type Collection, KEYED_VALUES, type KeyedValues } from './collections'

export const JSON_FORMAT = 'journeyboard'

export type BoardRecordJson = { id: string } & Record<string, unknown>

/** What exportBoardJson returns: the fixed keys, meta's fields and one array per collection. */
export interface BoardJson {
  format: typeof JSON_FORMAT
  schemaVersion: number
  title: string
  [key: string]: unknown
}

/** A field's value as JSON holds it: text in full, anything else as the tolerant reader reads it. */
function exportValue(field: Field<unknown>, stored: unknown): unknown {
  // An id set reads as a frozen, shared array: the JSON gets its own copy.
  if (field.rule.type === 'idSet') return [...(field.read(stored) as readonly string[])]
  // In full up to what any reader shows (and an import takes); a longer stored text is cut there.
  if (field.rule.type === 'text')
    return stored instanceof Y.Text ? stored.toString().slice(0, field.rule.maxChars) : ''
  return field.read(stored)
}

function exportRecord(collection: Collection, id: string, map: unknown): BoardRecordJson | null {
  if (!isKey(collection, id) || !(map instanceof Y.Map)) return null
  const record: BoardRecordJson = { id }
  for (const [key, field] of Object.entries<Field<unknown>>(collection.fields)) {
    const value = exportValue(field, map.get(key))
    if (value === UNPLACEABLE) return null
    if (value !== undefined) record[key] = value
  }
  return record
}

const isKey = (collection: Collection, key: unknown): key is string =>
  typeof key === 'string' &&
  (collection.idKind ? isId(collection.idKind, key) : (collection.isKey?.(key) ?? key.length > 0))

/** By order key when the record has one, then by id: one stable order, so two exports compare equal. */
function compareRecords(a: BoardRecordJson, b: BoardRecordJson): number {
  const ao = typeof a.order === 'string' ? a.order : ''
  const bo = typeof b.order === 'string' ? b.order : ''
  if (ao !== bo) return ao < bo ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** `collections` is COLLECTIONS but for tests, which prove a new collection needs nothing more than its entry. */
export function exportBoardJson(
  doc: Y.Doc,
  collections: readonly Collection[] = COLLECTIONS,
  keyedValues: readonly KeyedValues[] = KEYED_VALUES,
): BoardJson {
  const meta = getMeta(doc)
  const json: BoardJson = { format: JSON_FORMAT, schemaVersion: 0, title: '' }
  for (const [key, field] of Object.entries<Field<unknown>>(META_FIELDS)) {
    const value = field.read(meta.get(key))
    if (value !== undefined && value !== UNPLACEABLE) json[key] = value
  }
  for (const collection of collections) {
    const records: BoardRecordJson[] = []
    collection.map(doc).forEach((map, id) => {
      const record = exportRecord(collection, id, map)
      if (record) records.push(record)
    })
    json[collection.key] = records.sort(compareRecords)
  }
  for (const keyed of keyedValues) {
    const values: Record<string, unknown> = {}
    const keys = [...keyed.map(doc).keys()].filter(keyed.isKey).sort()
    for (const key of keys) {
      const value = exportValue(keyed.value, keyed.map(doc).get(key))
      // A text block that is not a Y.Text (a hostile client's) is no block: readers skip it too.
      if (keyed.value.rule.type === 'text' && !(keyed.map(doc).get(key) instanceof Y.Text)) continue
      if (value !== UNPLACEABLE && value !== undefined) values[key] = value
    }
    json[keyed.key] = values
  }
  return json
}

export type ImportResult = { ok: true; doc: Y.Doc; from: number } | { ok: false; errors: string[] }

/** At most this many errors are reported: a wholly wrong file should not produce a megabyte of them. */
const MAX_ERRORS = 20

/**
 * A new Y.Doc holding the board the JSON describes, migrated to SCHEMA_VERSION, or every error found
 * (at most MAX_ERRORS), each naming where. Ids are kept. Nothing is built unless the whole file is valid.
 */
export function importBoardJson(
  json: unknown,
  collections: readonly Collection[] = COLLECTIONS,
  keyedValues: readonly KeyedValues[] = KEYED_VALUES,
): ImportResult {
  const errors: string[] = []
  const add = (message: string) => {
    if (errors.length < MAX_ERRORS) errors.push(message)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, errors: [`expected a Journeyboard JSON object, got ${shownValue(json)}`] }
  }
  const file = json as Record<string, unknown>
  if (file.format !== JSON_FORMAT) {
    return { ok: false, errors: [`format: expected "${JSON_FORMAT}", got ${shownValue(file.format)}`] }
  }
  const version = file.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, errors: [`schemaVersion: expected a whole number ≥ 0, got ${shownValue(version)}`] }
  }
  if (version > SCHEMA_VERSION) {
    const message = `schemaVersion: the file has schema ${version}, this server knows up to ${SCHEMA_VERSION}`
    return { ok: false, errors: [message] }
  }
  const older = version < SCHEMA_VERSION
  const meta = parseStrict<Record<string, unknown>>(
    recordSchema(META_FIELDS),
    older ? withDefaults(META_FIELDS, file) : file,
    '',
  )
  if (!meta.ok) meta.errors.forEach(add)

  // Every collection's ids first, so that a record may refer to one listed after it.
  const lists = new Map<string, unknown[]>()
  const known = new Map<string, Set<string>>()
  for (const collection of collections) {
    const list = file[collection.key]
    if (list === undefined && older) lists.set(collection.key, [])
    else if (!Array.isArray(list)) add(`${collection.key}: expected an array, got ${shownValue(list)}`)
    else lists.set(collection.key, list)
    const ids = new Set<string>()
    ;(lists.get(collection.key) ?? []).forEach((item, i) => {
      const id = (item as { id?: unknown } | null)?.id
      if (typeof id !== 'string') return
      if (ids.has(id)) add(`${collection.key}[${i}].id: ${shownValue(id)} is listed twice`)
      ids.add(id)
    })
    if (collection.idKind) known.set(collection.idKind, ids)
  }
  const records = new Map<Collection, Record<string, unknown>[]>()
  for (const collection of collections) {
    const schema = recordSchema(collection.fields, collection.idKind)
    const references = Object.entries<Field<unknown>>(collection.fields).flatMap(([key, field]) =>
      referenceOf(key, field.rule, known),
    )
    const parsed: Record<string, unknown>[] = []
    ;(lists.get(collection.key) ?? []).forEach((item, i) => {
      // An older file gets every default; a current one those whose absence plainly means the default.
      const value = withDefaults(collection.fields, item, older ? undefined : ABSENT_MEANS_DEFAULT)
      const at = `${collection.key}[${i}]`
      const result = parseStrict<Record<string, unknown>>(schema, value, at, references)
      if (!result.ok) result.errors.forEach(add)
      else if (!isKey(collection, result.value.id))
        add(`${at}.id: expected a key of ${collection.key}, got ${shownValue(result.value.id)}`)
      else parsed.push(result.value)
    })
    records.set(collection, parsed)
  }
  const values = new Map<KeyedValues, [string, unknown][]>()
  for (const keyed of keyedValues) {
    const object = file[keyed.key]
    if (object === undefined && older) {
      values.set(keyed, [])
      continue
    }
    if (typeof object !== 'object' || object === null || Array.isArray(object)) {
      add(`${keyed.key}: expected an object of key → value, got ${shownValue(object)}`)
      continue
    }
    const schema = recordSchema({ value: keyed.value })
    const entries: [string, unknown][] = []
    for (const [key, value] of Object.entries(object)) {
      const at = `${keyed.key}[${JSON.stringify(key)}]`
      if (!keyed.isKey(key)) {
        add(`${at}: expected a key of ${keyed.key}, such as "lane:…/stage:…"`)
        continue
      }
      const result = parseStrict<{ value: unknown }>(schema, { value }, '')
      if (!result.ok) {
        for (const error of result.errors) add(`${at}${error.replace(/^value/, '')}`)
      } else entries.push([key, result.value.value])
    }
    values.set(keyed, entries)
  }
  if (errors.length > 0 || !meta.ok) return { ok: false, errors }

  const doc = new Y.Doc()
  doc.transact(() => {
    const metaMap = getMeta(doc)
    for (const key of Object.keys(META_FIELDS)) {
      const value = meta.value[key]
      if (value !== undefined) metaMap.set(key, value)
    }
    metaMap.set('schemaVersion', version)
    for (const [collection, list] of records) {
      const target = collection.map(doc)
      for (const record of list) target.set(record.id as string, buildRecord(collection, record))
    }
    for (const [keyed, entries] of values) {
      const target = keyed.map(doc)
      for (const [key, value] of entries)
        target.set(key, keyed.value.rule.type === 'text' ? new Y.Text(String(value)) : value)
    }
  }, 'import')
  const migrated = migrateBoard(doc)
  if (!migrated.ok) {
    doc.destroy()
    return { ok: false, errors: [`schemaVersion: migrating from ${version} failed: ${migrated.message}`] }
  }
  return { ok: true, doc, from: version }
}

function buildRecord(collection: Collection, record: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, field] of Object.entries<Field<unknown>>(collection.fields)) {
    const value = record[key]
    if (value === undefined) continue
    if (field.rule.type === 'idSet') {
      const set = new Y.Map<unknown>()
      for (const id of value as readonly string[]) set.set(id, true)
      map.set(key, set)
    } else map.set(key, field.rule.type === 'text' ? new Y.Text(String(value)) : value)
  }
  return map
}

/** A field naming a record of a collection on this board must name one the file holds. */
function referenceOf(key: string, rule: FieldRule, known: Map<string, Set<string>>) {
  if (rule.type !== 'id') return []
  const ids = known.get(rule.kind)
  return ids ? [{ key, noun: rule.kind, known: ids }] : []
}

/**
 * Rules whose missing value a current file may leave out, as a writer does (a plain note stores no
 * kind, an untagged note no tags, an expanded lane no `collapsed`). A missing title stays an error.
 */
const ABSENT_MEANS_DEFAULT: ReadonlySet<FieldRule['type']> = new Set(['flag', 'idSet', 'choice'])

/**
 * An older file's record with the fields added since filled in as a reader fills them (a lane's kind,
 * a note's color…); fields a reader cannot do without (ids, order keys) stay required.
 */
function withDefaults(fields: object, item: unknown, only?: ReadonlySet<FieldRule['type']>): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return item
  const filled: Record<string, unknown> = { ...(item as Record<string, unknown>) }
  for (const [key, field] of Object.entries<Field<unknown>>(fields as Record<string, Field<unknown>>)) {
    if (filled[key] !== undefined || (only && !only.has(field.rule.type))) continue
    const value = field.read(undefined)
    if (value !== UNPLACEABLE && value !== undefined) filled[key] = value
  }
  return filled
}

/** Errors in one line each, as a 400 `{ error }` gives them. */
export const importErrorMessage = (errors: readonly string[]): string =>
  errors.length === 1 ? errors[0]! : `${errors.length} problems: ${errors.join('; ')}`
