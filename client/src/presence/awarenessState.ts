/*
 * The presence contract: what each client puts in Yjs awareness (never stored, gone when they leave).
 * This is the only module that knows the shape; everything else goes through `readPresence`.
 *
 *   {
 *     user:      { id, name, color }   who this is (id is per browser, so two tabs are one person)
 *     cursor:    { x, y } | null       pointer in board units, null when off the canvas
 *     selection: NoteId[]              notes they have selected
 *     editing:   NoteId | null         note whose text they are typing into
 *     view:      { x, y, w, h } | null the board rect their screen shows, so others can jump to it
 *     presenting: { stageId } | null   the stage they present (presentation mode), so others can follow
 *   }
 *
 * Other clients may run another version or send garbage: a state without a valid `user` is skipped
 * (returns null); any other field that does not validate falls back to "nothing" (null or []), so a bad
 * cursor never hides a person from the participants list.
 */
import { isId, type NoteId, type StageId } from '../../../shared/src/board/ids'
import type { Point, Rect } from '../../../shared/src/layout/geometry'

export interface PresenceUser {
  /** Random per-browser id (see identity.ts): groups tabs of one person and derives their color. */
  id: string
  /** Display name shown on cursors, tags and avatars. */
  name: string
  /** `#rrggbb`, one of PRESENCE_COLORS; others may send any hex color. */
  color: string
}

export interface PresenceState {
  user: PresenceUser
  /** Pointer position in board units (so it is right under every viewer's own pan and zoom). */
  cursor: Point | null
  /** Selected notes, capped at PRESENCE_LIMITS.maxSelection to keep each update small. */
  selection: readonly NoteId[]
  /** The note being edited, shown to others as "Name is editing". */
  editing: NoteId | null
  /** The visible part of the board, in board units; what "jump to" centers on. */
  view: Rect | null
  /** The stage they present, while they lead a presentation; others may follow it. */
  presenting: { stageId: StageId } | null
}

export const PRESENCE_LIMITS = {
  maxNameChars: 40,
  maxUserIdChars: 64,
  maxSelection: 200,
  /** Coordinates beyond this are nonsense, not a far corner of a board. */
  maxCoordinate: 1e7,
} as const

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/
const USER_ID = /^[A-Za-z0-9_-]+$/

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isCoordinate = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= PRESENCE_LIMITS.maxCoordinate

function readUser(value: unknown): PresenceUser | null {
  if (!isRecord(value)) return null
  const { id, name, color } = value
  if (typeof id !== 'string' || id.length > PRESENCE_LIMITS.maxUserIdChars || !USER_ID.test(id)) return null
  if (typeof name !== 'string') return null
  const trimmed = cleanName(name)
  if (trimmed === '') return null
  if (typeof color !== 'string' || !HEX_COLOR.test(color)) return null
  return { id, name: trimmed, color: color.toLowerCase() }
}

function readCursor(value: unknown): Point | null {
  if (!isRecord(value) || !isCoordinate(value.x) || !isCoordinate(value.y)) return null
  return { x: value.x, y: value.y }
}

function readView(value: unknown): Rect | null {
  if (!isRecord(value)) return null
  const { x, y, w, h } = value
  if (!isCoordinate(x) || !isCoordinate(y) || !isCoordinate(w) || !isCoordinate(h)) return null
  if (w <= 0 || h <= 0) return null
  return { x, y, w, h }
}

function readSelection(value: unknown): NoteId[] {
  if (!Array.isArray(value)) return []
  const ids: NoteId[] = []
  for (const item of value.slice(0, PRESENCE_LIMITS.maxSelection)) if (isId('note', item)) ids.push(item)
  return ids
}

/** Trims, collapses whitespace, drops control characters and caps the length of a display name. */
export function cleanName(name: string): string {
  // Control characters (and the other invisible "Cc" code points) would garble labels.
  const plain = [...name]
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0
      return code >= 0x20 && code !== 0x7f
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
  return [...plain].slice(0, PRESENCE_LIMITS.maxNameChars).join('')
}

/** Validates one client's awareness state; null when it carries no usable user. */
export function readPresence(state: unknown): PresenceState | null {
  if (!isRecord(state)) return null
  const user = readUser(state.user)
  if (!user) return null
  return {
    user,
    cursor: readCursor(state.cursor),
    selection: readSelection(state.selection),
    editing: isId('note', state.editing) ? state.editing : null,
    view: readView(state.view),
    presenting:
      isRecord(state.presenting) && isId('stage', state.presenting.stageId)
        ? { stageId: state.presenting.stageId }
        : null,
  }
}
