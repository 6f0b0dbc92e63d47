/*
 * The note record: a sticky note in one cell (stage × lane) of the board. Stored as
 * `notes: note:<id> → Y.Map { stageId, laneId, order, color, w, h, text: Y.Text, createdAt, kind,
 * severity, source, tags: Y.Map<tagId, true>, updatedAt, createdBy, parkX, parkY }`.
 * Follows the record pattern of stage.ts.
 *
 * Notes are placed by cell and order, never by x/y: the layout flows each cell's notes in reading
 * order. A note whose stage or lane is gone stays in the document and shows in the "Unsorted" row.
 * A parked note (parking.ts) is the exception: it names the parking lot's pseudo-cell and sits at
 * parkX/parkY beside the grid; a v1 client, which knows no parking lot, shows it in "Unsorted".
 */
import * as Y from 'yjs'
import { compareByOrder } from '../../order'
import { isId, type LaneId, type NoteId, newId, type StageId, type TagId } from '../ids'
import { FALLBACK_LANE_KIND, getLaneKind } from '../laneKinds/registry'
import { MAX_NOTE_TEXT_CHARS, NOTE_SIZE } from '../limits'
import type { MigrationStep } from '../migrationStep'
import type { BoardOrigin } from '../origin'
import { NOTE_COLORS, NOTE_KINDS, type NoteColor, type NoteKind } from '../style'
import { type FieldMap, getLanes, getNotes } from '../topLevel'
import { removeConnectorsTouching } from './connector'
import {
  choiceField,
  clampedNumber,
  type FieldTable,
  idField,
  idSetField,
  labelField,
  optionalNumber,
  orderKeyField,
  textField,
  timestampField,
  UNPLACEABLE,
} from './field'
import { readLane } from './lane'
import { orderAfterLast, readSorted } from './ordered'
import { parseStrict, recordSchema, type StrictResult } from './strict'

export interface Note {
  id: NoteId
  /** The column the note sits in; a note whose stage is gone shows in the "Unsorted" row. */
  stageId: StageId
  /** The row the note sits in; as for `stageId`. */
  laneId: LaneId
  /** Fractional key: the note's place in its cell's reading order. */
  order: string
  /** A palette name, not an ink, so that themes and the PDF map names to their own inks. */
  color: NoteColor
  /** Width in board units, resizable; clamped to NOTE_SIZE by readers so every note still draws. */
  w: number
  /** Height in board units; as for `w`. */
  h: number
  /** What the note says: a Y.Text in the document, so that two people typing in one note merge. */
  text: string
  /** When the note was made (epoch ms), for exports; absent on a note that a hostile client wrote without it. */
  createdAt?: number
  /** What the note is; each kind has its own shape or badge, so it does not rest on color alone. */
  kind: NoteKind
  /** How much a pain point hurts, 1–3; only a `pain` note has one (noteDetails.ts keeps it so). */
  severity?: number
  /** Who said a `quote` note's words ("Ana, interview 3"). */
  source?: string
  /** The tags the note carries (ids of the `tags` map), sorted; a tag that is gone is simply not drawn. */
  tags: readonly TagId[]
  /** When the note was last changed (epoch ms), for "recent" filters and exports. */
  updatedAt?: number
  /** Who made the note (the author's display name at the time), for workshops' attribution. */
  createdBy?: string
  /** Where a parked note sits in the parking lot (board units from the lot's corner). */
  parkX?: number
  parkY?: number
}

export const MAX_NOTE_SOURCE_CHARS = 120
export const MAX_AUTHOR_CHARS = 64
/** How far from its corner a parked note may sit (board units). */
export const PARK_RANGE = 100_000

export const NOTE_FIELDS = {
  stageId: idField('stage'),
  laneId: idField('lane'),
  order: orderKeyField(),
  color: choiceField(NOTE_COLORS, 'yellow'),
  w: clampedNumber(NOTE_SIZE.minW, NOTE_SIZE.maxW, NOTE_SIZE.defaultW),
  h: clampedNumber(NOTE_SIZE.minH, NOTE_SIZE.maxH, NOTE_SIZE.defaultH),
  text: textField(MAX_NOTE_TEXT_CHARS),
  createdAt: timestampField(),
  kind: choiceField(NOTE_KINDS, 'plain'),
  severity: optionalNumber(1, 3, true),
  source: labelField(MAX_NOTE_SOURCE_CHARS),
  tags: idSetField('tag'),
  updatedAt: timestampField(),
  createdBy: labelField(MAX_AUTHOR_CHARS),
  parkX: optionalNumber(0, PARK_RANGE),
  parkY: optionalNumber(0, PARK_RANGE),
} as const satisfies FieldTable<Omit<Note, 'id'>>

/** Steps of the board's migrations that change notes (see migrations.ts); none yet. */
export const NOTE_MIGRATIONS: readonly MigrationStep[] = []

const F = NOTE_FIELDS
const NO_TAGS: readonly TagId[] = Object.freeze([])

/**
 * A valid note, or null when the entry is too broken to place (it is then skipped, never drawn).
 * `withText: false` leaves `text` empty and `createdAt` unread: layout needs only the cell, order and
 * size, and reading every Y.Text of a 20,000-note board into strings on each structural change costs
 * time and heap. Written field by field rather than by looping over NOTE_FIELDS (`readFields`), which
 * costs ~10–15 % more on that path (bench/micro/readers.ts); note.test.ts checks that both read alike.
 */
export function readNote(id: string, map: unknown, withText = true): Note | null {
  if (!isId('note', id) || !(map instanceof Y.Map)) return null
  const stageId = F.stageId.read(map.get('stageId'))
  const laneId = F.laneId.read(map.get('laneId'))
  const order = F.order.read(map.get('order'))
  if (stageId === UNPLACEABLE || laneId === UNPLACEABLE || order === UNPLACEABLE) return null
  const note: Note = {
    id,
    stageId,
    laneId,
    order,
    color: F.color.read(map.get('color')),
    w: F.w.read(map.get('w')),
    h: F.h.read(map.get('h')),
    text: withText ? F.text.read(map.get('text')) : '',
    // Always present (if undefined), so that every note object has one shape: faster to make and read.
    createdAt: withText ? F.createdAt.read(map.get('createdAt')) : undefined,
    // The kind and the parking place change a note's size and place, so layout reads them too.
    kind: F.kind.read(map.get('kind')),
    severity: withText ? F.severity.read(map.get('severity')) : undefined,
    source: withText ? F.source.read(map.get('source')) : undefined,
    tags: withText ? F.tags.read(map.get('tags')) : NO_TAGS,
    updatedAt: withText ? F.updatedAt.read(map.get('updatedAt')) : undefined,
    createdBy: withText ? F.createdBy.read(map.get('createdBy')) : undefined,
    parkX: F.parkX.read(map.get('parkX')),
    parkY: F.parkY.read(map.get('parkY')),
  }
  return note
}

export const readNotes = (doc: Y.Doc): Note[] => readSorted(getNotes(doc), readNote)
/** Notes without their text, for the layout (see `readNote`). */
export const readNotePlacements = (doc: Y.Doc): Note[] =>
  readSorted(getNotes(doc), (id, map) => readNote(id, map, false))

/** The live Y.Text of a note, for editors that type into it character by character. */
export function getNoteText(doc: Y.Doc, id: NoteId): Y.Text | null {
  const text = getNotes(doc).get(id)?.get('text')
  return text instanceof Y.Text ? text : null
}

/** The stages and lanes a strictly parsed note must name (an import checks its notes against its own grid). */
export interface NoteReferences {
  stageIds: ReadonlySet<string>
  laneIds: ReadonlySet<string>
}

let noteSchema: ReturnType<typeof recordSchema> | undefined

/**
 * A note from outside the document (a JSON import), checked strictly; `at` names it in errors
 * (`notes[12].stageId: unknown stage`). Without `refs`, stage and lane ids are checked for form only.
 */
export function parseNote(value: unknown, at = 'note', refs?: NoteReferences): StrictResult<Note> {
  noteSchema ??= recordSchema(NOTE_FIELDS, 'note')
  const references = refs
    ? [
        { key: 'stageId', noun: 'stage', known: refs.stageIds },
        { key: 'laneId', noun: 'lane', known: refs.laneIds },
      ]
    : []
  return parseStrict(noteSchema, value, at, references)
}

// ——— mutations ———

export interface NoteInit {
  stageId: StageId
  laneId: LaneId
  /** Defaults to the end of the cell. */
  order?: string
  /** Defaults to the lane kind's color for new notes. */
  color?: NoteColor
  w?: number
  h?: number
  text?: string
  kind?: NoteKind
  /** The author's display name. */
  createdBy?: string
  id?: NoteId
}

export function createNote(doc: Y.Doc, init: NoteInit, origin: BoardOrigin = 'local'): NoteId {
  const id = init.id ?? newId('note')
  doc.transact(() => {
    const order = init.order ?? orderAfterLast(notesInCell(doc, init.stageId, init.laneId))
    const lane = readLane(init.laneId, getLanes(doc).get(init.laneId))
    const map: FieldMap = new Y.Map()
    map.set('stageId', init.stageId)
    map.set('laneId', init.laneId)
    map.set('order', order)
    map.set('color', init.color ?? getLaneKind(lane?.kind ?? FALLBACK_LANE_KIND).colors.newNote ?? 'yellow')
    map.set('w', init.w ?? NOTE_SIZE.defaultW)
    map.set('h', init.h ?? NOTE_SIZE.defaultH)
    const now = Date.now()
    map.set('createdAt', now)
    map.set('updatedAt', now)
    map.set('text', new Y.Text(init.text ?? ''))
    // Made now, like the text, so that two people tagging the new note at once never race to make it.
    map.set('tags', new Y.Map<unknown>())
    // A plain note stores no kind: absent reads as plain, and v1 clients see the same map as before.
    if (init.kind && init.kind !== 'plain' && NOTE_KINDS.includes(init.kind)) map.set('kind', init.kind)
    const author = init.createdBy?.trim().slice(0, MAX_AUTHOR_CHARS)
    if (author) map.set('createdBy', author)
    getNotes(doc).set(id, map)
  }, origin)
  return id
}

export function notesInCell(doc: Y.Doc, stageId: StageId, laneId: LaneId): Note[] {
  const notes: Note[] = []
  getNotes(doc).forEach((map, id) => {
    const note = readNote(id, map)
    if (note && note.stageId === stageId && note.laneId === laneId) notes.push(note)
  })
  return notes.sort(compareByOrder)
}

export interface NotePatch {
  stageId?: StageId
  laneId?: LaneId
  order?: string
  color?: NoteColor
  w?: number
  h?: number
  /** With the parking lot's pseudo-cell as stage and lane: where in the lot (parking.ts). */
  parkX?: number
  parkY?: number
}

/**
 * Applies each patch to its note in one transaction (one undo step); missing notes are skipped. Only
 * the patched keys are written: fields this build does not know (a newer client's) stay as they are.
 */
export function updateNotes(
  doc: Y.Doc,
  patches: ReadonlyMap<NoteId, NotePatch>,
  origin: BoardOrigin = 'local',
): void {
  const notes = getNotes(doc)
  doc.transact(() => {
    const now = Date.now()
    for (const [id, patch] of patches) {
      const map = notes.get(id)
      if (!(map instanceof Y.Map)) continue
      let changed = false
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined && map.get(key) !== value) {
          map.set(key, value)
          changed = true
        }
      }
      if (changed) map.set('updatedAt', now)
    }
  }, origin)
}

export function updateNote(doc: Y.Doc, id: NoteId, patch: NotePatch, origin: BoardOrigin = 'local'): void {
  updateNotes(doc, new Map([[id, patch]]), origin)
}

export function deleteNotes(doc: Y.Doc, ids: Iterable<NoteId>, origin: BoardOrigin = 'local'): void {
  const notes = getNotes(doc)
  doc.transact(() => {
    const gone = new Set<string>()
    for (const id of ids) {
      notes.delete(id)
      gone.add(id)
    }
    // An arrow to nothing cannot be drawn; removed with its end, one undo brings both back.
    removeConnectorsTouching(doc, gone)
  }, origin)
}
