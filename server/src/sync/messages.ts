import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'

// The y-websocket messages the server builds. Parsing what clients send is protocol.ts; sending is
// send.ts. Kept apart from both so that the room, the sync replies and the protocol can all build
// messages without importing each other.

export const messageSync = 0
export const messageAwareness = 1
export const messageAuth = 2
export const messageQueryAwareness = 3

const encodeMessage = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (doc: Y.Doc) =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, messageSync)
    syncProtocol.writeSyncStep1(e, doc)
  })

/** Sync step 2 carrying `update`; the stock client counts itself synced when the first one arrives. */
export const encodeSyncStep2 = (update: Uint8Array) =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, messageSync)
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(e, update)
  })

export const encodeUpdateMessage = (update: Uint8Array) =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, messageSync)
    syncProtocol.writeUpdate(e, update)
  })

export const encodeAwarenessMessage = (awareness: awarenessProtocol.Awareness, clients: number[]) =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, messageAwareness)
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  })

/** y-protocols' permission-denied auth message: the stock client logs `reason` and stays connected. */
export const encodePermissionDenied = (reason: string) =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, messageAuth)
    authProtocol.writePermissionDenied(e, reason)
  })
