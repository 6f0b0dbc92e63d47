/*
 * Dot voting (issue 16), "hidden means hidden": the vote's rules and state live in the facilitation
 * document's `vote` map (facilitators write them; the server writes `voters` and `results`), and each
 * person's dots live in their own private document (`dots`: `<voteId>/<noteId>` → count), which only
 * they and the server read. So until the reveal no other client holds anyone's dots; the server checks
 * each dots update against the rules (checkDots) and tallies (tally).
 *
 * Pure functions over plain values and Y.Maps; a hostile or newer writer's garbage reads as "no vote".
 */
import type * as Y from 'yjs'
import { NOTE_KINDS, type NoteKind } from '../board/style'
import { getPrivateDots, getVote } from './schema'

export type VoteState = 'open' | 'closed' | 'revealed'

export interface VoteRules {
  /** How many dots each person may place in all. */
  dotsPerPerson: number
  /** How many of one person's dots one note may hold. */
  maxPerNote: number
  /** Only notes in these lanes take dots; absent: every lane. */
  laneIds?: readonly string[]
  /** Only notes of these kinds take dots; absent: every kind. */
  noteKinds?: readonly NoteKind[]
  /** Results name no one. */
  anonymous: boolean
  /** Server epoch ms after which no dot is accepted; absent: until the facilitator closes it. */
  endsAt?: number
}

export interface VoteResult {
  noteId: string
  count: number
  /** Participant ids of who put dots on it (not on an anonymous vote), sorted. */
  voters?: string[]
}

export interface Vote {
  id: string
  state: VoteState
  rules: VoteRules
  /** How many people have placed at least one dot (server-written while open). */
  voters: number
  /** Per note with at least one dot, most dots first (server-written on reveal). */
  results: VoteResult[] | undefined
}

export const MAX_DOTS_PER_PERSON = 50
const states: readonly VoteState[] = ['open', 'closed', 'revealed']

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

const stringList = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string') ? value : undefined

/** The rules as a facilitator asked for them, or a reason they cannot run. */
export function validateRules(rules: VoteRules): string | undefined {
  if (!isWhole(rules.dotsPerPerson, 1, MAX_DOTS_PER_PERSON))
    return `dots per person must be a whole number from 1 to ${MAX_DOTS_PER_PERSON}`
  if (!isWhole(rules.maxPerNote, 1, rules.dotsPerPerson))
    return 'dots per note must be a whole number from 1 to the dots per person'
  if (rules.noteKinds?.some((k) => !NOTE_KINDS.includes(k))) return 'unknown note kind'
  return undefined
}

function readResults(value: unknown): VoteResult[] | undefined {
  if (!Array.isArray(value)) return undefined
  const results: VoteResult[] = []
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) continue
    const { noteId, count, voters } = entry as Record<string, unknown>
    if (typeof noteId !== 'string' || !isWhole(count, 1, Number.MAX_SAFE_INTEGER)) continue
    const names = stringList(voters)
    results.push(names ? { noteId, count, voters: names } : { noteId, count })
  }
  return results
}

/** The current or last vote, or undefined when there is none (or it is unreadable). */
export function readVote(facilitation: Y.Doc): Vote | undefined {
  const map = getVote(facilitation)
  const id = map.get('id')
  const state = map.get('state')
  const dotsPerPerson = map.get('dotsPerPerson')
  const maxPerNote = map.get('maxPerNote')
  if (typeof id !== 'string' || id === '' || !states.includes(state as VoteState)) return undefined
  if (!isWhole(dotsPerPerson, 1, MAX_DOTS_PER_PERSON) || !isWhole(maxPerNote, 1, dotsPerPerson))
    return undefined
  const rules: VoteRules = { dotsPerPerson, maxPerNote, anonymous: map.get('anonymous') === true }
  const laneIds = stringList(map.get('laneIds'))
  if (laneIds) rules.laneIds = laneIds
  const kinds = stringList(map.get('noteKinds'))?.filter((k): k is NoteKind =>
    NOTE_KINDS.includes(k as NoteKind),
  )
  if (kinds && kinds.length > 0) rules.noteKinds = kinds
  const endsAt = map.get('endsAt')
  if (typeof endsAt === 'number' && Number.isFinite(endsAt)) rules.endsAt = endsAt
  const voters = map.get('voters')
  return {
    id,
    state: state as VoteState,
    rules,
    voters: isWhole(voters, 0, Number.MAX_SAFE_INTEGER) ? voters : 0,
    results: readResults(map.get('results')),
  }
}

/** Starts a new vote (facilitator): the old one's state, voters and results go in the same transaction. */
export function startVote(facilitation: Y.Doc, id: string, rules: VoteRules, origin: unknown): void {
  const problem = validateRules(rules)
  if (problem) throw new Error(problem)
  const map = getVote(facilitation)
  facilitation.transact(() => {
    for (const key of [...map.keys()]) map.delete(key)
    map.set('id', id)
    map.set('state', 'open')
    map.set('dotsPerPerson', rules.dotsPerPerson)
    map.set('maxPerNote', rules.maxPerNote)
    map.set('anonymous', rules.anonymous)
    if (rules.laneIds && rules.laneIds.length > 0) map.set('laneIds', [...rules.laneIds])
    if (rules.noteKinds && rules.noteKinds.length > 0) map.set('noteKinds', [...rules.noteKinds])
    if (rules.endsAt !== undefined) map.set('endsAt', rules.endsAt)
    map.set('voters', 0)
  }, origin)
}

/** Closes (no more dots) or reveals (the server then writes the results) the current vote. */
export function setVoteState(facilitation: Y.Doc, state: 'closed' | 'revealed', origin: unknown): void {
  if (!readVote(facilitation))
    throw new Error(`there is no vote to ${state === 'closed' ? 'close' : 'reveal'}`)
  facilitation.transact(() => getVote(facilitation).set('state', state), origin)
}

/** Whether a dot may be placed now: open and not past its time. */
export const acceptsDots = (vote: Vote | undefined, now: number): boolean =>
  vote !== undefined && vote.state === 'open' && (vote.rules.endsAt === undefined || now < vote.rules.endsAt)

export const dotKey = (voteId: string, noteId: string): string => `${voteId}/${noteId}`

/** One person's dots on one vote: noteId → count (only whole counts ≥ 1). */
export function readDots(privateDoc: Y.Doc, voteId: string): Map<string, number> {
  const prefix = `${voteId}/`
  const dots = new Map<string, number>()
  for (const [key, value] of getPrivateDots(privateDoc)) {
    if (!key.startsWith(prefix) || !isWhole(value, 1, MAX_DOTS_PER_PERSON)) continue
    dots.set(key.slice(prefix.length), value)
  }
  return dots
}

export const dotsUsed = (dots: ReadonlyMap<string, number>): number => {
  let sum = 0
  for (const count of dots.values()) sum += count
  return sum
}

/** Sets this person's dots on one note (0 removes them), in their private document. */
export function setDots(
  privateDoc: Y.Doc,
  voteId: string,
  noteId: string,
  count: number,
  origin: unknown,
): void {
  const map = getPrivateDots(privateDoc)
  privateDoc.transact(() => {
    if (count <= 0) map.delete(dotKey(voteId, noteId))
    else map.set(dotKey(voteId, noteId), count)
  }, origin)
}

/** What the server knows of a note, to judge the scope: undefined when the board has no such note. */
export interface NoteScopeInfo {
  laneId: string
  kind: NoteKind
}

export const noteInScope = (rules: VoteRules, note: NoteScopeInfo): boolean =>
  (!rules.laneIds || rules.laneIds.includes(note.laneId)) &&
  (!rules.noteKinds || rules.noteKinds.includes(note.kind))

/**
 * Judges a person's whole `dots` map as it would be after an update: every entry must belong to the
 * current vote, be a whole count from 1 to maxPerNote, sit on a note of the board in scope, and all
 * together stay within the budget; and the vote must take dots now. A reason, or undefined when fine.
 * `entries` are the raw map entries (key → value), so garbage is refused, not ignored.
 */
export function checkDots(
  entries: Iterable<[string, unknown]>,
  vote: Vote | undefined,
  now: number,
  noteOf: (noteId: string) => NoteScopeInfo | undefined,
): string | undefined {
  if (!vote) return 'no vote is open'
  if (vote.state !== 'open') return 'the vote is closed'
  if (!acceptsDots(vote, now)) return 'the vote has ended'
  const prefix = `${vote.id}/`
  let total = 0
  for (const [key, value] of entries) {
    if (!key.startsWith(prefix)) return 'a dot of another vote'
    if (!isWhole(value, 1, vote.rules.maxPerNote)) return `at most ${vote.rules.maxPerNote} dots per note`
    const note = noteOf(key.slice(prefix.length))
    if (!note) return 'a dot on a note the board does not have'
    if (!noteInScope(vote.rules, note)) return 'a dot on a note outside the vote'
    total += value
  }
  if (total > vote.rules.dotsPerPerson) return `at most ${vote.rules.dotsPerPerson} dots per person`
  return undefined
}

/** One person's dots, as the server reads them from their private document. */
export interface Ballot {
  participantId: string
  dots: ReadonlyMap<string, number>
}

export interface Tally {
  /** People with at least one dot. */
  voters: number
  results: VoteResult[]
}

/**
 * Adds up the ballots: the same ballots always give the same value (notes by count, then id; voters
 * sorted), so two servers that both tally a reveal write equal values and converge.
 */
export function tally(ballots: Iterable<Ballot>, anonymous: boolean): Tally {
  const counts = new Map<string, { count: number; voters: Set<string> }>()
  let voters = 0
  for (const { participantId, dots } of ballots) {
    if (dotsUsed(dots) === 0) continue
    voters++
    for (const [noteId, count] of dots) {
      const entry = counts.get(noteId) ?? { count: 0, voters: new Set<string>() }
      entry.count += count
      entry.voters.add(participantId)
      counts.set(noteId, entry)
    }
  }
  const results = [...counts]
    .map(([noteId, { count, voters: who }]) =>
      anonymous ? { noteId, count } : { noteId, count, voters: [...who].sort() },
    )
    .sort((a, b) => b.count - a.count || (a.noteId < b.noteId ? -1 : a.noteId > b.noteId ? 1 : 0))
  return { voters, results }
}

/** Each note's dot count from results (for the scene, CSV and PDF). */
export function dotCounts(results: readonly VoteResult[] | undefined): Map<string, number> {
  return new Map((results ?? []).map((r) => [r.noteId, r.count]))
}
