/*
 * The notes-lane family: lanes whose cells hold sticky notes, flowed in reading order (actions,
 * touchpoints, thoughts, pain points, opportunities, the service blueprint's frontstage, backstage,
 * support and owners, custom). They differ only in their label and colors, i.e. in what the lane is for.
 */
import { GRID } from '../../layout/gridMetrics'
import { NOTE_INK } from '../../scene/palette'
import type { Note } from '../records/note'
import type { NoteColor } from '../style'
import type { LaneCsv, LaneKindDef } from './laneKind'

export interface NotesLaneSpec<Id extends string> {
  id: Id
  label: string
  /** The color of new notes in the lane. */
  newNote: NoteColor
  cellTint: string
  headerAccent: string
}

/** A notes lane is as tall as its fullest cell's flowed notes, and never shorter than GRID.minLaneH. */
export const notesRowHeight = (tallestContentH: number): number =>
  Math.max(GRID.minLaneH, tallestContentH + 2 * GRID.cellPaddingPx)

/** Epoch ms as an ISO 8601 UTC time, or '' for a note made before notes were stamped. */
const isoTime = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString())

/** The CSV of a notes lane: one row per note. */
export const notesLaneCsv: LaneCsv = {
  columns: ['stage', 'lane', 'text', 'color', 'created'],
  rows: (lane, board) => {
    // board.notes is in reading order (readBoard sorts it), so each cell's notes stay in that order.
    const byStage = new Map<string, Note[]>()
    for (const note of board.notes) {
      if (note.laneId !== lane.id) continue
      const cell = byStage.get(note.stageId)
      if (cell) cell.push(note)
      else byStage.set(note.stageId, [note])
    }
    return board.stages.flatMap((stage) =>
      (byStage.get(stage.id) ?? []).map((note) => [
        stage.title,
        lane.title,
        note.text,
        note.color,
        isoTime(note.createdAt),
      ]),
    )
  },
}

export function notesLane<const Id extends string>(spec: NotesLaneSpec<Id>): LaneKindDef<Id> {
  const ink = NOTE_INK[spec.newNote]
  return {
    id: spec.id,
    label: spec.label,
    layout: { holds: 'notes', rowHeight: notesRowHeight, contentHeight: null },
    scene: { cellTint: spec.cellTint, headerAccent: spec.headerAccent, cellItems: null },
    colors: { newNote: spec.newNote, swatch: { fill: ink.fill, border: ink.border } },
    accepts: ['note'],
    csv: notesLaneCsv,
  }
}
