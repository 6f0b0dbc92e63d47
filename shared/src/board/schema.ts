/**
 * How a board lives in a Y.Doc. This module is the only one that names the document's top-level types
 * or the keys of its maps; everything else goes through the accessors, readers and mutations below.
 *
 *   meta    Y.Map   title, schemaVersion, createdAt, template
 *   stages  Y.Map   stageId → Y.Map { title, order }               (columns)
 *   lanes   Y.Map   laneId  → Y.Map { title, order, kind }         (rows)
 *   notes   Y.Map   noteId  → Y.Map { stageId, laneId, order, color, w, h, text: Y.Text, createdAt }
 *
 * Stages, lanes and notes are keyed maps with fractional `order` keys rather than Y.Arrays, so that
 * concurrent moves never duplicate or lose an item. Readers validate what they read: the sync server
 * relays any well-formed update, so a board may hold data from a newer or hostile client.
 */
import * as Y from 'yjs'
import { compareByOrder, isOrderKey, keyBetween } from '../order'
import { isId, type LaneId, type NoteId, newId, type StageId } from './ids'
import { MAX_NOTE_TEXT_CHARS, MAX_TITLE_CHARS, NOTE_SIZE } from './limits'
import { DEFAULT_NOTE_COLOR, isLaneKind, isNoteColor, type LaneKind, type NoteColor } from './style'

export const SCHEMA_VERSION = 1

/** Where a transaction came from, so observers can tell a local edit from a load or a migration. */
export type BoardOrigin = 'local' | 'load' | 'migration' | 'template' | 'remote'

export interface Stage {
  id: StageId
  title: string
  /** Fractional key: the column's position from left to right. */
  order: string
}

export interface Lane {
  id: LaneId
  title: string
  /** Fractional key: the row's position from top to bottom. */
  order: string
  /** What the lane is for; picks the default color of its notes. */
  kind: LaneKind
}

export interface Note {
  id: NoteId
  stageId: StageId
  laneId: LaneId
  /** Fractional key: the note's place in its cell's reading order. */
  order: string
  color: NoteColor
  /** Size in board units; clamped to NOTE_SIZE by readers. */
  w: number
  h: number
  text: string
}

export interface BoardSnapshot {
  title: string
  schemaVersion: number
  stages: Stage[]
  lanes: Lane[]
  notes: Note[]
}

type FieldMap = Y.Map<unknown>

export const getMeta = (doc: Y.Doc): FieldMap => doc.getMap('meta')
export const getStages = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('stages')
export const getLanes = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('lanes')
export const getNotes = (doc: Y.Doc): Y.Map<FieldMap> => doc.getMap('notes')

const clamp = (value: unknown, min: number, max: number, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback

const readTitle = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value.trim() !== '' ? value.slice(0, MAX_TITLE_CHARS) : fallback

export function readBoardTitle(doc: Y.Doc): string {
  return readTitle(getMeta(doc).get('title'), 'Untitled board')
}

export function readSchemaVersion(doc: Y.Doc): number {
  const version = getMeta(doc).get('schemaVersion')
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0
}

export function readStage(id: string, map: unknown): Stage | null {
  if (!isId('stage', id) || !(map instanceof Y.Map)) return null
  const order = map.get('order')
  if (!isOrderKey(order)) return null
  return { id, title: readTitle(map.get('title'), 'Untitled stage'), order }
}

export function readLane(id: string, map: unknown): Lane | null {
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

/**
 * A valid note, or null when the entry is too broken to place (it is then skipped, never drawn).
 * `withText: false` leaves `text` empty: layout needs only the cell, order and size, and reading every
 * Y.Text of a 20,000-note board into strings on each structural change costs time and heap.
 */
export function readNote(id: string, map: unknown, withText = true): Note | null {
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
  // Y.Text#length is cheap; only huge (hostile) texts pay for the slice.
  const full = text.toString()
  return full.length > MAX_NOTE_TEXT_CHARS ? `${full.slice(0, MAX_NOTE_TEXT_CHARS)}…` : full
}

function readSorted<T extends { id: string; order: string }>(
  source: Y.Map<FieldMap>,
  read: (id: string, map: unknown) => T | null,
): T[] {
  const items: T[] = []
  source.forEach((map, id) => {
    const item = read(id, map)
    if (item) items.push(item)
  })
  return items.sort(compareByOrder)
}

export const readStages = (doc: Y.Doc): Stage[] => readSorted(getStages(doc), readStage)
export const readLanes = (doc: Y.Doc): Lane[] => readSorted(getLanes(doc), readLane)
export const readNotes = (doc: Y.Doc): Note[] => readSorted(getNotes(doc), readNote)
/** Notes without their text, for the layout (see `readNote`). */
export const readNotePlacements = (doc: Y.Doc): Note[] =>
  readSorted(getNotes(doc), (id, map) => readNote(id, map, false))

export function readBoard(doc: Y.Doc): BoardSnapshot {
  return {
    title: readBoardTitle(doc),
    schemaVersion: readSchemaVersion(doc),
    stages: readStages(doc),
    lanes: readLanes(doc),
    notes: readNotes(doc),
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

/** The live Y.Text of a note, for editors that type into it character by character. */
export function getNoteText(doc: Y.Doc, id: NoteId): Y.Text | null {
  const text = getNotes(doc).get(id)?.get('text')
  return text instanceof Y.Text ? text : null
}

// ——— mutations ———

export function setBoardTitle(doc: Y.Doc, title: string, origin: BoardOrigin = 'local'): void {
  const clean = title.trim().slice(0, MAX_TITLE_CHARS)
  if (clean === '') return
  doc.transact(() => getMeta(doc).set('title', clean), origin)
}

/** The order key after the last item of `items`, for appending. */
export function orderAfterLast(items: readonly { order: string }[]): string {
  const last = items.reduce<string | null>(
    (max, item) => (max === null || item.order > max ? item.order : max),
    null,
  )
  return keyBetween(last, null)
}

export interface NoteInit {
  stageId: StageId
  laneId: LaneId
  /** Defaults to the end of the cell. */
  order?: string
  color?: NoteColor
  w?: number
  h?: number
  text?: string
  id?: NoteId
}

export function createNote(doc: Y.Doc, init: NoteInit, origin: BoardOrigin = 'local'): NoteId {
  const id = init.id ?? newId('note')
  doc.transact(() => {
    const order = init.order ?? orderAfterLast(notesInCell(doc, init.stageId, init.laneId))
    const laneKind = readLane(init.laneId, getLanes(doc).get(init.laneId))?.kind ?? 'custom'
    const map: FieldMap = new Y.Map()
    map.set('stageId', init.stageId)
    map.set('laneId', init.laneId)
    map.set('order', order)
    map.set('color', init.color ?? DEFAULT_NOTE_COLOR[laneKind])
    map.set('w', init.w ?? NOTE_SIZE.defaultW)
    map.set('h', init.h ?? NOTE_SIZE.defaultH)
    map.set('createdAt', Date.now())
    map.set('text', new Y.Text(init.text ?? ''))
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
}

/** Applies each patch to its note in one transaction (one undo step); missing notes are skipped. */
export function updateNotes(
  doc: Y.Doc,
  patches: ReadonlyMap<NoteId, NotePatch>,
  origin: BoardOrigin = 'local',
): void {
  const notes = getNotes(doc)
  doc.transact(() => {
    for (const [id, patch] of patches) {
      const map = notes.get(id)
      if (!(map instanceof Y.Map)) continue
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined && map.get(key) !== value) map.set(key, value)
      }
    }
  }, origin)
}

export function updateNote(doc: Y.Doc, id: NoteId, patch: NotePatch, origin: BoardOrigin = 'local'): void {
  updateNotes(doc, new Map([[id, patch]]), origin)
}

export function deleteNotes(doc: Y.Doc, ids: Iterable<NoteId>, origin: BoardOrigin = 'local'): void {
  const notes = getNotes(doc)
  doc.transact(() => {
    for (const id of ids) notes.delete(id)
  }, origin)
}

export function addStage(doc: Y.Doc, title: string, order?: string, origin: BoardOrigin = 'local'): StageId {
  const id = newId('stage')
  doc.transact(() => {
    const map: FieldMap = new Y.Map()
    map.set('title', title.slice(0, MAX_TITLE_CHARS))
    map.set('order', order ?? orderAfterLast(readStages(doc)))
    getStages(doc).set(id, map)
  }, origin)
  return id
}

export function addLane(
  doc: Y.Doc,
  title: string,
  kind: LaneKind,
  order?: string,
  origin: BoardOrigin = 'local',
): LaneId {
  const id = newId('lane')
  doc.transact(() => {
    const map: FieldMap = new Y.Map()
    map.set('title', title.slice(0, MAX_TITLE_CHARS))
    map.set('order', order ?? orderAfterLast(readLanes(doc)))
    map.set('kind', kind)
    getLanes(doc).set(id, map)
  }, origin)
  return id
}

export function renameStage(doc: Y.Doc, id: StageId, title: string, origin: BoardOrigin = 'local'): void {
  const map = getStages(doc).get(id)
  const clean = title.trim().slice(0, MAX_TITLE_CHARS)
  if (map instanceof Y.Map && clean !== '') doc.transact(() => map.set('title', clean), origin)
}

export function renameLane(doc: Y.Doc, id: LaneId, title: string, origin: BoardOrigin = 'local'): void {
  const map = getLanes(doc).get(id)
  const clean = title.trim().slice(0, MAX_TITLE_CHARS)
  if (map instanceof Y.Map && clean !== '') doc.transact(() => map.set('title', clean), origin)
}

/** A lane's kind picks its accent and the color new notes in it start with; notes already there keep theirs. */
export function setLaneKind(doc: Y.Doc, id: LaneId, kind: LaneKind, origin: BoardOrigin = 'local'): void {
  const map = getLanes(doc).get(id)
  if (map instanceof Y.Map && isLaneKind(kind) && map.get('kind') !== kind) {
    doc.transact(() => map.set('kind', kind), origin)
  }
}

/** Moves a stage to a new place in the column order (a fractional key from `keyBetween`). */
export function moveStage(doc: Y.Doc, id: StageId, order: string, origin: BoardOrigin = 'local'): void {
  const map = getStages(doc).get(id)
  if (map instanceof Y.Map && isOrderKey(order)) doc.transact(() => map.set('order', order), origin)
}

export function moveLane(doc: Y.Doc, id: LaneId, order: string, origin: BoardOrigin = 'local'): void {
  const map = getLanes(doc).get(id)
  if (map instanceof Y.Map && isOrderKey(order)) doc.transact(() => map.set('order', order), origin)
}

/**
 * Removes a stage. Its notes stay in the document: the layout shows them in the "Unsorted" row, so
 * that a colleague's notes are never silently hidden by someone else's delete (it may even be
 * concurrent with their edits). Deleting notes is always a separate, explicit act.
 */
export function removeStage(doc: Y.Doc, id: StageId, origin: BoardOrigin = 'local'): void {
  doc.transact(() => getStages(doc).delete(id), origin)
}

/** Removes a lane; its notes move to the "Unsorted" row, as for `removeStage`. */
export function removeLane(doc: Y.Doc, id: LaneId, origin: BoardOrigin = 'local'): void {
  doc.transact(() => getLanes(doc).delete(id), origin)
}
