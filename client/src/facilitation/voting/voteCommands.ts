/*
 * The vote's writes from this browser, in one place like the board's commands registry: a facilitator
 * starts, closes and reveals the vote in the facilitation document; anyone with a private document
 * places and takes back their own dots there. The server checks every dot (budget, per-note max, scope,
 * time) and refuses what breaks the rules, so these checks only spare a refused round trip.
 */
import {
  acceptsDots,
  dotsUsed,
  setDots,
  setVoteState,
  startVote,
  type Vote,
  type VoteRules,
} from '../../../../shared/src/facilitation/vote'
import type { FacilitationSession } from '../useFacilitationDoc'

const origin = 'journeyboard-vote'

export function startNewVote(session: FacilitationSession, rules: VoteRules): void {
  if (!session.isFacilitator) throw new Error('only a facilitator starts a vote')
  startVote(session.facilitation.doc, `vote-${Date.now().toString(36)}`, rules, origin)
}

export function changeVoteState(session: FacilitationSession, state: 'closed' | 'revealed'): void {
  if (!session.isFacilitator) throw new Error('only a facilitator closes or reveals a vote')
  setVoteState(session.facilitation.doc, state, origin)
}

/** Adds (+1) or takes back (−1) one of this person's dots on a note; false when the rules forbid it. */
export function changeDot(
  session: FacilitationSession,
  vote: Vote,
  dots: ReadonlyMap<string, number>,
  noteId: string,
  delta: 1 | -1,
): boolean {
  const own = session.private
  if (!own || !acceptsDots(vote, Date.now())) return false
  const current = dots.get(noteId) ?? 0
  const next = current + delta
  if (next < 0 || next > vote.rules.maxPerNote) return false
  if (delta > 0 && dotsUsed(dots) >= vote.rules.dotsPerPerson) return false
  setDots(own.doc, vote.id, noteId, next, origin)
  return true
}
