// The board's notes as CSV (columns and format: csv.ts). Built from the JSON export, so that fields
// the records gain (tags, severity, votes, author, updatedAt) fill their columns as they arrive.
import type * as Y from 'yjs'
import { CSV_COLUMNS, toCsv } from './csv'
import { exportBoardJson } from './json'

const isoTime = (ms: unknown): string => (typeof ms === 'number' ? new Date(ms).toISOString() : '')
const text = (value: unknown): string =>
  value === undefined || value === null ? '' : Array.isArray(value) ? value.join('; ') : String(value)

type JsonRecord = Record<string, unknown> & { id: string }

/**
 * The board's notes as CSV (see the file header); notes of removed stages or lanes come last. `votes`:
 * each note's dots in the board's last revealed vote (facilitation document), for the votes column.
 */
export function exportBoardCsv(doc: Y.Doc, votes?: ReadonlyMap<string, number>): string {
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
      text(votes?.get(note.id) ?? note.votes),
      text(note.createdBy ?? note.author ?? note.authorName),
      isoTime(note.createdAt),
      isoTime(note.updatedAt),
      text(note.color),
    ]
  })
  return toCsv([[...CSV_COLUMNS], ...rows])
}
