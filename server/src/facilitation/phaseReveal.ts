import type * as Y from 'yjs'
import { createNote } from '../../../shared/src/board/schema'
import type { NoteColor } from '../../../shared/src/board/style'
import { getNotes } from '../../../shared/src/board/topLevel'
import {
  readPhase,
  readPrivateNotes,
  readPrivateScores,
  revealedNoteId,
  spreadByStage,
} from '../../../shared/src/facilitation/privatePhase'
import { getPhase, getPrivateNotes } from '../../../shared/src/facilitation/schema'
import type { BoardDocument } from '../permissions/documents'
import type { Room } from '../sync/room'
import type { Rooms } from '../sync/rooms'
import { samePlain, writeAsServer } from './serverWrite'

// The reveal of a private phase (issue 16), run by the server once the facilitator sets the phase
// 'revealed'. A private brainstorm: every private note becomes a board note in ONE server transaction on
// the content document (so all appear at once), under an id derived from its author and its private id
// (a second reveal, by this instance or another, creates nothing new), and then the private copies that
// were copied are deleted. An emotions phase: each stage's median and spread of everyone's scores go
// into the facilitation document's `phase.results`, written only when they change.

export interface PrivateDoc {
  participantId: string
  document: BoardDocument
  doc: Y.Doc
  /** Set when the doc was read from the store for this run (destroyed after it). */
  temporary?: Y.Doc
}

const contentDocument: BoardDocument = { name: 'content', kind: 'content' }

export async function revealPhaseIfDue(options: {
  rooms: Rooms
  boardId: string
  facilitation: Room
  docs: readonly PrivateDoc[]
}): Promise<void> {
  const { rooms, boardId, facilitation, docs } = options
  const phase = readPhase(facilitation.doc)
  if (phase?.state !== 'revealed') return
  if (phase.kind === 'emotions') {
    const laneId = phase.laneId
    if (!laneId) return
    const results = spreadByStage(docs.map(({ doc }) => readPrivateScores(doc, phase.id, laneId)))
    writeAsServer(facilitation, (doc) => {
      const map = getPhase(doc)
      if (map.get('id') === phase.id && !samePlain(map.get('results'), results)) map.set('results', results)
    })
    return
  }
  const authored = docs
    .map((d) => ({ ...d, notes: readPrivateNotes(d.doc) }))
    .filter((d) => d.notes.length > 0)
  if (authored.length === 0) return
  const opened = await rooms.open(boardId, contentDocument)
  if (!opened.ok) return
  const written = writeAsServer(opened.room, (doc) => {
    const notes = getNotes(doc)
    for (const { participantId, notes: mine } of authored) {
      for (const note of mine) {
        const id = revealedNoteId(participantId, note.id)
        if (notes.has(id)) continue
        createNote(doc, {
          id,
          stageId: note.stageId,
          laneId: note.laneId,
          text: note.text,
          ...(note.color ? { color: note.color as NoteColor } : {}),
        })
      }
    }
  })
  if (!written) return
  // Now stored on the board (the content room stores before it relays): clear the private copies.
  for (const { document, notes: mine } of authored) {
    const own = await rooms.open(boardId, document)
    if (!own.ok) continue
    writeAsServer(own.room, (doc) => {
      for (const note of mine) getPrivateNotes(doc).delete(note.id)
    })
  }
}
