/*
 * A board's second and third documents (shared/src/facilitation/schema.ts): the facilitation state and
 * this participant's private document, each its own room on the same socket path scheme, synced by the
 * stock y-websocket provider. Both carry the board token and the participant secret; the server decides
 * what this connection may read and write. Not kept offline: the facilitation state is the server's
 * (a stale timer or vote would mislead) and private notes are stored by the server the moment they sync.
 */
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { facilitationRoom, privateRoom } from '../../../shared/src/facilitation/schema'
import { wsUrl } from '../doc/connectBoard'

export interface ScopedDoc {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy: () => void
}

function connect(room: string, token: string, secret: string): ScopedDoc {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl(), room, doc, {
    params: { token, participant: secret },
    disableBc: true,
  })
  // Presence lives on the content document only; an empty awareness here would still be relayed.
  provider.awareness.setLocalState(null)
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

export const connectFacilitation = (boardId: string, token: string, secret: string): ScopedDoc =>
  connect(facilitationRoom(boardId), token, secret)

export const connectPrivate = (
  boardId: string,
  participantId: string,
  token: string,
  secret: string,
): ScopedDoc => connect(privateRoom(boardId, participantId), token, secret)
