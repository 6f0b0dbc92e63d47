/*
 * How a board lives in a Y.Doc: the module everything else imports the document's API from. Its
 * parts live in one module each, and this one puts them together (docs/board-document.md has the
 * whole table):
 *
 *   meta          Y.Map   title, schemaVersion, createdAt, template, sharedFilter   records/meta.ts
 *   stages        Y.Map   stage:<id> → Y.Map         (columns)                      records/stage.ts
 *   lanes         Y.Map   lane:<id>  → Y.Map         (rows)                         records/lane.ts
 *   notes         Y.Map   note:<id>  → Y.Map                                        records/note.ts
 *   personas      Y.Map   persona:<id> → Y.Map                                      records/persona.ts
 *   tags          Y.Map   tag:<id> → Y.Map                                          records/tag.ts
 *   connectors    Y.Map   connector:<id> → Y.Map                                    records/connector.ts
 *   chips         Y.Map   chip:<id> → Y.Map                                         records/chip.ts
 *   scores        Y.Map   <laneId>/<stageId>/<personaId> → integer −2…2             records/score.ts
 *   metricValues  Y.Map   <laneId>/<stageId> → number                               records/metricValue.ts
 *   laneTexts     Y.Map   <laneId>/<stageId> → Y.Text                               records/laneText.ts
 *
 * topLevel.ts names the top-level types (nothing else calls `doc.getMap`); each record module holds
 * its stored fields, their validation (one declaration serves the tolerant Yjs reader and the strict
 * parse of an import), its mutations and its migration steps. What a lane's kind means lives in the
 * lane-kind registry (laneKinds/registry.ts).
 *
 * Collections are keyed maps with fractional `order` keys rather than Y.Arrays, so that concurrent
 * moves never duplicate or lose an item; per-cell values are keyed by their cell (keyed.ts), so that
 * concurrent sets of one value converge. Readers validate what they read: the sync server relays any
 * well-formed update, so a board may hold data from a newer or hostile client.
 */
import * as Y from 'yjs'
import { isId } from './ids'
import { type Chip, groupChipsByCell, readChips } from './records/chip'
import { type Connector, readConnectors } from './records/connector'
import { type Lane, readLanes } from './records/lane'
import { type LaneText, readLaneTexts } from './records/laneText'
import { readBoardTitle, readMeta, readSchemaVersion, type SharedFilter } from './records/meta'
import { type MetricValue, readMetricValues } from './records/metricValue'
import { type Note, readNotes } from './records/note'
import { type Persona, readPersonas } from './records/persona'
import { readScores, type Score } from './records/score'
import { readStages, type Stage } from './records/stage'
import { readTags, type Tag } from './records/tag'
import { getNotes } from './topLevel'
import { SCHEMA_VERSION } from './version'

export * from './origin'
export * from './records/chip'
export * from './records/connector'
export * from './records/lane'
export * from './records/laneText'
export * from './records/meta'
export * from './records/metricValue'
export * from './records/note'
export * from './records/noteDetails'
export { orderAfterLast } from './records/ordered'
export * from './records/parking'
export * from './records/persona'
export * from './records/score'
export * from './records/stage'
export * from './records/tag'
export * from './topLevel'
export * from './version'

/** What a board holds, read into plain values: what the scene, the PDF and exports are made from. */
export interface BoardContent {
  title: string
  schemaVersion: number
  /** True when a newer Journeyboard wrote this board: say "reload to update", and keep what is not understood. */
  newerSchema: boolean
  /** Left to right. */
  stages: Stage[]
  /** Top to bottom. */
  lanes: Lane[]
  /** In reading order (by order key, then id); notes of removed stages or lanes, and parked notes, included. */
  notes: Note[]
  /** In legend order; never empty (the default persona is synthesized when the document lacks it). */
  personas: Persona[]
  tags: Tag[]
  /** Only those whose both ends exist (an arrow to nothing cannot be drawn); by creation time. */
  connectors: Connector[]
  /** In reading order, every chip; `chipsByCell` groups them. */
  chips: Chip[]
  /** `cellKey(laneId, stageId)` → that cell's chips in reading order. */
  chipsByCell: ReadonlyMap<string, readonly Chip[]>
  scores: Score[]
  metricValues: MetricValue[]
  laneTexts: LaneText[]
  /** The filter a facilitator set "for everyone"; absent when none is. */
  sharedFilter?: SharedFilter
}

export function readBoard(doc: Y.Doc): BoardContent {
  const schemaVersion = readSchemaVersion(doc)
  const stages = readStages(doc)
  const notes = readNotes(doc)
  const chips = readChips(doc)
  const ends = new Set<string>(stages.map((s) => s.id))
  for (const note of notes) ends.add(note.id)
  const chipsByCell = groupChipsByCell(chips)
  const { sharedFilter } = readMeta(doc)
  return {
    title: readBoardTitle(doc),
    schemaVersion,
    newerSchema: schemaVersion > SCHEMA_VERSION,
    stages,
    lanes: readLanes(doc),
    notes,
    personas: readPersonas(doc),
    tags: readTags(doc),
    connectors: readConnectors(doc).filter((c) => ends.has(c.from) && ends.has(c.to)),
    chips,
    chipsByCell,
    scores: readScores(doc),
    metricValues: readMetricValues(doc),
    laneTexts: readLaneTexts(doc),
    ...(sharedFilter ? { sharedFilter } : {}),
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
