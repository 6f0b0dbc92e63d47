/*
 * The board's keyed collections, as the JSON exchange format sees them: each top-level map of the
 * document, the kind of id its keys carry, and the field table of its record module
 * (shared/src/board/records). The exporter and the importer are written against this list only, so a
 * new record type is ONE LINE here (its map's name in JSON and in the document, its id kind, its fields).
 * `meta` is not a collection (one per board, no ids); json.ts handles it with META_FIELDS.
 */
import type * as Y from 'yjs'
import type { IdKind } from '../board/ids'
import type { FieldTable } from '../board/records/field'
import { LANE_FIELDS } from '../board/records/lane'
import { NOTE_FIELDS } from '../board/records/note'
import { STAGE_FIELDS } from '../board/records/stage'
import { type FieldMap, getLanes, getNotes, getStages } from '../board/topLevel'

export interface Collection {
  /** The key in the JSON file, the same as the top-level map's name in the document. */
  key: string
  /** The kind its ids carry (`stage:…`); a field of rule `{ type: 'id', kind }` refers to this collection. */
  idKind?: IdKind
  /**
   * For a collection keyed by something other than a record id (a value per cell, say): which map keys
   * are its records'. The key is the record's `id` in JSON all the same.
   */
  isKey?: (key: string) => boolean
  // A table of some record; the exchange reads it by key and rule only.
  fields: FieldTable<Record<string, unknown>>
  map: (doc: Y.Doc) => Y.Map<FieldMap>
}

const table = (fields: object) => fields as FieldTable<Record<string, unknown>>

/** In the order a file lists them, referenced collections before those that refer to them. */
export const COLLECTIONS: readonly Collection[] = [
  { key: 'stages', idKind: 'stage', fields: table(STAGE_FIELDS), map: getStages },
  { key: 'lanes', idKind: 'lane', fields: table(LANE_FIELDS), map: getLanes },
  { key: 'notes', idKind: 'note', fields: table(NOTE_FIELDS), map: getNotes },
]
