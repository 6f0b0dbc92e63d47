import * as Y from 'yjs'
import type { NoteKind } from '../../../shared/src/board/style'
import { getNotes } from '../../../shared/src/board/topLevel'
import { readPhase, scoreKey } from '../../../shared/src/facilitation/privatePhase'
import { getPrivateDots, getPrivateScores } from '../../../shared/src/facilitation/schema'
import { checkDots, type NoteScopeInfo, readVote } from '../../../shared/src/facilitation/vote'
import type { DocumentPolicies, UpdateToJudge } from '../permissions/documentPolicies'

// The private document's write rule for dots (issue 16): a dots update is judged against the vote in
// the board's facilitation document and the notes in its content document, as the person's whole dots
// map would be after it (checkDots). A refused update is not applied, stored or relayed. Private notes
// and scores may be written only while a private phase of their kind is open (scores: on that phase's
// lane, −2…2); deleting one's own is always allowed.

/** The loaded docs the judge reads; undefined when that document is not in memory on this instance. */
export interface BoardDocs {
  facilitation(boardId: string): Y.Doc | undefined
  content(boardId: string): Y.Doc | undefined
}

export const dotsUnjudgeableReason = 'the dots could not be checked: the update is incomplete'

function noteScope(content: Y.Doc | undefined, noteId: string): NoteScopeInfo | undefined {
  const note = content ? getNotes(content).get(noteId) : undefined
  if (!(note instanceof Y.Map)) return undefined
  const laneId = note.get('laneId')
  const kind = note.get('kind')
  if (typeof laneId !== 'string') return undefined
  return { laneId, kind: (typeof kind === 'string' ? kind : 'plain') as NoteKind }
}

export const noNotesPhaseReason = 'private notes are open only during a private brainstorm'
export const noEmotionsPhaseReason = 'private scores are open only during a private emotion rating'

/** The private document as it would be after the update: small, so judging a copy is cheap and exact. */
function docAfter(doc: Y.Doc, raw: Uint8Array): Y.Doc {
  const after = new Y.Doc({ gc: false })
  Y.applyUpdate(after, Y.encodeStateAsUpdate(doc))
  Y.applyUpdate(after, raw)
  return after
}

/** Private notes and scores: written only while their phase is open; scores on its lane, −2…2. */
export function judgePhaseWrites(
  update: UpdateToJudge,
  docs: BoardDocs,
  now: () => number,
): string | undefined {
  const { touched, doc, raw, boardId } = update
  const writes = (type: string) => touched.records.filter((r) => r.type === type && r.change !== 'deleted')
  const notes = writes('notes')
  const scores = writes('scores')
  if (notes.length === 0 && scores.length === 0) return undefined
  const facilitation = boardId === undefined ? undefined : docs.facilitation(boardId)
  const phase = facilitation ? readPhase(facilitation) : undefined
  const open = phase?.state === 'open' && (phase.endsAt === undefined || now() < phase.endsAt)
  if (notes.length > 0 && !(open && phase?.kind === 'notes')) return noNotesPhaseReason
  if (scores.length === 0) return undefined
  if (!(open && phase?.kind === 'emotions' && phase.laneId) || !raw) return noEmotionsPhaseReason
  const prefix = scoreKey(phase.id, phase.laneId, '')
  const after = docAfter(doc, raw)
  const map = getPrivateScores(after)
  const bad = scores.some(({ key }) => {
    const value = key === null ? undefined : map.get(key)
    if (key === null || !key.startsWith(prefix)) return true
    return (
      value !== undefined && !(Number.isInteger(value) && (value as number) >= -2 && (value as number) <= 2)
    )
  })
  after.destroy()
  return bad ? 'a score is a whole number from −2 to 2 on the rated lane' : undefined
}

export function judgeDots(update: UpdateToJudge, docs: BoardDocs, now: () => number): string | undefined {
  const { touched, doc, raw } = update
  if (!touched.records.some((r) => r.type === 'dots') && touched.unresolved === 0) return undefined
  if (!raw || touched.unresolved > 0) return touched.unresolved > 0 ? dotsUnjudgeableReason : undefined
  const after = docAfter(doc, raw)
  const entries = [...getPrivateDots(after).entries()]
  after.destroy()
  // Removing every dot is always allowed (taking your dots back, or clearing an old vote's).
  if (entries.length === 0) return undefined
  const { boardId } = update
  if (boardId === undefined) return 'no vote is open'
  const facilitation = docs.facilitation(boardId)
  const content = docs.content(boardId)
  return checkDots(entries, facilitation ? readVote(facilitation) : undefined, now(), (id) =>
    noteScope(content, id),
  )
}

/** The policies with the dots rule added to the private document's. */
export function withDotsRule(
  policies: DocumentPolicies,
  docs: BoardDocs,
  now: () => number,
): DocumentPolicies {
  const inner = policies.private.judgeUpdate
  return {
    ...policies,
    private: {
      ...policies.private,
      judgeUpdate: (update) =>
        inner?.(update) ?? judgeDots(update, docs, now) ?? judgePhaseWrites(update, docs, now),
    },
  }
}
