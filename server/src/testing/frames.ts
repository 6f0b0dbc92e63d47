import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { messageAuth, messageAwareness, messageSync } from '../sync/messages'

/** Hand-built y-websocket frames for tests that play a misbehaving (or exact) client. */

export const frame = (...parts: ((e: encoding.Encoder) => void)[]) => {
  const e = encoding.createEncoder()
  for (const part of parts) part(e)
  return encoding.toUint8Array(e)
}
export const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n)
export const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b)
export const raw = (b: Uint8Array | number[]) => (e: encoding.Encoder) =>
  encoding.writeUint8Array(e, new Uint8Array(b))

export const updateFrame = (update: Uint8Array) =>
  frame(uint(messageSync), uint(syncProtocol.messageYjsUpdate), bytes(update))

export const syncStep1Frame = (stateVector: Uint8Array = Y.encodeStateVector(new Y.Doc())) =>
  frame(uint(messageSync), uint(syncProtocol.messageYjsSyncStep1), bytes(stateVector))

/** An awareness message with the given entries (state `null` removes an entry). */
export function awarenessFrame(entries: { clientID: number; clock: number; state: unknown }[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const { clientID, clock, state } of entries) {
    encoding.writeVarUint(e, clientID)
    encoding.writeVarUint(e, clock)
    encoding.writeVarString(e, JSON.stringify(state))
  }
  return frame(uint(messageAwareness), bytes(encoding.toUint8Array(e)))
}

/** A small, valid Yjs update from a fresh client. */
export function smallUpdate(key = 'key', value: unknown = 'value'): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

/** Two participants' browser secrets, for tests that need people with private documents. */
export const aliceSecret = 'YWxpY2UncyBicm93c2VyIHNlY3JldCwgMzIgYnl0ZXM'
export const bobSecret = 'Ym9iJ3MgYnJvd3NlciBzZWNyZXQsIDMyIGJ5dGVzISE'

/** The reasons of the permission-denied (auth) messages among those a socket received. */
export const deniedReasons = (messages: Uint8Array[]): string[] =>
  messages
    .filter((m) => m[0] === messageAuth)
    .map((m) => {
      const decoder = decoding.createDecoder(m)
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      return decoding.readVarString(decoder)
    })
