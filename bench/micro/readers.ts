/*
 * `npm run bench:readers [-- --notes=20000 --rounds=31]`: the board readers on the client's hot path,
 * before and after the records split (issue 19). The client's layout store reads every note's
 * placement on each structural change, and a full read (texts too) feeds the scene and the PDF; this
 * times both on one 20,000-note document, old and new interleaved round by round so that load on the
 * (shared) machine hits both alike, and prints the fastest and the median run of each, and new ÷ old
 * for both (the fastest run is the steadier figure under load).
 *
 * "old" is the hand-written readers as they were in shared/src/board/schema.ts before the split,
 * copied below verbatim as the reference. "new" is what the app runs now (records/note.ts, lane.ts,
 * stage.ts). The new full read also reads each note's createdAt, which the old one skipped. One case
 * compares two new readers instead: readNote (the "old" column) with the generic readFields loop over
 * NOTE_FIELDS (the "new" column), which is why readNote is written out field by field.
 * Not a test: timings on a shared machine are rough; run it before and after touching a reader.
 */
import * as Y from 'yjs'
import { isId, type LaneId, type NoteId, type StageId } from '../../shared/src/board/ids'
import { MAX_NOTE_TEXT_CHARS, MAX_TITLE_CHARS, NOTE_SIZE } from '../../shared/src/board/limits'
import { readFields } from '../../shared/src/board/records/field'
import { NOTE_FIELDS, type Note } from '../../shared/src/board/records/note'
import {
  addLane,
  addStage,
  createNote,
  getLanes,
  getNotes,
  getStages,
  readLanes,
  readNote,
  readNotePlacements,
  readNotes,
  readStages,
} from '../../shared/src/board/schema'
import { isNoteColor, type NoteColor } from '../../shared/src/board/style'
import { compareByOrder, isOrderKey, keysBetween } from '../../shared/src/order'

// ——— the reference: the readers as they were before the split ———

type OldLaneKind = 'actions' | 'touchpoints' | 'emotions' | 'pain-points' | 'opportunities' | 'custom'
const OLD_LANE_KINDS = ['actions', 'touchpoints', 'emotions', 'pain-points', 'opportunities', 'custom']
const isLaneKind = (value: unknown): value is OldLaneKind =>
  typeof value === 'string' && OLD_LANE_KINDS.includes(value)

interface OldNote {
  id: NoteId
  stageId: StageId
  laneId: LaneId
  order: string
  color: NoteColor
  w: number
  h: number
  text: string
}

const clamp = (value: unknown, min: number, max: number, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback

const readTitle = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value.trim() !== '' ? value.slice(0, MAX_TITLE_CHARS) : fallback

function oldReadStage(id: string, map: unknown) {
  if (!isId('stage', id) || !(map instanceof Y.Map)) return null
  const order = map.get('order')
  if (!isOrderKey(order)) return null
  return { id, title: readTitle(map.get('title'), 'Untitled stage'), order }
}

function oldReadLane(id: string, map: unknown) {
  if (!isId('lane', id) || !(map instanceof Y.Map)) return null
  const order = map.get('order')
  if (!isOrderKey(order)) return null
  const kind = map.get('kind')
  return {
    id,
    title: readTitle(map.get('title'), 'Untitled lane'),
    order,
    kind: isLaneKind(kind) ? kind : 'custom',
  }
}

function oldReadNote(id: string, map: unknown, withText = true): OldNote | null {
  if (!isId('note', id) || !(map instanceof Y.Map)) return null
  const stageId = map.get('stageId')
  const laneId = map.get('laneId')
  const order = map.get('order')
  if (!isId('stage', stageId) || !isId('lane', laneId) || !isOrderKey(order)) return null
  const color = map.get('color')
  const text = map.get('text')
  return {
    id,
    stageId,
    laneId,
    order,
    color: isNoteColor(color) ? color : 'yellow',
    w: clamp(map.get('w'), NOTE_SIZE.minW, NOTE_SIZE.maxW, NOTE_SIZE.defaultW),
    h: clamp(map.get('h'), NOTE_SIZE.minH, NOTE_SIZE.maxH, NOTE_SIZE.defaultH),
    text: withText && text instanceof Y.Text ? readText(text) : '',
  }
}

function readText(text: Y.Text): string {
  const full = text.toString()
  return full.length > MAX_NOTE_TEXT_CHARS ? `${full.slice(0, MAX_NOTE_TEXT_CHARS)}…` : full
}

function oldReadSorted<T extends { id: string; order: string }>(
  source: Y.Map<Y.Map<unknown>>,
  read: (id: string, map: unknown) => T | null,
): T[] {
  const items: T[] = []
  source.forEach((map, id) => {
    const item = read(id, map)
    if (item) items.push(item)
  })
  return items.sort(compareByOrder)
}

// ——— the board ———

function arg(name: string, fallback: number): number {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`))
  return found ? Number(found.slice(name.length + 3)) : fallback
}

const noteCount = arg('notes', 20_000)
const rounds = arg('rounds', 31)

const doc = new Y.Doc()
const stageIds = ['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Retention', 'Advocacy'].map((t) =>
  addStage(doc, t),
)
const laneIds = (['actions', 'touchpoints', 'thoughts', 'pain-points', 'opportunities'] as const).map((k) =>
  addLane(doc, k, k),
)
const cells = stageIds.flatMap((stageId) => laneIds.map((laneId) => ({ stageId, laneId })))
const orders = keysBetween(null, null, Math.ceil(noteCount / cells.length))
doc.transact(() => {
  for (let i = 0; i < noteCount; i++) {
    const cell = cells[i % cells.length]!
    const order = orders[Math.floor(i / cells.length)]
    createNote(doc, { ...cell, order, text: `Compares plans on the pricing page, note ${i}` })
  }
})

// ——— the measurements ———

interface Case {
  name: string
  old: () => unknown
  new: () => unknown
}

const each = (read: (id: string, map: unknown) => unknown) => () => {
  let kept = 0
  getNotes(doc).forEach((map, id) => {
    if (read(id, map)) kept++
  })
  return kept
}

const cases: Case[] = [
  {
    name: 'readNotePlacements (layout store)',
    old: () => oldReadSorted(getNotes(doc), (id, map) => oldReadNote(id, map, false)),
    new: () => readNotePlacements(doc),
  },
  {
    name: 'readNotes (scene, PDF)',
    old: () => oldReadSorted(getNotes(doc), oldReadNote),
    new: () => readNotes(doc),
  },
  {
    name: 'readNote ×N, placement, no sort',
    old: each((id, map) => oldReadNote(id, map, false)),
    new: each((id, map) => readNote(id, map, false)),
  },
  {
    name: 'readNote ×N, full, no sort',
    old: each((id, map) => oldReadNote(id, map)),
    new: each((id, map) => readNote(id, map)),
  },
  {
    // Not old vs new: why readNote is written out field by field instead of looping over NOTE_FIELDS.
    name: 'readNote ×N, full, vs readFields loop',
    old: each((id, map) => readNote(id, map)),
    new: each((id, map) =>
      isId('note', id) && map instanceof Y.Map
        ? readFields<Omit<Note, 'id'>>(map, NOTE_FIELDS, { id })
        : null,
    ),
  },
  {
    name: 'readStages + readLanes ×1000',
    old: () => {
      for (let i = 0; i < 1000; i++) {
        oldReadSorted(getStages(doc), oldReadStage)
        oldReadSorted(getLanes(doc), oldReadLane)
      }
    },
    new: () => {
      for (let i = 0; i < 1000; i++) {
        readStages(doc)
        readLanes(doc)
      }
    },
  },
]

/** CPU time (user + system, all threads) of one run: steadier than wall time when other jobs share the cores. */
const time = (run: () => unknown): number => {
  // A collection between runs, when allowed (--expose-gc), so that one run does not pay for another's garbage.
  ;(globalThis as { gc?: () => void }).gc?.()
  const started = process.cpuUsage()
  run()
  const used = process.cpuUsage(started)
  return (used.user + used.system) / 1000
}
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

// Same results first: the comparison means nothing if the two read different boards.
if (readNotes(doc).length !== noteCount || oldReadSorted(getNotes(doc), oldReadNote).length !== noteCount) {
  throw new Error('old and new readers disagree on the note count')
}

console.log(`${noteCount} notes, ${rounds} rounds, old and new alternating; CPU ms`)
console.log(
  `${'case'.padEnd(36)} ${'old min'.padStart(8)} ${'new min'.padStart(8)} ${'ratio'.padStart(6)}` +
    `   ${'old med'.padStart(8)} ${'new med'.padStart(8)} ${'ratio'.padStart(6)}`,
)
const cell = (ms: number) => ms.toFixed(2).padStart(8)
for (const c of cases) {
  for (let i = 0; i < 3; i++) {
    c.old()
    c.new()
  }
  const old: number[] = []
  const now: number[] = []
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      old.push(time(c.old))
      now.push(time(c.new))
    } else {
      now.push(time(c.new))
      old.push(time(c.old))
    }
  }
  const [oMin, nMin, oMed, nMed] = [Math.min(...old), Math.min(...now), median(old), median(now)]
  console.log(
    `${c.name.padEnd(36)} ${cell(oMin)} ${cell(nMin)} ${(nMin / oMin).toFixed(2).padStart(6)}` +
      `   ${cell(oMed)} ${cell(nMed)} ${(nMed / oMed).toFixed(2).padStart(6)}`,
  )
}
