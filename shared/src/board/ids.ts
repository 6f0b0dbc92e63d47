/*
 * Ids carry their kind (`note:…`), so a stage id can never be passed where a note id belongs, and a
 * reader can tell from a key alone which kind of record it names. A new record type adds its kind
 * here, with its template literal type below.
 */

/** The kinds of record that have ids: the prefix before the colon. */
export type IdKind = 'note' | 'stage' | 'lane' | 'persona' | 'tag' | 'connector' | 'chip'
export type NoteId = `note:${string}`
export type StageId = `stage:${string}`
export type LaneId = `lane:${string}`
export type PersonaId = `persona:${string}`
export type TagId = `tag:${string}`
export type ConnectorId = `connector:${string}`
export type ChipId = `chip:${string}`
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

/** The persona every board has (the migration and templates create it; readers synthesize it if absent). */
export const DEFAULT_PERSONA_ID: PersonaId = 'persona:default'

/** The tags every board starts with: fixed ids, so two peers migrating at once write the same keys. */
export const DEFAULT_TAG_IDS = [
  'tag:marketing',
  'tag:sales',
  'tag:support',
  'tag:product',
  'tag:operations',
] as const satisfies readonly TagId[]

/**
 * The parking lot's pseudo-cell: a parked note stores these as its stageId/laneId (plus parkX/parkY).
 * Never real records (newId never makes them); a v1 client, which knows no parking lot, shows such a
 * note in its "Unsorted" row instead of losing it.
 */
export const PARKING_STAGE_ID: StageId = 'stage:parking-lot'
export const PARKING_LANE_ID: LaneId = 'lane:parking-lot'
