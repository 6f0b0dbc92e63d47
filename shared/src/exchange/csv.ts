/*
 * The CSV of a board's notes (docs/export.md, "CSV"): one row per note, stage by stage and lane by
 * lane in board order, reading order within a cell; RFC 4180 (CRLF, fields quoted when they hold a
 * comma, quote or line break, quotes doubled) and UTF-8 with a byte-order mark, so that spreadsheets
 * open accents right. Columns:
 *
 *   stage, lane, kind, text, tags, severity, votes, author, created, updated, color
 *
 * tags, severity, votes, author and updated are empty until the board's records hold them (the
 * anatomy and facilitation issues); they are read from the JSON export by name, so they fill in as
 * those fields arrive. Importing (planCsvImport → applyCsvImport) adds each row as a note in the named
 * stage and lane, matched by title (trimmed, case-insensitive), creating those that are missing.
 */
import type * as Y from 'yjs'
import type { LaneId, StageId } from '../board/ids'
import { isLaneKind, type LaneKind } from '../board/laneKinds/registry'
import { MAX_NOTE_TEXT_CHARS, MAX_TITLE_CHARS } from '../board/limits'
import { addLane, addStage, createNote, readLanes, readStages } from '../board/schema'
import { isNoteColor, type NoteColor } from '../board/style'
import { exportBoardJson } from './json'

export const CSV_COLUMNS = [
  'stage',
  'lane',
  'kind',
  'text',
  'tags',
  'severity',
  'votes',
  'author',
  'created',
  'updated',
  'color',
] as const

const BOM = '\uFEFF'

/** One field as RFC 4180 writes it. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** Rows as an RFC 4180 document with a UTF-8 byte-order mark and CRLF line ends. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${BOM}${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`
}

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; error: string }

/** RFC 4180, leniently: CRLF or LF line ends, a BOM skipped, blank lines dropped. */
export function parseCsv(text: string): CsvParse {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let openedAt = 1
  const input = text.startsWith(BOM) ? text.slice(1) : text
  const endRow = () => {
    row.push(field)
    if (row.length > 1 || row[0] !== '') rows.push(row)
    row = []
    field = ''
  }
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (c === '\n') line++
        field += c
      }
      continue
    }
    if (c === '"') {
      if (field !== '') return { ok: false, error: `line ${line}: a quote inside an unquoted field` }
      quoted = true
      openedAt = line
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++
      endRow()
      line++
    } else field += c
  }
  if (quoted) return { ok: false, error: `line ${openedAt}: a quoted field is not closed` }
  if (field !== '' || row.length > 0) endRow()
  return { ok: true, rows }
}

const isoTime = (ms: unknown): string => (typeof ms === 'number' ? new Date(ms).toISOString() : '')
const text = (value: unknown): string =>
  value === undefined || value === null ? '' : Array.isArray(value) ? value.join('; ') : String(value)

type JsonRecord = Record<string, unknown> & { id: string }

/** The board's notes as CSV (see the file header); notes of removed stages or lanes come last. */
export function exportBoardCsv(doc: Y.Doc): string {
  const json = exportBoardJson(doc)
  const stages = json.stages as JsonRecord[]
  const lanes = json.lanes as JsonRecord[]
  const notes = json.notes as JsonRecord[]
  const tagNames = new Map(
    ((json.tags as JsonRecord[] | undefined) ?? []).map((t) => [t.id, text(t.name ?? t.title ?? t.label)]),
  )
  const stageIndex = new Map(stages.map((s, i) => [s.id, i]))
  const laneIndex = new Map(lanes.map((l, i) => [l.id, i]))
  const place = (n: JsonRecord) => [
    stageIndex.get(n.stageId as string) ?? stages.length,
    laneIndex.get(n.laneId as string) ?? lanes.length,
  ]
  const sorted = notes
    .map((note, i) => ({ note, i, at: place(note) }))
    .sort((a, b) => a.at[0]! - b.at[0]! || a.at[1]! - b.at[1]! || a.i - b.i)
  const rows = sorted.map(({ note }) => {
    const stage = stages[stageIndex.get(note.stageId as string) ?? -1]
    const lane = lanes[laneIndex.get(note.laneId as string) ?? -1]
    const tags = (note.tags ?? note.tagIds) as unknown
    return [
      text(stage?.title),
      text(lane?.title),
      text(lane?.kind),
      text(note.text),
      Array.isArray(tags) ? tags.map((t) => tagNames.get(t as string) ?? String(t)).join('; ') : text(tags),
      text(note.severity),
      text(note.votes),
      text(note.author ?? note.authorName),
      isoTime(note.createdAt),
      isoTime(note.updatedAt),
      text(note.color),
    ]
  })
  return toCsv([[...CSV_COLUMNS], ...rows])
}

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
export function applyCsvImport(doc: Y.Doc, plan: CsvImportPlan, origin: 'local' = 'local'): void {
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
