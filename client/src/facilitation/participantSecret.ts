/*
 * This browser's participant secret (server/src/permissions/participant.ts): 32 random bytes made once
 * and kept in localStorage, sent with every socket (`participant=`) and API call (X-Participant-Secret)
 * so the server maps this browser to one participant per board, across reloads, that no other
 * connection can claim. Unlike the presence id (identity.ts) it is never shown or sent to other clients.
 */
import type { KeyValueStorage } from '../presence/identity'

export const PARTICIPANT_SECRET_KEY = 'journeyboard.participant.secret'
const secretPattern = /^[A-Za-z0-9_-]{22,128}$/

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The stored secret, or a new one stored now (a damaged stored value is replaced). */
export function participantSecret(storage: KeyValueStorage = localStorage): string {
  const stored = storage.getItem(PARTICIPANT_SECRET_KEY)
  if (stored && secretPattern.test(stored)) return stored
  const secret = base64url(crypto.getRandomValues(new Uint8Array(32)))
  storage.setItem(PARTICIPANT_SECRET_KEY, secret)
  return secret
}
