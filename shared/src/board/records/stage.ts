/*
 * The stage record: a column of the board, a step of the customer's journey (Awareness, Purchase…).
 * Stored as `stages: stage:<id> → Y.Map { title, order, description, width }`.
 *
 * This file follows the record pattern (docs/board-document.md, "Records"): the stored fields with
 * why each exists, the field table their validation is declared in, the tolerant Yjs reader built
 * on it, the strict parse a JSON import uses, the mutations, and the migration steps.
 */
import * as Y from 'yjs'
import { isOrderKey } from '../../order'
import { isId, newId, type StageId } from '../ids'
import { getLaneKind } from '../laneKinds/registry'
import { MAX_TITLE_CHARS } from '../limits'
import type { MigrationStep } from '../migrationStep'
import type { BoardOrigin } from '../origin'
import { type FieldMap, getLanes, getStages } from '../topLevel'
import { removeConnectorsTouching } from './connector'
import { type FieldTable, labelField, optionalNumber, orderKeyField, readFields, titleField } from './field'
import { LANE_FIELDS, writeLabel } from './lane'
import { ensureLaneText } from './laneText'
import { cleanTitle, orderAfterLast, readSorted } from './ordered'
import { parseStrict, recordSchema, type StrictResult } from './strict'

export interface Stage {
  id: StageId
  /** The column's name, shown in its header; a reader shows "Untitled stage" for a blank one. */
  title: string
  /** Fractional key: the column's position from left to right (concurrent moves never duplicate a column). */
  order: string
  /** A short goal or description shown under the header ("Customer decides which plan fits"). */
  description?: string
  /** A width set by resizing the column; absent means "as wide as its content". */
  width?: number
}

export const MAX_STAGE_DESCRIPTION_CHARS = 280
/** The widths a stage may be given by hand (board units); crowded cells may still widen it. */
export const STAGE_WIDTH = { min: 120, max: 2_000 } as const

export const STAGE_FIELDS = {
  title: titleField(MAX_TITLE_CHARS, 'Untitled stage'),
  order: orderKeyField(),
  description: labelField(MAX_STAGE_DESCRIPTION_CHARS),
  width: optionalNumber(STAGE_WIDTH.min, STAGE_WIDTH.max),
} as const satisfies FieldTable<Omit<Stage, 'id'>>

/** Steps of the board's migrations that change stages (see migrations.ts); none yet. */
export const STAGE_MIGRATIONS: readonly MigrationStep[] = []

/** A valid stage, or null when the entry cannot be placed (it is then skipped). */
export function readStage(id: string, map: unknown): Stage | null {
  if (!isId('stage', id) || !(map instanceof Y.Map)) return null
  return readFields<Omit<Stage, 'id'>, { id: typeof id }>(map, STAGE_FIELDS, { id })
}

export const readStages = (doc: Y.Doc): Stage[] => readSorted(getStages(doc), readStage)

let stageSchema: ReturnType<typeof recordSchema> | undefined

/** A stage from outside the document (a JSON import), checked strictly; `at` names it in errors (`stages[2]`). */
export function parseStage(value: unknown, at = 'stage'): StrictResult<Stage> {
  stageSchema ??= recordSchema(STAGE_FIELDS, 'stage')
  return parseStrict(stageSchema, value, at)
}

export function addStage(doc: Y.Doc, title: string, order?: string, origin: BoardOrigin = 'local'): StageId {
  const id = newId('stage')
  doc.transact(() => {
    const map: FieldMap = new Y.Map()
    map.set('title', title.slice(0, MAX_TITLE_CHARS))
    map.set('order', order ?? orderAfterLast(readStages(doc)))
    getStages(doc).set(id, map)
    // Every text lane gets this stage's block now, before anyone can type into it (laneText.ts).
    getLanes(doc).forEach((lane, laneId) => {
      if (!isId('lane', laneId) || !(lane instanceof Y.Map)) return
      if (getLaneKind(LANE_FIELDS.kind.read(lane.get('kind'))).layout.holds === 'text')
        ensureLaneText(doc, laneId, id)
    })
  }, origin)
  return id
}

/** Sets the description under a stage's header; '' or null removes it. */
export function setStageDescription(
  doc: Y.Doc,
  id: StageId,
  description: string | null,
  origin: BoardOrigin = 'local',
): void {
  const map = getStages(doc).get(id)
  if (map instanceof Y.Map)
    doc.transact(() => writeLabel(map, 'description', description, MAX_STAGE_DESCRIPTION_CHARS), origin)
}

/** Sets a stage's width by hand (clamped), or with null gives it back to its content. */
export function setStageWidth(
  doc: Y.Doc,
  id: StageId,
  width: number | null,
  origin: BoardOrigin = 'local',
): void {
  const map = getStages(doc).get(id)
  if (!(map instanceof Y.Map)) return
  if (width === null) {
    if (map.has('width')) doc.transact(() => map.delete('width'), origin)
    return
  }
  if (!Number.isFinite(width)) return
  const clean = Math.min(STAGE_WIDTH.max, Math.max(STAGE_WIDTH.min, Math.round(width)))
  if (map.get('width') !== clean) doc.transact(() => map.set('width', clean), origin)
}

export function renameStage(doc: Y.Doc, id: StageId, title: string, origin: BoardOrigin = 'local'): void {
  const map = getStages(doc).get(id)
  const clean = cleanTitle(title)
  if (map instanceof Y.Map && clean !== '') doc.transact(() => map.set('title', clean), origin)
}

/** Moves a stage to a new place in the column order (a fractional key from `keyBetween`). */
export function moveStage(doc: Y.Doc, id: StageId, order: string, origin: BoardOrigin = 'local'): void {
  const map = getStages(doc).get(id)
  if (map instanceof Y.Map && isOrderKey(order)) doc.transact(() => map.set('order', order), origin)
}

/**
 * Removes a stage. Its notes stay in the document: the layout shows them in the "Unsorted" row, so
 * that a colleague's notes are never silently hidden by someone else's delete (it may even be
 * concurrent with their edits). Deleting notes is always a separate, explicit act. Connectors to the
 * stage's header go in the same transaction: an arrow to nothing cannot be drawn, and one undo brings
 * both back.
 */
export function removeStage(doc: Y.Doc, id: StageId, origin: BoardOrigin = 'local'): void {
  doc.transact(() => {
    getStages(doc).delete(id)
    removeConnectorsTouching(doc, new Set([id]))
  }, origin)
}
