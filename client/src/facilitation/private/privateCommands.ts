/*
 * A private phase's writes from this browser: a facilitator opens and reveals it in the facilitation
 * document; each person writes their own notes and scores into their private document. The server does
 * the reveal itself (server/src/facilitation/phaseReveal.ts).
 */
import { newId } from '../../../../shared/src/board/ids'
import {
  type PhaseKind,
  type PrivateNote,
  revealPhase,
  setPrivateNote,
  setPrivateScore,
  startPhase,
} from '../../../../shared/src/facilitation/privatePhase'
import type { FacilitationSession } from '../useFacilitationDoc'

const origin = 'journeyboard-private-phase'

export function openPhase(session: FacilitationSession, kind: PhaseKind, laneId?: string): void {
  if (!session.isFacilitator) throw new Error('only a facilitator opens a private phase')
  startPhase(
    session.facilitation.doc,
    { id: `phase-${Date.now().toString(36)}`, kind, ...(laneId ? { laneId } : {}) },
    origin,
  )
}

export function revealOpenPhase(session: FacilitationSession): void {
  if (!session.isFacilitator) throw new Error('only a facilitator reveals a private phase')
  revealPhase(session.facilitation.doc, origin)
}

export function addPrivateNote(session: FacilitationSession, note: Omit<PrivateNote, 'id'>): boolean {
  if (!session.private) return false
  setPrivateNote(session.private.doc, { ...note, id: newId('note') }, origin)
  return true
}

export function scoreStage(
  session: FacilitationSession,
  key: { phaseId: string; laneId: string; stageId: string },
  score: number,
): boolean {
  if (!session.private) return false
  setPrivateScore(session.private.doc, key, score, origin)
  return true
}
