/*
 * Keys of the records that belong to a cell rather than having an id of their own: a score is
 * `<laneId>/<stageId>/<personaId>`, a metric value and a lane text `<laneId>/<stageId>`. The key is
 * made from what the record is about, so two peers setting one point at once write the same key and
 * converge (last writer wins) instead of leaving two rival entries. Ids never contain '/', so a key
 * splits back unambiguously.
 */
import type * as Y from 'yjs'
import { isId, type LaneId, type PersonaId, type StageId } from './ids'

export interface CellRef {
  laneId: LaneId
  stageId: StageId
}

export interface ScoreRef extends CellRef {
  personaId: PersonaId
}

export const cellKey = (laneId: LaneId, stageId: StageId): string => `${laneId}/${stageId}`

export const scoreKey = (laneId: LaneId, stageId: StageId, personaId: PersonaId): string =>
  `${laneId}/${stageId}/${personaId}`

/** The cell a `<laneId>/<stageId>` key names, or null for anything else. */
export function parseCellKey(key: string): CellRef | null {
  const [laneId, stageId, ...rest] = key.split('/')
  return rest.length === 0 && isId('lane', laneId) && isId('stage', stageId) ? { laneId, stageId } : null
}

/** The point a `<laneId>/<stageId>/<personaId>` key names, or null for anything else. */
export function parseScoreKey(key: string): ScoreRef | null {
  const [laneId, stageId, personaId, ...rest] = key.split('/')
  return rest.length === 0 && isId('lane', laneId) && isId('stage', stageId) && isId('persona', personaId)
    ? { laneId, stageId, personaId }
    : null
}

/** Every entry of a keyed map that `read` accepts, sorted by key (so every peer lists them alike). */
export function readKeyed<T>(source: Y.Map<unknown>, read: (key: string, value: unknown) => T | null): T[] {
  const items: { key: string; item: T }[] = []
  source.forEach((value, key) => {
    const item = read(key, value)
    if (item) items.push({ key, item })
  })
  return items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((entry) => entry.item)
}
