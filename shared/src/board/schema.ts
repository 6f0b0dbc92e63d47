/*
 * How a board lives in a Y.Doc: the module everything else imports the document's API from. Its
 * parts live in one module each, and this one puts them together:
 *
 *   meta    Y.Map   title, schemaVersion, createdAt, template                 records/meta.ts
 *   stages  Y.Map   stage:<id> → Y.Map { title, order }           (columns)   records/stage.ts
 *   lanes   Y.Map   lane:<id>  → Y.Map { title, order, kind }     (rows)      records/lane.ts
 *   notes   Y.Map   note:<id>  → Y.Map { stageId, laneId, order, color, w, h, text: Y.Text, createdAt }
 *                                                                             records/note.ts
 *
 * topLevel.ts names those four top-level types (nothing else calls `doc.getMap`); each record module
 * holds its stored fields, their validation (one declaration serves the tolerant Yjs reader and the
 * strict parse of an import), its mutations and its migration steps. What a lane's kind means lives
 * in the lane-kind registry (laneKinds/registry.ts).
 *
 * Stages, lanes and notes are keyed maps with fractional `order` keys rather than Y.Arrays, so that
 * concurrent moves never duplicate or lose an item. Readers validate what they read: the sync server
 * relays any well-formed update, so a board may hold data from a newer or hostile client.
 */
import * as Y from 'yjs'
import { isId } from './ids'
import { type Lane, readLanes } from './records/lane'
import { readBoardTitle, readSchemaVersion } from './records/meta'
import { type Note, readNotes } from './records/note'
import { readStages, type Stage } from './records/stage'
import { getNotes } from './topLevel'

export * from './origin'
export * from './records/lane'
export * from './records/meta'
export * from './records/note'
export { orderAfterLast } from './records/ordered'
export * from './records/stage'
export * from './topLevel'

/** The version of the document's layout this build writes; migrations.ts brings older boards up to it. */
export const SCHEMA_VERSION = 1

/** What a board holds, read into plain values: what the scene, the PDF and exports are made from. */
export interface BoardContent {
  title: string
  schemaVersion: number
  /** Left to right. */
  stages: Stage[]
  /** Top to bottom. */
  lanes: Lane[]
  /** In reading order (by order key, then id); notes of removed stages or lanes included. */
  notes: Note[]
}

export function readBoard(doc: Y.Doc): BoardContent {
  return {
    title: readBoardTitle(doc),
    schemaVersion: readSchemaVersion(doc),
    stages: readStages(doc),
    lanes: readLanes(doc),
    notes: readNotes(doc),
  }
}

/** What the board list shows; cheap enough to run after every flush. */
export function readBoardSummary(doc: Y.Doc): { title: string; noteCount: number } {
  let noteCount = 0
  getNotes(doc).forEach((map, id) => {
    if (isId('note', id) && map instanceof Y.Map) noteCount++
  })
  return { title: readBoardTitle(doc), noteCount }
}
