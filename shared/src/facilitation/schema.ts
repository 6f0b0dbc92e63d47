/*
 * The facilitation document (issue 16): one per board, room `<boardId>/facilitation`, written only by
 * facilitator connections (and by the server itself, for what it computes: vote tallies, reveals) and
 * read by everyone (server/src/permissions/documentPolicies.ts). It holds the workshop's state, never
 * the map's content; and never anything one person keeps to themselves (their dots, their private notes
 * and scores live in their private document, below). This module is the only one that names its
 * top-level types. Values are plain (JSON-like) so a hostile or newer writer's garbage is read as
 * "nothing" by each reader (timer.ts, locks.ts, vote.ts, privatePhase.ts, agenda.ts, spotlight.ts).
 *
 *   timer      Y.Map   state: 'idle'|'running'|'paused', durationMs, endsAt (server ms, running),
 *                      remainingMs (paused)                                         timer.ts
 *   locks      Y.Map   'structure' → true (stages, lanes), 'board' → true (all content),
 *                      `note:<id>` → true (one note)                                 locks.ts
 *   spotlight  Y.Map   stageId → the stage everyone's view dims around, or absent      spotlight.ts
 *   summon     Y.Map   at (nonce), view {x,y,w,h}, by (name), byUser (presence id whom
 *                      followers track), follow: boolean                             summon.ts
 *   agenda     Y.Array of Y.Map steps { id, title, done, tool? }, and
 *   agendaMeta Y.Map   currentStepId                                                 agenda.ts
 *   vote       Y.Map   the current or last vote: id, state 'open'|'closed'|'revealed', rules
 *                      (dotsPerPerson, maxPerNote, laneIds?, noteKinds?, anonymous, endsAt?),
 *                      voters (count, server-written), results (server-written on reveal)  vote.ts
 *   phase      Y.Map   the private phase: id, kind 'notes'|'emotions', state 'open'|'revealed',
 *                      endsAt?, laneId (emotions), revealed results (server-written)     privatePhase.ts
 *
 * A participant's private document (room `<boardId>/private/<participantId>`, only they read and write
 * it) holds what is theirs until a reveal:
 *
 *   dots       Y.Map   `<voteId>/<noteId>` → whole count ≥ 1                         vote.ts
 *   notes      Y.Map   note:<id> → Y.Map (the content note's fields: stage, lane, text, color)
 *   scores     Y.Map   `<phaseId>/<laneId>/<stageId>` → integer −2…2                   privatePhase.ts
 */
import type * as Y from 'yjs'

/** A facilitation or private document's plain-valued record map. */
export type PlainMap = Y.Map<unknown>

export const facilitationRoom = (boardId: string): string => `${boardId}/facilitation`
export const privateRoom = (boardId: string, participantId: string): string =>
  `${boardId}/private/${participantId}`

export const getTimer = (doc: Y.Doc): PlainMap => doc.getMap('timer')
export const getLocks = (doc: Y.Doc): PlainMap => doc.getMap('locks')
export const getSpotlight = (doc: Y.Doc): PlainMap => doc.getMap('spotlight')
export const getSummon = (doc: Y.Doc): PlainMap => doc.getMap('summon')
export const getAgenda = (doc: Y.Doc): Y.Array<PlainMap> => doc.getArray('agenda')
export const getAgendaMeta = (doc: Y.Doc): PlainMap => doc.getMap('agendaMeta')
export const getVote = (doc: Y.Doc): PlainMap => doc.getMap('vote')
export const getPhase = (doc: Y.Doc): PlainMap => doc.getMap('phase')

/** In a participant's private document. */
export const getPrivateDots = (doc: Y.Doc): PlainMap => doc.getMap('dots')
export const getPrivateNotes = (doc: Y.Doc): Y.Map<PlainMap> => doc.getMap('notes')
export const getPrivateScores = (doc: Y.Doc): PlainMap => doc.getMap('scores')

/** The origin of what the server writes into a document (tallies, reveals), so observers can tell. */
export const serverOrigin = 'journeyboard-server'
