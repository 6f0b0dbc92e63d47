/*
 * The metric value record: the number a metrics lane shows at one stage (the lane names the metric
 * and its unit). Stored as `metricValues: <laneId>/<stageId> → number` (keyed.ts). A value that is not
 * a finite number is no value: the cell shows nothing.
 */
import type * as Y from 'yjs'
import type { LaneId, StageId } from '../ids'
import { type CellRef, cellKey, parseCellKey, readKeyed } from '../keyed'
import type { MigrationStep } from '../migrationStep'
import type { BoardOrigin } from '../origin'
import { getMetricValues } from '../topLevel'
import { requiredNumber, UNPLACEABLE } from './field'

export interface MetricValue extends CellRef {
  value: number
}

/** Any finite number: a metric may be a count, a percentage, a duration or a negative delta. */
export const METRIC_VALUE = requiredNumber(-Number.MAX_VALUE, Number.MAX_VALUE)

export const METRIC_VALUE_MIGRATIONS: readonly MigrationStep[] = []

export function readMetricValue(key: string, stored: unknown): MetricValue | null {
  const ref = parseCellKey(key)
  if (!ref) return null
  const value = METRIC_VALUE.read(stored)
  return value === UNPLACEABLE ? null : { ...ref, value }
}

export const readMetricValues = (doc: Y.Doc): MetricValue[] =>
  readKeyed(getMetricValues(doc), readMetricValue)

/** Sets a metrics lane's value at a stage; a value that is not finite is ignored. */
export function setMetricValue(
  doc: Y.Doc,
  laneId: LaneId,
  stageId: StageId,
  value: number,
  origin: BoardOrigin = 'local',
): void {
  if (!Number.isFinite(value)) return
  const key = cellKey(laneId, stageId)
  const values = getMetricValues(doc)
  if (values.get(key) !== value) doc.transact(() => values.set(key, value), origin)
}

export function clearMetricValue(
  doc: Y.Doc,
  laneId: LaneId,
  stageId: StageId,
  origin: BoardOrigin = 'local',
): void {
  const key = cellKey(laneId, stageId)
  const values = getMetricValues(doc)
  if (values.has(key)) doc.transact(() => values.delete(key), origin)
}

/** Removes every value `matches` accepts; inside the caller's transaction. */
export function deleteMetricValuesWhere(doc: Y.Doc, matches: (ref: CellRef) => boolean): void {
  const values = getMetricValues(doc)
  for (const key of [...values.keys()]) {
    const ref = parseCellKey(key)
    if (ref && matches(ref)) values.delete(key)
  }
}
