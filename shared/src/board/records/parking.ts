/*
 * The parking lot: free space beside the grid for notes that belong to no cell yet. A parked note
 * keeps its record and stores the lot's pseudo-cell (PARKING_STAGE_ID / PARKING_LANE_ID, never real
 * records) and its place in the lot, parkX/parkY. A v1 client, which knows no parking lot, finds no
 * such stage or lane and shows the note in "Unsorted": nothing is lost either way.
 */
import * as Y from 'yjs'
import { type LaneId, type NoteId, PARKING_LANE_ID, PARKING_STAGE_ID, type StageId } from '../ids'
import type { BoardOrigin } from '../origin'
import { getNotes } from '../topLevel'
import { type Note, notesInCell, PARK_RANGE } from './note'
import { orderAfterLast } from './ordered'

export const isParked = (note: Pick<Note, 'stageId' | 'laneId'>): boolean =>
  note.stageId === PARKING_STAGE_ID && note.laneId === PARKING_LANE_ID

const clampPark = (v: number): number => Math.min(PARK_RANGE, Math.max(0, Number.isFinite(v) ? v : 0))

/** Moves a note into the parking lot at (x, y), board units from the lot's corner. */
export function parkNote(doc: Y.Doc, id: NoteId, x: number, y: number, origin: BoardOrigin = 'local'): void {
  const map = getNotes(doc).get(id)
  if (!(map instanceof Y.Map)) return
  doc.transact(() => {
    map.set('stageId', PARKING_STAGE_ID)
    map.set('laneId', PARKING_LANE_ID)
    map.set('parkX', clampPark(x))
    map.set('parkY', clampPark(y))
    map.set('updatedAt', Date.now())
  }, origin)
}

/** Moves a parked note into a cell, at the end of its notes; its place in the lot is forgotten. */
export function unparkNote(
  doc: Y.Doc,
  id: NoteId,
  to: { stageId: StageId; laneId: LaneId; order?: string },
  origin: BoardOrigin = 'local',
): void {
  const map = getNotes(doc).get(id)
  if (!(map instanceof Y.Map)) return
  doc.transact(() => {
    map.set('order', to.order ?? orderAfterLast(notesInCell(doc, to.stageId, to.laneId)))
    map.set('stageId', to.stageId)
    map.set('laneId', to.laneId)
    map.delete('parkX')
    map.delete('parkY')
    map.set('updatedAt', Date.now())
  }, origin)
}
