// Importing a CSV of notes into a board (format: csv.ts): planCsvImport reads the file and says what
// it would add (the preview), applyCsvImport writes it. No zod and no JSON exchange here, so the client
// bundle can carry it.
import type * as Y from 'yjs'
import type { LaneId, StageId } from '../board/ids'
import { isLaneKind, type LaneKind } from '../board/laneKinds/registry'
import { MAX_NOTE_TEXT_CHARS, MAX_TITLE_CHARS } from '../board/limits'
import type { BoardOrigin } from '../board/origin'
import { addLane, addStage, createNote, readLanes, readStages } from '../board/schema'
import { isNoteColor, type NoteColor } from '../board/style'
import { parseCsv } from './csv'

export interface CsvNote {
  /** The row's line in the file's table (1 = the header), for the preview. */
  row: number
  stage: string
  lane: string
  kind: LaneKind | undefined
  text: string
  color: NoteColor | undefined
}

export interface CsvImportPlan {
  notes: CsvNote[]
  /** Stage titles the board lacks, in the order the file first names them. */
  newStages: string[]
  newLanes: { title: string; kind: LaneKind }[]
}

export type CsvPlanResult = { ok: true; plan: CsvImportPlan } | { ok: false; error: string }

const key = (title: string) => title.trim().toLocaleLowerCase()

/** What importing `csv` into `doc` would add, for a preview; nothing is written. */
export function planCsvImport(doc: Y.Doc, csv: string): CsvPlanResult {
  const parsed = parseCsv(csv)
  if (!parsed.ok) return parsed
  const [header, ...body] = parsed.rows
  if (!header) return { ok: false, error: 'the CSV is empty' }
  const columns = header.map((name) => name.trim().toLowerCase())
  const at = (name: string) => columns.indexOf(name)
  const [stageAt, laneAt, textAt, kindAt, colorAt] = ['stage', 'lane', 'text', 'kind', 'color'].map(at)
  const missing = (['stage', 'lane', 'text'] as const).filter((name) => at(name) < 0)
  if (missing.length > 0) {
    return {
      ok: false,
      error: `the header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    }
  }
  const stages = new Set(readStages(doc).map((s) => key(s.title)))
  const lanes = new Set(readLanes(doc).map((l) => key(l.title)))
  const plan: CsvImportPlan = { notes: [], newStages: [], newLanes: [] }
  for (const [i, cells] of body.entries()) {
    const cell = (index: number | undefined) => (index === undefined || index < 0 ? '' : (cells[index] ?? ''))
    const stage = cell(stageAt).trim().slice(0, MAX_TITLE_CHARS)
    const lane = cell(laneAt).trim().slice(0, MAX_TITLE_CHARS)
    if (stage === '' || lane === '') {
      return { ok: false, error: `row ${i + 2}: ${stage === '' ? 'stage' : 'lane'} is empty` }
    }
    const kindValue = cell(kindAt).trim()
    const colorValue = cell(colorAt).trim()
    const note: CsvNote = {
      row: i + 2,
      stage,
      lane,
      kind: isLaneKind(kindValue) ? kindValue : undefined,
      text: cell(textAt).slice(0, MAX_NOTE_TEXT_CHARS),
      color: isNoteColor(colorValue) ? colorValue : undefined,
    }
    plan.notes.push(note)
    if (!stages.has(key(stage))) {
      stages.add(key(stage))
      plan.newStages.push(stage)
    }
    if (!lanes.has(key(lane))) {
      lanes.add(key(lane))
      plan.newLanes.push({ title: lane, kind: note.kind ?? 'custom' })
    }
  }
  if (plan.notes.length === 0) return { ok: false, error: 'the CSV has a header row but no notes' }
  return { ok: true, plan }
}

/** Writes a plan: the missing stages and lanes, then every note at the end of its cell, in one transaction. */
export function applyCsvImport(doc: Y.Doc, plan: CsvImportPlan, origin: BoardOrigin = 'local'): void {
  doc.transact(() => {
    const stageIds = new Map<string, StageId>(readStages(doc).map((s) => [key(s.title), s.id]))
    const laneIds = new Map<string, LaneId>(readLanes(doc).map((l) => [key(l.title), l.id]))
    for (const title of plan.newStages) {
      if (!stageIds.has(key(title))) stageIds.set(key(title), addStage(doc, title, undefined, origin))
    }
    for (const { title, kind } of plan.newLanes) {
      if (!laneIds.has(key(title))) laneIds.set(key(title), addLane(doc, title, kind, undefined, origin))
    }
    for (const note of plan.notes) {
      const stageId = stageIds.get(key(note.stage))
      const laneId = laneIds.get(key(note.lane))
      if (!stageId || !laneId) continue
      createNote(
        doc,
        { stageId, laneId, text: note.text, ...(note.color ? { color: note.color } : {}) },
        origin,
      )
    }
  }, origin)
}
