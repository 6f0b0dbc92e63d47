/*
 * The board's own fields, in the top-level `meta` map: `{ title, schemaVersion, createdAt, template,
 * sharedFilter }`.
 * Not a collection: one per document, so it has no id and no order. Follows the record pattern of
 * stage.ts otherwise.
 */
import type * as Y from 'yjs'
import type { TagId } from '../ids'
import { MAX_TITLE_CHARS } from '../limits'
import type { MigrationStep } from '../migrationStep'
import type { BoardOrigin } from '../origin'
import { NOTE_KINDS, type NoteKind } from '../style'
import { getMeta } from '../topLevel'
import {
  clampedNumber,
  type FieldTable,
  filterField,
  labelField,
  type NoteFilter,
  readFields,
  timestampField,
  titleField,
} from './field'
import { cleanTitle } from './ordered'
import { parseStrict, recordSchema, type StrictResult } from './strict'

/** Longest template id a reader takes (built-in ids are short; saved templates get generated ids). */
export const MAX_TEMPLATE_ID_CHARS = 64

export interface BoardMeta {
  /** The board's name: the page title, the board list, the PDF's title and file name. */
  title: string
  /**
   * The version of this document's layout, raised only by a migration (migrations.ts). 0 for a
   * document from before versioning; a number above this build's SCHEMA_VERSION means a newer client
   * made it, and it is read as it is.
   */
  schemaVersion: number
  /** When the board was made (epoch ms); absent on a board from before it was stamped. */
  createdAt?: number
  /** The template the board was made from, for the record and for "save as template"; absent if unknown. */
  template?: string
  /**
   * The filter a facilitator shares "for everyone": notes with one of these tags or kinds are
   * highlighted on every screen. Absent when nobody shares one (each person's own filter is local).
   */
  sharedFilter?: SharedFilter
}

export type SharedFilter = NoteFilter<NoteKind>

export const META_FIELDS = {
  title: titleField(MAX_TITLE_CHARS, 'Untitled board'),
  schemaVersion: clampedNumber(0, Number.POSITIVE_INFINITY, 0, true),
  createdAt: timestampField(),
  template: labelField(MAX_TEMPLATE_ID_CHARS),
  sharedFilter: filterField(NOTE_KINDS),
} as const satisfies FieldTable<BoardMeta>

/** Steps of the board's migrations that change meta (see migrations.ts). */
export const META_MIGRATIONS: readonly MigrationStep[] = [
  {
    to: 1,
    name: 'StampSchemaVersion',
    // Documents from before versioning have no schemaVersion (the runner stamps it); their layout is
    // version 1's, and they get the createdAt they lack.
    up: (doc) => {
      const meta = getMeta(doc)
      if (typeof meta.get('createdAt') !== 'number') meta.set('createdAt', Date.now())
    },
  },
]

export function readBoardTitle(doc: Y.Doc): string {
  return META_FIELDS.title.read(getMeta(doc).get('title'))
}

export function readSchemaVersion(doc: Y.Doc): number {
  return META_FIELDS.schemaVersion.read(getMeta(doc).get('schemaVersion'))
}

export function readMeta(doc: Y.Doc): BoardMeta {
  // No meta field is required, so a meta map always reads.
  return readFields<BoardMeta>(getMeta(doc), META_FIELDS) as BoardMeta
}

let metaSchema: ReturnType<typeof recordSchema> | undefined

/** The board's fields from outside the document (a JSON import's top level), checked strictly. */
export function parseMeta(value: unknown, at = ''): StrictResult<BoardMeta> {
  metaSchema ??= recordSchema(META_FIELDS)
  return parseStrict(metaSchema, value, at)
}

export function setBoardTitle(doc: Y.Doc, title: string, origin: BoardOrigin = 'local'): void {
  const clean = cleanTitle(title)
  if (clean === '') return
  doc.transact(() => getMeta(doc).set('title', clean), origin)
}

/** Shares a filter with everyone (set whole: the last one shared wins), or with null stops sharing. */
export function setSharedFilter(
  doc: Y.Doc,
  filter: { tags: readonly TagId[]; kinds: readonly NoteKind[] } | null,
  origin: BoardOrigin = 'local',
): void {
  const meta = getMeta(doc)
  if (filter === null) {
    if (meta.has('sharedFilter')) doc.transact(() => meta.delete('sharedFilter'), origin)
    return
  }
  const clean = META_FIELDS.sharedFilter.read({ tags: [...filter.tags], kinds: [...filter.kinds] })
  if (clean)
    doc.transact(() => meta.set('sharedFilter', { tags: [...clean.tags], kinds: [...clean.kinds] }), origin)
}
