/*
 * The lane record: a row of the board, one aspect of the journey (what the customer does, feels…).
 * Stored as `lanes: lane:<id> → Y.Map { title, order, kind, height, collapsed, metricName, metricUnit }`.
 * What a kind means (what its cells hold, how they draw, their CSV) is the lane-kind registry's
 * (../laneKinds/registry.ts); the lane only names its kind. Follows the record pattern of stage.ts.
 */
import * as Y from 'yjs'
import { isOrderKey } from '../../order'
import { isId, type LaneId, newId } from '../ids'
import {
  FALLBACK_LANE_KIND,
  getLaneKind,
  isLaneKind,
  LANE_KIND_ALIASES,
  type LaneKind,
  READ_LANE_KINDS,
  type ReadLaneKind,
} from '../laneKinds/registry'
import { MAX_TITLE_CHARS } from '../limits'
import type { MigrationStep } from '../migrationStep'
import type { BoardOrigin } from '../origin'
import { type FieldMap, getLanes, getStages } from '../topLevel'
import {
  choiceField,
  type FieldTable,
  flagField,
  labelField,
  optionalNumber,
  orderKeyField,
  readFields,
  titleField,
} from './field'
import { ensureLaneText } from './laneText'
import { cleanTitle, orderAfterLast, readSorted } from './ordered'
import { parseStrict, recordSchema, type StrictResult } from './strict'

/** The heights a lane may be given by hand (board units); its content may still make it taller. */
export const LANE_HEIGHT = { min: 32, max: 2_000 } as const
export const MAX_METRIC_NAME_CHARS = 60
export const MAX_METRIC_UNIT_CHARS = 12

export interface Lane {
  id: LaneId
  /** The row's name, shown in its header; a reader shows "Untitled lane" for a blank one. */
  title: string
  /** Fractional key: the row's position from top to bottom (concurrent moves never duplicate a row). */
  order: string
  /**
   * What the lane is for, and so what its cells hold and how they look (the lane-kind registry).
   * v1's `emotions` reads as `thoughts`; a kind this build does not know (a newer client's) reads as
   * `unknown`, and its stored value is never rewritten.
   */
  kind: ReadLaneKind
  /** A height set by resizing the row; absent means "as tall as its content". */
  height?: number
  /** Shown as its header only, so a long board fits a screen. */
  collapsed: boolean
  /** A metrics lane's metric ("Conversion", "NPS"); other kinds ignore it but keep it across a kind change. */
  metricName?: string
  /** A metrics lane's unit ("%", "min"), shown after each value. */
  metricUnit?: string
}

export const LANE_FIELDS = {
  title: titleField(MAX_TITLE_CHARS, 'Untitled lane'),
  order: orderKeyField(),
  kind: choiceField(READ_LANE_KINDS, FALLBACK_LANE_KIND, LANE_KIND_ALIASES),
  height: optionalNumber(LANE_HEIGHT.min, LANE_HEIGHT.max),
  collapsed: flagField(),
  metricName: labelField(MAX_METRIC_NAME_CHARS),
  metricUnit: labelField(MAX_METRIC_UNIT_CHARS),
} as const satisfies FieldTable<Omit<Lane, 'id'>>

/**
 * Version 2 (ThoughtsLaneAndJourneyRecords): v1's notes lane `emotions` ("Thoughts & emotions") is a
 * `thoughts` notes lane. Its title and every note in it stay as they are: the notes are people's
 * words, never turned into scores. Idempotent: a lane already `thoughts` is left alone, and two peers
 * writing the same value converge.
 */
export const LANE_MIGRATIONS: readonly MigrationStep[] = [
  {
    to: 2,
    name: 'EmotionsLaneIsThoughts',
    up: (doc) => {
      getLanes(doc).forEach((map) => {
        if (map instanceof Y.Map && map.get('kind') === 'emotions') map.set('kind', 'thoughts')
      })
    },
  },
]

/** A valid lane, or null when the entry cannot be placed (it is then skipped). */
export function readLane(id: string, map: unknown): Lane | null {
  if (!isId('lane', id) || !(map instanceof Y.Map)) return null
  return readFields<Omit<Lane, 'id'>, { id: typeof id }>(map, LANE_FIELDS, { id })
}

export const readLanes = (doc: Y.Doc): Lane[] => readSorted(getLanes(doc), readLane)

let laneSchema: ReturnType<typeof recordSchema> | undefined

/** A lane from outside the document (a JSON import), checked strictly; `at` names it in errors (`lanes[2]`). */
export function parseLane(value: unknown, at = 'lane'): StrictResult<Lane> {
  laneSchema ??= recordSchema(LANE_FIELDS, 'lane')
  return parseStrict(laneSchema, value, at)
}

/**
 * Makes what a lane of `kind` needs in every stage before anyone types in it: a text lane's blocks.
 * Inside the caller's transaction (the lane's creation, or a kind change).
 */
export function prepareLaneCells(doc: Y.Doc, id: LaneId, kind: ReadLaneKind): void {
  if (getLaneKind(kind).layout.holds !== 'text') return
  getStages(doc).forEach((_map, stageId) => {
    if (isId('stage', stageId)) ensureLaneText(doc, id, stageId)
  })
}

export interface LaneOptions {
  metricName?: string
  metricUnit?: string
  id?: LaneId
}

export function addLane(
  doc: Y.Doc,
  title: string,
  kind: LaneKind,
  order?: string,
  origin: BoardOrigin = 'local',
  options: LaneOptions = {},
): LaneId {
  const id = options.id ?? newId('lane')
  doc.transact(() => {
    const map: FieldMap = new Y.Map()
    map.set('title', title.slice(0, MAX_TITLE_CHARS))
    map.set('order', order ?? orderAfterLast(readLanes(doc)))
    map.set('kind', kind)
    if (options.metricName) map.set('metricName', options.metricName.slice(0, MAX_METRIC_NAME_CHARS))
    if (options.metricUnit) map.set('metricUnit', options.metricUnit.slice(0, MAX_METRIC_UNIT_CHARS))
    getLanes(doc).set(id, map)
    prepareLaneCells(doc, id, kind)
  }, origin)
  return id
}

export function renameLane(doc: Y.Doc, id: LaneId, title: string, origin: BoardOrigin = 'local'): void {
  const map = getLanes(doc).get(id)
  const clean = cleanTitle(title)
  if (map instanceof Y.Map && clean !== '') doc.transact(() => map.set('title', clean), origin)
}

/**
 * Sets a lane's kind and nothing else: its cells' content stays in the document. Changing a kind
 * where content would not show is laneKindChange.ts's job (it converts or asks first); this is the
 * plain write it ends with.
 */
export function setLaneKind(doc: Y.Doc, id: LaneId, kind: LaneKind, origin: BoardOrigin = 'local'): void {
  const map = getLanes(doc).get(id)
  if (map instanceof Y.Map && isLaneKind(kind) && map.get('kind') !== kind) {
    doc.transact(() => {
      map.set('kind', kind)
      prepareLaneCells(doc, id, kind)
    }, origin)
  }
}

export function moveLane(doc: Y.Doc, id: LaneId, order: string, origin: BoardOrigin = 'local'): void {
  const map = getLanes(doc).get(id)
  if (map instanceof Y.Map && isOrderKey(order)) doc.transact(() => map.set('order', order), origin)
}

/** Sets a lane's height by hand (clamped), or with null gives it back to its content. */
export function setLaneHeight(
  doc: Y.Doc,
  id: LaneId,
  height: number | null,
  origin: BoardOrigin = 'local',
): void {
  const map = getLanes(doc).get(id)
  if (!(map instanceof Y.Map)) return
  if (height === null) {
    if (map.has('height')) doc.transact(() => map.delete('height'), origin)
    return
  }
  if (!Number.isFinite(height)) return
  const clean = Math.min(LANE_HEIGHT.max, Math.max(LANE_HEIGHT.min, Math.round(height)))
  if (map.get('height') !== clean) doc.transact(() => map.set('height', clean), origin)
}

export function setLaneCollapsed(
  doc: Y.Doc,
  id: LaneId,
  collapsed: boolean,
  origin: BoardOrigin = 'local',
): void {
  const map = getLanes(doc).get(id)
  if (map instanceof Y.Map && (map.get('collapsed') === true) !== collapsed)
    doc.transact(() => map.set('collapsed', collapsed), origin)
}

/** Names a metrics lane's metric and unit; '' or null removes either. */
export function setLaneMetric(
  doc: Y.Doc,
  id: LaneId,
  metric: { name?: string | null; unit?: string | null },
  origin: BoardOrigin = 'local',
): void {
  const map = getLanes(doc).get(id)
  if (!(map instanceof Y.Map)) return
  doc.transact(() => {
    writeLabel(map, 'metricName', metric.name, MAX_METRIC_NAME_CHARS)
    writeLabel(map, 'metricUnit', metric.unit, MAX_METRIC_UNIT_CHARS)
  }, origin)
}

/** Writes an optional short string: undefined leaves it, null or blank removes it, else trimmed and cut. */
export function writeLabel(
  map: FieldMap,
  key: string,
  value: string | null | undefined,
  maxChars: number,
): void {
  if (value === undefined) return
  const clean = value === null ? '' : value.trim().slice(0, maxChars)
  if (clean === '') {
    if (map.has(key)) map.delete(key)
  } else if (map.get(key) !== clean) map.set(key, clean)
}

/**
 * Removes a lane; its notes move to the "Unsorted" row, as for `removeStage`. Its cell records
 * (scores, metric values, text blocks, chips) stay in the document, undrawn, for the same reason as
 * the notes: a colleague's undo of the removal, or a concurrent edit, finds them where they were.
 */
export function removeLane(doc: Y.Doc, id: LaneId, origin: BoardOrigin = 'local'): void {
  doc.transact(() => getLanes(doc).delete(id), origin)
}
