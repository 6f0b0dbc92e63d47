/*
 * Changing a lane's kind once it holds something. Notes and a text block both hold words, so a
 * notes lane and a text lane convert into each other and keep them: the notes of a cell are joined
 * into its text block, and a text block becomes one note. Every other change would leave content
 * that the new kind does not show (scores, chips, values, notes under a curve), so it is a 'confirm':
 * the caller asks first. Either way the change is one transaction, so one undo reverts it.
 */
import * as Y from 'yjs'
import { type LaneId, newId } from './ids'
import { cellKey } from './keyed'
import { getLaneKind, type LaneKind, type ReadLaneKind } from './laneKinds/registry'
import type { BoardOrigin } from './origin'
import { LANE_FIELDS, setLaneKind } from './records/lane'
import { ensureLaneText } from './records/laneText'
import { createNote, deleteNotes, type Note, readNotes } from './records/note'
import { readStages } from './records/stage'
import { getLanes, getLaneTexts } from './topLevel'

export type LaneKindChangePlan = 'same' | 'keep' | 'convert' | 'confirm'

/**
 * What changing `from` to `to` does: 'same' nothing; 'keep' the cells hold the same kind of content
 * (notes lane to notes lane, say), so nothing is lost; 'convert' notes ↔ text, words kept; 'confirm'
 * anything else, whose content the new kind would not show.
 */
export function planLaneKindChange(from: ReadLaneKind, to: LaneKind): LaneKindChangePlan {
  if (from === to) return 'same'
  const a = getLaneKind(from).layout.holds
  const b = getLaneKind(to).layout.holds
  if (a === b && from !== 'unknown') return 'keep'
  if ((a === 'notes' && b === 'text') || (a === 'text' && b === 'notes')) return 'convert'
  return 'confirm'
}

/** Paragraphs between a cell's notes when they are joined into one text block. */
const NOTE_SEPARATOR = '\n\n'

/**
 * Changes a lane's kind in one transaction, converting notes ↔ text (see planLaneKindChange); for a
 * 'confirm' change the caller has asked already, and content the new kind does not show is left in
 * the document (a later change back shows it again). Returns the plan it followed.
 */
export function changeLaneKind(
  doc: Y.Doc,
  laneId: LaneId,
  to: LaneKind,
  origin: BoardOrigin = 'local',
): LaneKindChangePlan | null {
  const map = getLanes(doc).get(laneId)
  if (!(map instanceof Y.Map)) return null
  const from = LANE_FIELDS.kind.read(map.get('kind'))
  const plan = planLaneKindChange(from, to)
  if (plan === 'same') return plan
  doc.transact(() => {
    // The kind first: notes made from text take the new lane kind's color.
    setLaneKind(doc, laneId, to, origin)
    if (plan === 'convert' && getLaneKind(to).layout.holds === 'text') notesToText(doc, laneId)
    else if (plan === 'convert') textToNotes(doc, laneId)
  }, origin)
  return plan
}

function notesToText(doc: Y.Doc, laneId: LaneId): void {
  const byStage = new Map<string, Note[]>()
  for (const note of readNotes(doc)) {
    if (note.laneId !== laneId) continue
    const cell = byStage.get(note.stageId) ?? []
    cell.push(note)
    byStage.set(note.stageId, cell)
  }
  for (const stage of readStages(doc)) {
    const notes = byStage.get(stage.id) ?? []
    const text = ensureLaneText(doc, laneId, stage.id)
    const words = notes.map((n) => n.text.trim()).filter((t) => t !== '')
    if (words.length === 0) continue
    const joined = words.join(NOTE_SEPARATOR)
    text.insert(text.length, text.length > 0 ? `${NOTE_SEPARATOR}${joined}` : joined)
    deleteNotes(
      doc,
      notes.map((n) => n.id),
    )
  }
}

function textToNotes(doc: Y.Doc, laneId: LaneId): void {
  const texts = getLaneTexts(doc)
  for (const stage of readStages(doc)) {
    const key = cellKey(laneId, stage.id)
    const text = texts.get(key)
    if (!(text instanceof Y.Text)) continue
    const words = text.toString().trim()
    if (words !== '') createNote(doc, { id: newId('note'), stageId: stage.id, laneId, text: words })
    texts.delete(key)
  }
}
