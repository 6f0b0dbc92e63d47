/*
 * Ids carry their kind (`note:…`), so a stage id can never be passed where a note id belongs, and a
 * reader can tell from a key alone which kind of record it names. A new record type (the anatomy
 * issue's connector, persona, tag) adds its kind here, with its template literal type below.
 */

/** The kinds of record that have ids: the prefix before the colon. */
export type IdKind = 'note' | 'stage' | 'lane'
export type NoteId = `note:${string}`
export type StageId = `stage:${string}`
export type LaneId = `lane:${string}`
export type IdOf<K extends IdKind> = `${K}:${string}`
/** The id of any record on the board, e.g. what a selection may hold. */
export type RecordId = IdOf<IdKind>

const ID_BODY = /^[A-Za-z0-9_-]{1,64}$/

/** 96 random bits: unique among every note ever made on a board without coordination. */
export function newId<K extends IdKind>(kind: K): IdOf<K> {
  const bytes = new Uint8Array(12)
  globalThis.crypto.getRandomValues(bytes)
  let body = ''
  for (const byte of bytes) body += byte.toString(36).padStart(2, '0')
  return `${kind}:${body}`
}

export function isId<K extends IdKind>(kind: K, value: unknown): value is IdOf<K> {
  if (typeof value !== 'string' || !value.startsWith(`${kind}:`)) return false
  return ID_BODY.test(value.slice(kind.length + 1))
}
