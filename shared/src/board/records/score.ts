/*
 * The score record: one point of an emotion curve, how a persona feels at a stage of an emotion lane.
 * Stored as `scores: <laneId>/<stageId>/<personaId> → integer −2…2` (keyed.ts): the key says which
 * point, so two peers dragging one point at once converge on one value. An absent point is a gap in
 * the curve, never a 0; a stored value that is not a whole number from −2 to 2 reads as a gap too.
 */
import type * as Y from 'yjs'
import type { LaneId, PersonaId, StageId } from '../ids'
import { parseScoreKey, readKeyed, type ScoreRef, scoreKey } from '../keyed'
import type { MigrationStep } from '../migrationStep'
import type { BoardOrigin } from '../origin'
import { getScores } from '../topLevel'
import { scoreField, UNPLACEABLE } from './field'

export const MIN_SCORE = -2
export const MAX_SCORE = 2

export interface Score extends ScoreRef {
  /** −2 (very unhappy) … 2 (delighted), whole. */
  value: number
}

/** The stored value's field: required (no value is a gap, so the entry is skipped). */
export const SCORE_VALUE = scoreField()

export const SCORE_MIGRATIONS: readonly MigrationStep[] = []

export function readScore(key: string, stored: unknown): Score | null {
  const ref = parseScoreKey(key)
  if (!ref) return null
  // Not clamped: a 3 is not a 2 someone meant, it is a value this build cannot show.
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < MIN_SCORE || stored > MAX_SCORE)
    return null
  const value = SCORE_VALUE.read(stored)
  return value === UNPLACEABLE ? null : { ...ref, value }
}

/** Every readable score, sorted by key. */
export const readScores = (doc: Y.Doc): Score[] => readKeyed(getScores(doc), readScore)

/** Sets how `personaId` feels at a stage (rounded to a whole step, clamped to −2…2). */
export function setScore(
  doc: Y.Doc,
  laneId: LaneId,
  stageId: StageId,
  personaId: PersonaId,
  value: number,
  origin: BoardOrigin = 'local',
): void {
  if (!Number.isFinite(value)) return
  const clean = Math.min(MAX_SCORE, Math.max(MIN_SCORE, Math.round(value)))
  const key = scoreKey(laneId, stageId, personaId)
  const scores = getScores(doc)
  if (scores.get(key) !== clean) doc.transact(() => scores.set(key, clean), origin)
}

/** Removes a point: the curve has a gap at that stage. */
export function clearScore(
  doc: Y.Doc,
  laneId: LaneId,
  stageId: StageId,
  personaId: PersonaId,
  origin: BoardOrigin = 'local',
): void {
  const key = scoreKey(laneId, stageId, personaId)
  const scores = getScores(doc)
  if (scores.has(key)) doc.transact(() => scores.delete(key), origin)
}

/** Removes every score `matches` accepts; inside the caller's transaction (a lane, stage or persona removed). */
export function deleteScoresWhere(doc: Y.Doc, matches: (ref: ScoreRef) => boolean): void {
  const scores = getScores(doc)
  for (const key of [...scores.keys()]) {
    const ref = parseScoreKey(key)
    if (ref && matches(ref)) scores.delete(key)
  }
}
