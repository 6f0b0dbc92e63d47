/*
 * The chip record: a channel (web, email, store…) in a cell of a channels lane. Stored as
 * `chips: chip:<id> → Y.Map { laneId, stageId, order, channel, label }`. Follows the record pattern
 * of stage.ts; placed by cell and order like a note. A chip whose lane or stage is gone is kept but
 * not drawn.
 */
import * as Y from 'yjs'
import { isOrderKey } from '../../order'
import { type ChipId, isId, type LaneId, newId, type StageId } from '../ids'
import { cellKey } from '../keyed'
import type { MigrationStep } from '../migrationStep'
import type { BoardOrigin } from '../origin'
import { CHANNELS, type Channel } from '../style'
import { type FieldMap, getChips } from '../topLevel'
import { choiceField, type FieldTable, idField, labelField, orderKeyField, readFields } from './field'
import { orderAfterLast, readSorted } from './ordered'
import { parseStrict, recordSchema, type StrictResult } from './strict'

export const MAX_CHIP_LABEL_CHARS = 60

export interface Chip {
  id: ChipId
  laneId: LaneId
  stageId: StageId
  order: string
  channel: Channel
  /** For a custom chip, the text shown; for a named channel, an optional note beside it. */
  label?: string
}

export const CHIP_FIELDS = {
  laneId: idField('lane'),
  stageId: idField('stage'),
  order: orderKeyField(),
  channel: choiceField(CHANNELS, 'custom'),
  label: labelField(MAX_CHIP_LABEL_CHARS),
} as const satisfies FieldTable<Omit<Chip, 'id'>>

export const CHIP_MIGRATIONS: readonly MigrationStep[] = []

export function readChip(id: string, map: unknown): Chip | null {
  if (!isId('chip', id) || !(map instanceof Y.Map)) return null
  return readFields<Omit<Chip, 'id'>, { id: typeof id }>(map, CHIP_FIELDS, { id })
}

/** Every chip in reading order (by order key, then id). */
export const readChips = (doc: Y.Doc): Chip[] => readSorted(getChips(doc), readChip)

/** Chips grouped by `cellKey(laneId, stageId)`, each cell's in the order given (reading order from readChips). */
export function groupChipsByCell(chips: readonly Chip[]): Map<string, Chip[]> {
  const byCell = new Map<string, Chip[]>()
  for (const chip of chips) {
    const key = cellKey(chip.laneId, chip.stageId)
    const cell = byCell.get(key)
    if (cell) cell.push(chip)
    else byCell.set(key, [chip])
  }
  return byCell
}

export const chipsInCell = (doc: Y.Doc, laneId: LaneId, stageId: StageId): Chip[] =>
  readChips(doc).filter((c) => c.laneId === laneId && c.stageId === stageId)

let chipSchema: ReturnType<typeof recordSchema> | undefined

export function parseChip(value: unknown, at = 'chip'): StrictResult<Chip> {
  chipSchema ??= recordSchema(CHIP_FIELDS, 'chip')
  return parseStrict(chipSchema, value, at)
}

// ——— mutations ———

export interface ChipInit {
  laneId: LaneId
  stageId: StageId
  channel: Channel
  label?: string
  order?: string
  id?: ChipId
}

export function addChip(doc: Y.Doc, init: ChipInit, origin: BoardOrigin = 'local'): ChipId {
  const id = init.id ?? newId('chip')
  doc.transact(() => {
    const map: FieldMap = new Y.Map()
    map.set('laneId', init.laneId)
    map.set('stageId', init.stageId)
    map.set('order', init.order ?? orderAfterLast(chipsInCell(doc, init.laneId, init.stageId)))
    map.set('channel', CHANNELS.includes(init.channel) ? init.channel : 'custom')
    const label = init.label?.trim().slice(0, MAX_CHIP_LABEL_CHARS)
    if (label) map.set('label', label)
    getChips(doc).set(id, map)
  }, origin)
  return id
}

export interface ChipPatch {
  channel?: Channel
  /** null or '' removes the label. */
  label?: string | null
}

export function updateChip(doc: Y.Doc, id: ChipId, patch: ChipPatch, origin: BoardOrigin = 'local'): void {
  const map = getChips(doc).get(id)
  if (!(map instanceof Y.Map)) return
  doc.transact(() => {
    if (
      patch.channel !== undefined &&
      CHANNELS.includes(patch.channel) &&
      map.get('channel') !== patch.channel
    )
      map.set('channel', patch.channel)
    const label = patch.label?.trim().slice(0, MAX_CHIP_LABEL_CHARS)
    if (patch.label === null || label === '') {
      if (map.has('label')) map.delete('label')
    } else if (label !== undefined && map.get('label') !== label) map.set('label', label)
  }, origin)
}

/** Moves a chip to a cell and a place in its reading order (a fractional key). */
export function moveChip(
  doc: Y.Doc,
  id: ChipId,
  to: { laneId: LaneId; stageId: StageId; order: string },
  origin: BoardOrigin = 'local',
): void {
  const map = getChips(doc).get(id)
  if (
    !(map instanceof Y.Map) ||
    !isOrderKey(to.order) ||
    !isId('lane', to.laneId) ||
    !isId('stage', to.stageId)
  )
    return
  doc.transact(() => {
    if (map.get('laneId') !== to.laneId) map.set('laneId', to.laneId)
    if (map.get('stageId') !== to.stageId) map.set('stageId', to.stageId)
    if (map.get('order') !== to.order) map.set('order', to.order)
  }, origin)
}

export function removeChip(doc: Y.Doc, id: ChipId, origin: BoardOrigin = 'local'): void {
  doc.transact(() => getChips(doc).delete(id), origin)
}
