/*
 * The lane text record: the text block of one cell of a text lane. Stored as
 * `laneTexts: <laneId>/<stageId> → Y.Text` (keyed.ts). Made for every stage when a text lane is made,
 * and for every text lane when a stage is added, so that two people's first keystrokes in a cell
 * never race to create its Y.Text (Yjs would keep only one of the two, and its text with it).
 */
import * as Y from 'yjs'
import type { LaneId, StageId } from '../ids'
import { type CellRef, cellKey, parseCellKey, readKeyed } from '../keyed'
import type { MigrationStep } from '../migrationStep'
import type { BoardOrigin } from '../origin'
import { getLaneTexts } from '../topLevel'
import { textField } from './field'

export const MAX_LANE_TEXT_CHARS = 5_000

export interface LaneText extends CellRef {
  text: string
}

export const LANE_TEXT = textField(MAX_LANE_TEXT_CHARS)

export const LANE_TEXT_MIGRATIONS: readonly MigrationStep[] = []

export function readLaneText(key: string, stored: unknown): LaneText | null {
  const ref = parseCellKey(key)
  return ref && stored instanceof Y.Text ? { ...ref, text: LANE_TEXT.read(stored) } : null
}

export const readLaneTexts = (doc: Y.Doc): LaneText[] => readKeyed(getLaneTexts(doc), readLaneText)

/**
 * The cell's Y.Text, made with `text` if it is missing. Call it inside the transaction that makes
 * the lane or the stage, so that the text exists before anyone can type into it.
 */
export function ensureLaneText(doc: Y.Doc, laneId: LaneId, stageId: StageId, text = ''): Y.Text {
  const key = cellKey(laneId, stageId)
  const texts = getLaneTexts(doc)
  const existing = texts.get(key)
  if (existing instanceof Y.Text) return existing
  const made = new Y.Text(text)
  texts.set(key, made)
  return made
}

/** The live text of a cell, for editors; made (in a transaction of `origin`) if it is missing. */
export function getLaneText(
  doc: Y.Doc,
  laneId: LaneId,
  stageId: StageId,
  origin: BoardOrigin = 'local',
): Y.Text {
  const existing = getLaneTexts(doc).get(cellKey(laneId, stageId))
  if (existing instanceof Y.Text) return existing
  let made: Y.Text | null = null
  doc.transact(() => {
    made = ensureLaneText(doc, laneId, stageId)
  }, origin)
  // The transaction ran synchronously and set `made`.
  return made as unknown as Y.Text
}

/** Removes every text block `matches` accepts; inside the caller's transaction. */
export function deleteLaneTextsWhere(doc: Y.Doc, matches: (ref: CellRef) => boolean): void {
  const texts = getLaneTexts(doc)
  for (const key of [...texts.keys()]) {
    const ref = parseCellKey(key)
    if (ref && matches(ref)) texts.delete(key)
  }
}
