import { createHash } from 'node:crypto'

// A participant is a person on a board, stable across reconnects and reloads, for what belongs to one
// person (a private document, and later votes). The browser makes a random secret once and sends it
// with every connection (`participant=<secret>` on the socket, the `X-Participant-Secret` header on
// HTTP); the server derives the participant id from it and never stores or logs the secret. Another
// connection can claim the id only by knowing the secret: the id is a hash, so seeing it (in a private
// document's path, in a vote) does not reveal the secret. The id is per board (the board id is hashed
// in), so one browser's ids on two boards cannot be linked.
//
// A secret is base64url of at least 16 random bytes (22–128 characters; clients make 32 bytes, 43
// characters). No secret: no participant. A secret of any other shape is refused (400), rather than
// quietly treated as none, so a client bug shows.

export const participantParam = 'participant'
export const participantHeader = 'x-participant-secret'

const secretPattern = /^[A-Za-z0-9_-]{22,128}$/
const idPattern = /^[A-Za-z0-9_-]{22}$/
/** 22 base64url characters: 132 bits of the hash. */
const idLength = 22

export const isParticipantSecret = (value: string) => secretPattern.test(value)
export const isParticipantId = (value: string) => idPattern.test(value)

/** The participant id a secret proves on a board. Only call with a secret that passed isParticipantSecret. */
export function participantId(boardId: string, secret: string): string {
  return createHash('sha256')
    .update(`journeyboard participant\u0000${boardId}\u0000${secret}`)
    .digest('base64url')
    .slice(0, idLength)
}
