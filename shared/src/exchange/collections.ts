/*
 * The board's keyed collections, as the JSON exchange format sees them: each top-level map of the
 * document, the kind of id its keys carry, and the field table of its record module
 * (shared/src/board/records). The exporter and the importer are written against this list only, so a
 * new record type is ONE LINE here (its map's name in JSON and in the document, its id kind, its fields).
 * `meta` is not a collection (one per board, no ids); json.ts handles it with META_FIELDS.
 */
import type * as Y from 'yjs'
import type { IdKind } from '../board/ids'
import { parseCellKey, parseScoreKey } from '../board/keyed'
import { CHIP_FIELDS } from '../board/records/chip'
import { CONNECTOR_FIELDS } from '../board/records/connector'
import type { Field, FieldTable } from '../board/records/field'
import { LANE_FIELDS } from '../board/records/lane'
import { LANE_TEXT } from '../board/records/laneText'
import { METRIC_VALUE } from '../board/records/metricValue'
import { NOTE_FIELDS } from '../board/records/note'
import { PERSONA_FIELDS } from '../board/records/persona'
import { SCORE_VALUE } from '../board/records/score'
import { STAGE_FIELDS } from '../board/records/stage'
import { TAG_FIELDS } from '../board/records/tag'
import {
  type FieldMap,
  getChips,
  getConnectors,
  getLanes,
  getLaneTexts,
  getMetricValues,
  getNotes,
  getPersonas,
  getScores,
  getStages,
  getTags,
} from '../board/topLevel'

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
  { key: 'personas', idKind: 'persona', fields: table(PERSONA_FIELDS), map: getPersonas },
  { key: 'tags', idKind: 'tag', fields: table(TAG_FIELDS), map: getTags },
  { key: 'notes', idKind: 'note', fields: table(NOTE_FIELDS), map: getNotes },
  { key: 'chips', idKind: 'chip', fields: table(CHIP_FIELDS), map: getChips },
  { key: 'connectors', idKind: 'connector', fields: table(CONNECTOR_FIELDS), map: getConnectors },
]

/**
 * The maps of plain values keyed by their cell (shared/src/board/keyed.ts). JSON holds each as an
 * object, key → value (`"scores": { "lane:a/stage:b/persona:default": -1 }`), a text as its string.
 */
export interface KeyedValues {
  key: string
  isKey: (key: string) => boolean
  value: Field<unknown>
  map: (doc: Y.Doc) => Y.Map<unknown>
}

export const KEYED_VALUES: readonly KeyedValues[] = [
  { key: 'scores', isKey: (k) => parseScoreKey(k) !== null, value: SCORE_VALUE, map: getScores },
  { key: 'metricValues', isKey: (k) => parseCellKey(k) !== null, value: METRIC_VALUE, map: getMetricValues },
  { key: 'laneTexts', isKey: (k) => parseCellKey(k) !== null, value: LANE_TEXT, map: getLaneTexts },
]
