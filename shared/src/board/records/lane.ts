/*
 * The lane record: a row of the board, one aspect of the journey (what the customer does, feels…).
 * Stored as `lanes: lane:<id> → Y.Map { title, order, kind }`. What a kind means (what its cells
 * hold, how they draw, their CSV) is the lane-kind registry's (../laneKinds/registry.ts); the lane
 * only names its kind. Follows the record pattern of stage.ts.
 */
import * as Y from 'yjs'
import { isOrderKey } from '../../order'
import { isId, type LaneId, newId } from '../ids'
import { FALLBACK_LANE_KIND, isLaneKind, LANE_KINDS, type LaneKind } from '../laneKinds/registry'
import { MAX_TITLE_CHARS } from '../limits'
import type { MigrationStep } from '../migrationStep'
import type { BoardOrigin } from '../origin'
import { type FieldMap, getLanes } from '../topLevel'
import { choiceField, type FieldTable, orderKeyField, readFields, titleField } from './field'
import { cleanTitle, orderAfterLast, readSorted } from './ordered'
import { parseStrict, recordSchema, type StrictResult } from './strict'

export interface Lane {
  id: LaneId
  /** The row's name, shown in its header; a reader shows "Untitled lane" for a blank one. */
  title: string
  /** Fractional key: the row's position from top to bottom (concurrent moves never duplicate a row). */
  order: string
  /**
   * What the lane is for, and so what its cells hold and how they look (the lane-kind registry). A
   * kind this build does not know (a newer client's) reads as `custom` and is stored untouched.
   */
  kind: LaneKind
}

export const LANE_FIELDS = {
  title: titleField(MAX_TITLE_CHARS, 'Untitled lane'),
  order: orderKeyField(),
  kind: choiceField(LANE_KINDS, FALLBACK_LANE_KIND),
} as const satisfies FieldTable<Omit<Lane, 'id'>>

/** Steps of the board's migrations that change lanes (see migrations.ts); none yet. */
export const LANE_MIGRATIONS: readonly MigrationStep[] = []

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

export function addLane(
  doc: Y.Doc,
  title: string,
  kind: LaneKind,
  order?: string,
  origin: BoardOrigin = 'local',
): LaneId {
  const id = newId('lane')
  doc.transact(() => {
    const map: FieldMap = new Y.Map()
    map.set('title', title.slice(0, MAX_TITLE_CHARS))
    map.set('order', order ?? orderAfterLast(readLanes(doc)))
    map.set('kind', kind)
    getLanes(doc).set(id, map)
  }, origin)
  return id
}

export function renameLane(doc: Y.Doc, id: LaneId, title: string, origin: BoardOrigin = 'local'): void {
  const map = getLanes(doc).get(id)
  const clean = cleanTitle(title)
  if (map instanceof Y.Map && clean !== '') doc.transact(() => map.set('title', clean), origin)
}

/** A lane's kind picks its accent and the color new notes in it start with; notes already there keep theirs. */
export function setLaneKind(doc: Y.Doc, id: LaneId, kind: LaneKind, origin: BoardOrigin = 'local'): void {
  const map = getLanes(doc).get(id)
  if (map instanceof Y.Map && isLaneKind(kind) && map.get('kind') !== kind) {
    doc.transact(() => map.set('kind', kind), origin)
  }
}

export function moveLane(doc: Y.Doc, id: LaneId, order: string, origin: BoardOrigin = 'local'): void {
  const map = getLanes(doc).get(id)
  if (map instanceof Y.Map && isOrderKey(order)) doc.transact(() => map.set('order', order), origin)
}

/** Removes a lane; its notes move to the "Unsorted" row, as for `removeStage`. */
export function removeLane(doc: Y.Doc, id: LaneId, origin: BoardOrigin = 'local'): void {
  doc.transact(() => getLanes(doc).delete(id), origin)
}
