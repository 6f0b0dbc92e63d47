import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { NoteId } from '../../shared/src/board/ids'
import {
  createNote,
  type Lane,
  readBoardSummary,
  readLanes,
  readStages,
  type Stage,
} from '../../shared/src/board/schema'
import { keysBetween } from '../../shared/src/order'
import { waitFor } from '../infra/waitFor'
import { connectOurProvider, whenSynced } from '../sync/ourProvider'
import type { OurServer } from '../sync/ourServer'
import { journeyText, seededRandom } from './journeyText'

/**
 * Seeds a board through the product's own front door: POST /api/boards (customer-lifecycle template),
 * then `build` (by default plain notes; richJourney.ts's rich board for the rich scene);
 * a real y-websocket `WebsocketProvider` syncs it, notes are added with the schema's `createNote`, spread
 * evenly over the six stages × five lanes with explicit order keys from `keysBetween` (createNote's
 * default order scans the cell, which is quadratic for thousands of notes), and pushed in batches. A
 * second provider confirms the server holds and relays them all before the board is used.
 */
export interface SeededBoard {
  id: string
  editToken: string
  noteCount: number
  /** Bytes of Y.encodeStateAsUpdate of the seeded document: what storage is compared with. */
  encodedStateBytes: number
  seedMs: number
  /** A few note ids, for tests that edit a known note. */
  sampleNoteIds: NoteId[]
}

/** Notes per pushed update: a few hundred KB each, well under the server's 8 MiB frame limit. */
const notesPerBatch = 2_000
const syncTimeoutMs = 30_000
const confirmTimeoutMs = 120_000

const connect = (server: OurServer, boardId: string, token: string, doc: Y.Doc) =>
  connectOurProvider(server.port, boardId, token, doc)

/** Builds `count` notes into `doc`, spread over its cells; returns the ids made. */
export function addJourneyNotes(
  doc: Y.Doc,
  stages: Stage[],
  lanes: Lane[],
  count: number,
  seed = 42,
): NoteId[] {
  const random = seededRandom(seed)
  const cells = stages.flatMap((stage) => lanes.map((lane) => ({ stage, lane })))
  const perCell = cells.map((_, i) => Math.floor(count / cells.length) + (i < count % cells.length ? 1 : 0))
  const orders = perCell.map((n) => keysBetween(null, null, n))
  const ids: NoteId[] = []
  // Interleaved across cells, as a workshop fills the board, and pushed in batches.
  for (let start = 0; start < count; start += notesPerBatch) {
    doc.transact(() => {
      for (let i = start; i < Math.min(count, start + notesPerBatch); i++) {
        const cellIndex = i % cells.length
        const { stage, lane } = cells[cellIndex] as (typeof cells)[number]
        const order = orders[cellIndex]?.[Math.floor(i / cells.length)]
        const text = journeyText(random, lane.kind, stage.title)
        ids.push(createNote(doc, { stageId: stage.id, laneId: lane.id, order, text }, 'local'))
      }
    }, 'local')
  }
  return ids
}

/** Builds a board's content into the synced document and returns the ids of the notes it made. */
export type BoardBuilder = (doc: Y.Doc, noteCount: number) => NoteId[]

const plainNotes: BoardBuilder = (doc, noteCount) =>
  addJourneyNotes(doc, readStages(doc), readLanes(doc), noteCount)

export async function seedBoard(
  server: OurServer,
  noteCount: number,
  title = `Bench ${noteCount} notes`,
  build: BoardBuilder = plainNotes,
): Promise<SeededBoard> {
  const started = performance.now()
  const board = await server.createBoard(title)
  const writerDoc = new Y.Doc()
  const writer = connect(server, board.id, board.editToken, writerDoc)
  const checkDoc = new Y.Doc()
  let checker: WebsocketProvider | undefined
  try {
    if (!(await whenSynced(writer, syncTimeoutMs)))
      throw new Error(`seeding: no sync with board ${board.id} in ${syncTimeoutMs} ms`)
    const ids = build(writerDoc, noteCount)
    checker = connect(server, board.id, board.editToken, checkDoc)
    // Every note, and (for a rich board) everything after the notes too: the checker has all the
    // writer wrote once their state vectors are equal.
    const writerState = Y.encodeStateVector(writerDoc)
    const confirmed = await waitFor(
      () =>
        readBoardSummary(checkDoc).noteCount >= noteCount &&
        Buffer.from(Y.encodeStateVector(checkDoc)).equals(writerState),
      confirmTimeoutMs,
      100,
    )
    if (!confirmed) {
      throw new Error(
        `seeding: the server relayed ${readBoardSummary(checkDoc).noteCount} of ${noteCount} notes`,
      )
    }
    return {
      id: board.id,
      editToken: board.editToken,
      noteCount,
      encodedStateBytes: Y.encodeStateAsUpdate(writerDoc).byteLength,
      seedMs: Math.round(performance.now() - started),
      sampleNoteIds: ids.slice(0, 10),
    }
  } finally {
    checker?.destroy()
    writer.destroy()
    writerDoc.destroy()
    checkDoc.destroy()
  }
}
