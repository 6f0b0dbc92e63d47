/*
 * A private phase (issue 16): while it is open each person writes into their own private document —
 * notes (a private brainstorm) or emotion scores per stage — and nobody else sees them; on reveal the
 * server copies every private note into the board in one transaction, or writes each stage's median and
 * spread of the scores into the facilitation document's `phase.results`.
 *
 * The facilitation document's `phase` map: id, kind 'notes'|'emotions', state 'open'|'revealed',
 * endsAt?, laneId (emotions), results (server-written, emotions), revealedNotes (server-written count).
 * Pure functions over plain values and Y.Maps; garbage reads as "no phase".
 */
import * as Y from 'yjs'
import { isId, type LaneId, type NoteId, type StageId } from '../board/ids'
import { getPhase, getPrivateNotes, getPrivateScores } from './schema'

export type PhaseKind = 'notes' | 'emotions'
export type PhaseState = 'open' | 'revealed'

export interface StageSpread {
  stageId: string
  median: number
  min: number
  max: number
  count: number
}

export interface Phase {
  id: string
  kind: PhaseKind
  state: PhaseState
  endsAt?: number
  /** The emotion lane the scores are for (emotions only). */
  laneId?: string
  /** Per stage, on an emotions phase once revealed (server-written). */
  results?: StageSpread[]
}

export function readPhase(facilitation: Y.Doc): Phase | undefined {
  const map = getPhase(facilitation)
  const id = map.get('id')
  const kind = map.get('kind')
  const state = map.get('state')
  if (typeof id !== 'string' || id === '') return undefined
  if (kind !== 'notes' && kind !== 'emotions') return undefined
  if (state !== 'open' && state !== 'revealed') return undefined
  const phase: Phase = { id, kind, state }
  const endsAt = map.get('endsAt')
  if (typeof endsAt === 'number' && Number.isFinite(endsAt)) phase.endsAt = endsAt
  const laneId = map.get('laneId')
  if (typeof laneId === 'string') phase.laneId = laneId
  const results = map.get('results')
  if (Array.isArray(results)) phase.results = results.filter(isSpread)
  return phase
}

const isSpread = (value: unknown): value is StageSpread => {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.stageId === 'string' &&
    [v.median, v.min, v.max, v.count].every((n) => typeof n === 'number' && Number.isFinite(n))
  )
}

/** Opens a new private phase (facilitator); an emotions phase names its lane. */
export function startPhase(
  facilitation: Y.Doc,
  init: { id: string; kind: PhaseKind; laneId?: string; endsAt?: number },
  origin: unknown,
): void {
  if (init.kind === 'emotions' && !init.laneId) throw new Error('an emotions phase needs its lane')
  const map = getPhase(facilitation)
  facilitation.transact(() => {
    for (const key of [...map.keys()]) map.delete(key)
    map.set('id', init.id)
    map.set('kind', init.kind)
    map.set('state', 'open')
    if (init.laneId) map.set('laneId', init.laneId)
    if (init.endsAt !== undefined) map.set('endsAt', init.endsAt)
  }, origin)
}

export function revealPhase(facilitation: Y.Doc, origin: unknown): void {
  if (!readPhase(facilitation)) throw new Error('there is no private phase to reveal')
  facilitation.transact(() => getPhase(facilitation).set('state', 'revealed'), origin)
}

/** A note someone wrote during a private brainstorm (the content note's fields). */
export interface PrivateNote {
  id: NoteId
  stageId: StageId
  laneId: LaneId
  text: string
  color?: string
}

export function readPrivateNotes(privateDoc: Y.Doc): PrivateNote[] {
  const notes: PrivateNote[] = []
  for (const [id, map] of getPrivateNotes(privateDoc)) {
    if (!isId('note', id) || !(map instanceof Y.Map)) continue
    const stageId = map.get('stageId')
    const laneId = map.get('laneId')
    const text = map.get('text')
    const color = map.get('color')
    if (!isId('stage', stageId) || !isId('lane', laneId)) continue
    const body = text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : ''
    notes.push({ id, stageId, laneId, text: body, ...(typeof color === 'string' ? { color } : {}) })
  }
  return notes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Writes (or rewrites) one private note in this person's private document. */
export function setPrivateNote(privateDoc: Y.Doc, note: PrivateNote, origin: unknown): void {
  privateDoc.transact(() => {
    const map = new Y.Map<unknown>()
    map.set('stageId', note.stageId)
    map.set('laneId', note.laneId)
    map.set('text', note.text)
    if (note.color) map.set('color', note.color)
    getPrivateNotes(privateDoc).set(note.id, map)
  }, origin)
}

/**
 * The board note a revealed private note becomes: derived from its author and its private id, so two
 * servers revealing the same phase create the same note, and no author can aim at someone else's.
 */
export function revealedNoteId(participantId: string, privateId: NoteId): NoteId {
  return `note:${participantId}-${privateId.slice('note:'.length)}`.slice(0, 'note:'.length + 64) as NoteId
}

export const scoreKey = (phaseId: string, laneId: string, stageId: string): string =>
  `${phaseId}/${laneId}/${stageId}`

/** One person's scores on a phase's lane: stageId → −2…2. */
export function readPrivateScores(privateDoc: Y.Doc, phaseId: string, laneId: string): Map<string, number> {
  const prefix = `${phaseId}/${laneId}/`
  const scores = new Map<string, number>()
  for (const [key, value] of getPrivateScores(privateDoc)) {
    if (!key.startsWith(prefix)) continue
    if (typeof value !== 'number' || !Number.isInteger(value) || value < -2 || value > 2) continue
    scores.set(key.slice(prefix.length), value)
  }
  return scores
}

export function setPrivateScore(
  privateDoc: Y.Doc,
  key: { phaseId: string; laneId: string; stageId: string },
  score: number,
  origin: unknown,
): void {
  if (!Number.isInteger(score) || score < -2 || score > 2)
    throw new Error('a score is a whole number from −2 to 2')
  privateDoc.transact(
    () => getPrivateScores(privateDoc).set(scoreKey(key.phaseId, key.laneId, key.stageId), score),
    origin,
  )
}

/** Each stage's median (the mean of the middle two for an even count), min, max and count, by stage id. */
export function spreadByStage(ballots: Iterable<ReadonlyMap<string, number>>): StageSpread[] {
  const byStage = new Map<string, number[]>()
  for (const scores of ballots)
    for (const [stageId, score] of scores) byStage.set(stageId, [...(byStage.get(stageId) ?? []), score])
  return [...byStage]
    .map(([stageId, values]) => {
      const sorted = [...values].sort((a, b) => a - b)
      const mid = sorted.length >> 1
      const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
      return { stageId, median, min: sorted[0]!, max: sorted.at(-1)!, count: sorted.length }
    })
    .sort((a, b) => (a.stageId < b.stageId ? -1 : a.stageId > b.stageId ? 1 : 0))
}
