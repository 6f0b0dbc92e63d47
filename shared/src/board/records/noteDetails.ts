/*
 * What a note says about itself beyond its text: its kind, a pain point's severity, a quote's source
 * and its tags. Each write touches only its own keys (and `updatedAt`), so a v1 client's edit of the
 * same note (its text, its color) never collides with these.
 */
import * as Y from 'yjs'
import { isId, type NoteId, type TagId } from '../ids'
import type { BoardOrigin } from '../origin'
import { NOTE_KINDS, type NoteKind } from '../style'
import { type FieldMap, getNotes } from '../topLevel'
import { MAX_NOTE_SOURCE_CHARS } from './note'

function editNote(doc: Y.Doc, id: NoteId, origin: BoardOrigin, edit: (map: FieldMap) => boolean): void {
  const map = getNotes(doc).get(id)
  if (!(map instanceof Y.Map)) return
  doc.transact(() => {
    if (edit(map)) map.set('updatedAt', Date.now())
  }, origin)
}

/** Sets a note's kind; leaving `pain` drops its severity (a severity means nothing on an idea). */
export function setNoteKind(doc: Y.Doc, id: NoteId, kind: NoteKind, origin: BoardOrigin = 'local'): void {
  if (!NOTE_KINDS.includes(kind)) return
  editNote(doc, id, origin, (map) => {
    const current = map.get('kind') ?? 'plain'
    if (current === kind) return false
    // A plain note stores no kind, as createNote writes it.
    if (kind === 'plain') map.delete('kind')
    else map.set('kind', kind)
    if (kind !== 'pain' && map.has('severity')) map.delete('severity')
    return true
  })
}

/** Sets a pain point's severity, 1–3 (rounded, clamped), or clears it with null; other kinds refuse. */
export function setNoteSeverity(
  doc: Y.Doc,
  id: NoteId,
  severity: number | null,
  origin: BoardOrigin = 'local',
): void {
  editNote(doc, id, origin, (map) => {
    if (map.get('kind') !== 'pain') return false
    if (severity === null) {
      if (!map.has('severity')) return false
      map.delete('severity')
      return true
    }
    if (!Number.isFinite(severity)) return false
    const clean = Math.min(3, Math.max(1, Math.round(severity)))
    if (map.get('severity') === clean) return false
    map.set('severity', clean)
    return true
  })
}

/** Sets who said a quote ('' or null removes it). Kept when the kind changes, in case it changes back. */
export function setNoteSource(
  doc: Y.Doc,
  id: NoteId,
  source: string | null,
  origin: BoardOrigin = 'local',
): void {
  editNote(doc, id, origin, (map) => {
    const clean = (source ?? '').trim().slice(0, MAX_NOTE_SOURCE_CHARS)
    if (clean === '') {
      if (!map.has('source')) return false
      map.delete('source')
      return true
    }
    if (map.get('source') === clean) return false
    map.set('source', clean)
    return true
  })
}

/**
 * Adds or removes one tag. The tags are a Y.Map of id → true rather than an array, so that two people
 * tagging one note at once both keep their tag (an array set whole would keep only one of them).
 */
export function setNoteTag(
  doc: Y.Doc,
  id: NoteId,
  tagId: TagId,
  on: boolean,
  origin: BoardOrigin = 'local',
): void {
  if (!isId('tag', tagId)) return
  editNote(doc, id, origin, (map) => {
    let tags = map.get('tags')
    if (!(tags instanceof Y.Map)) {
      if (!on) return false
      tags = new Y.Map<unknown>()
      map.set('tags', tags)
    }
    const set = tags as Y.Map<unknown>
    if (on === (set.get(tagId) === true)) return false
    if (on) set.set(tagId, true)
    else set.delete(tagId)
    return true
  })
}
