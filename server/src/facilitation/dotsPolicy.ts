import * as Y from 'yjs'
import type { NoteKind } from '../../../shared/src/board/style'
import { getNotes } from '../../../shared/src/board/topLevel'
import { getPrivateDots } from '../../../shared/src/facilitation/schema'
import { checkDots, type NoteScopeInfo, readVote } from '../../../shared/src/facilitation/vote'
import type { DocumentPolicies, UpdateToJudge } from '../permissions/documentPolicies'

// The private document's write rule for dots (issue 16): a dots update is judged against the vote in
// the board's facilitation document and the notes in its content document, as the person's whole dots
// map would be after it (checkDots). A refused update is not applied, stored or relayed. Nothing else
// in a private document is judged here (its notes and scores are the person's own until a reveal).

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

export function judgeDots(update: UpdateToJudge, docs: BoardDocs, now: () => number): string | undefined {
  const { touched, doc, raw } = update
  if (!touched.records.some((r) => r.type === 'dots') && touched.unresolved === 0) return undefined
  if (!raw || touched.unresolved > 0) return touched.unresolved > 0 ? dotsUnjudgeableReason : undefined
  // The dots as they would be: a private document is small, so judging a copy is cheap and exact.
  const after = new Y.Doc({ gc: false })
  Y.applyUpdate(after, Y.encodeStateAsUpdate(doc))
  Y.applyUpdate(after, raw)
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
      judgeUpdate: (update) => inner?.(update) ?? judgeDots(update, docs, now),
    },
  }
}
