/*
 * The clipboard format for notes. A copy writes three representations at once, through the `copy`
 * event's DataTransfer (synchronous, so it works from a plain Ctrl/Cmd+C without a permission prompt):
 *
 *   application/x-journeyboard+json  the notes as JSON: { journeyboard: 1, notes: [...] }
 *   text/html                         <div data-journeyboard-notes="<encodeURIComponent(JSON)>">, then
 *                                     one <p> per note, so rich editors paste readable text
 *   text/plain                        one note's text per line, for every other app
 *
 * A paste reads them in that order. The custom type survives between tabs of one browser but not
 * always across browsers or through the OS (Safari keeps it same-origin); the HTML attribute carries the
 * same JSON through every browser's HTML clipboard, and is URI-encoded so no quote or ampersand inside
 * it can be mangled by an HTML re-serializer. Plain text from elsewhere becomes one note per non-empty
 * line. Everything read is validated here, at the edge: the clipboard may hold anything.
 */
import { MAX_NOTE_TEXT_CHARS, MAX_TITLE_CHARS, NOTE_SIZE } from '../../../shared/src/board/limits'
import { isNoteColor, type NoteColor } from '../../../shared/src/board/style'

export const NOTES_MIME = 'application/x-journeyboard+json'
export const CLIPBOARD_FORMAT_VERSION = 1
/** Most notes one paste creates; a huge clipboard would otherwise freeze every peer's board. */
export const MAX_PASTED_NOTES = 500

/** A note on the clipboard: its content and where it was, by titles (ids mean nothing on another board). */
export interface ClipNote {
  text: string
  /** Absent for plain text: the target lane's default color applies. */
  color?: NoteColor
  w?: number
  h?: number
  /** Titles of the stage and lane it was copied from, or null (it sat in the "Unsorted" row). */
  stage: string | null
  lane: string | null
}

export type Pasted =
  | { kind: 'notes'; notes: ClipNote[] }
  | { kind: 'text'; notes: ClipNote[] }
  | { kind: 'none' }

const HTML_ATTRIBUTE = 'data-journeyboard-notes'

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/** One line per note: line breaks inside a note become spaces, so each line is one whole note. */
export function notesToPlainText(notes: readonly ClipNote[]): string {
  return notes.map((n) => n.text.replace(/\s*[\r\n]+\s*/g, ' ').trim()).join('\n')
}

/** Every representation of `notes`, keyed by MIME type, for `DataTransfer.setData`. */
export function writeClipboard(notes: readonly ClipNote[]): Record<string, string> {
  const json = JSON.stringify({ journeyboard: CLIPBOARD_FORMAT_VERSION, notes })
  const paragraphs = notes.map((n) => `<p>${escapeHtml(n.text).replace(/\n/g, '<br>')}</p>`).join('')
  return {
    [NOTES_MIME]: json,
    'text/html': `<div ${HTML_ATTRIBUTE}="${encodeURIComponent(json)}">${paragraphs}</div>`,
    'text/plain': notesToPlainText(notes),
  }
}

const size = (value: unknown, min: number, max: number): number | undefined =>
  typeof value === 'number' && Number.isFinite(value)
    ? Math.round(Math.min(max, Math.max(min, value)))
    : undefined

const title = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.slice(0, MAX_TITLE_CHARS) : null

function readClipNote(value: unknown): ClipNote | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  if (typeof v.text !== 'string') return null
  const note: ClipNote = {
    text: v.text.slice(0, MAX_NOTE_TEXT_CHARS),
    stage: title(v.stage),
    lane: title(v.lane),
  }
  if (isNoteColor(v.color)) note.color = v.color
  const w = size(v.w, NOTE_SIZE.minW, NOTE_SIZE.maxW)
  const h = size(v.h, NOTE_SIZE.minH, NOTE_SIZE.maxH)
  if (w !== undefined) note.w = w
  if (h !== undefined) note.h = h
  return note
}

/** The notes in a JSON payload of ours, or null when it is not one. */
export function parseNotesJson(json: string): ClipNote[] | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return null
  }
  if (!parsed || typeof parsed !== 'object') return null
  const { journeyboard, notes } = parsed as { journeyboard?: unknown; notes?: unknown }
  if (journeyboard !== CLIPBOARD_FORMAT_VERSION || !Array.isArray(notes)) return null
  return notes
    .slice(0, MAX_PASTED_NOTES)
    .map(readClipNote)
    .filter((n): n is ClipNote => n !== null)
}

function notesFromHtml(html: string): ClipNote[] | null {
  const match = new RegExp(`${HTML_ATTRIBUTE}\\s*=\\s*["']([^"']*)["']`).exec(html)
  if (!match?.[1]) return null
  try {
    return parseNotesJson(decodeURIComponent(match[1]))
  } catch {
    return null
  }
}

/** One note per non-empty line of plain text. */
export function notesFromPlainText(text: string): ClipNote[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, MAX_PASTED_NOTES)
    .map((line) => ({ text: line.slice(0, MAX_NOTE_TEXT_CHARS), stage: null, lane: null }))
}

/** What a paste holds: our notes (from the richest representation present), plain text, or nothing. */
export function readClipboard(getData: (type: string) => string): Pasted {
  const fromJson = parseNotesJson(getData(NOTES_MIME) || '')
  if (fromJson && fromJson.length > 0) return { kind: 'notes', notes: fromJson }
  const fromHtml = notesFromHtml(getData('text/html') || '')
  if (fromHtml && fromHtml.length > 0) return { kind: 'notes', notes: fromHtml }
  const fromText = notesFromPlainText(getData('text/plain') || '')
  return fromText.length > 0 ? { kind: 'text', notes: fromText } : { kind: 'none' }
}
