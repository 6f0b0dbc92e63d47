import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { RejectReason } from '../metrics'

/*
 * Who may say what about presence. The reference server applies any awareness update from anyone, so
 * one client can overwrite or remove another's cursor, and a 20,000-entry frame is re-broadcast to
 * everyone. Here an awareness clientID belongs to the first socket that announced it on the board,
 * until that socket closes; entries from other sockets for it are dropped. A socket may own at most
 * `maxAwarenessEntries` ids, a message carries at most that many entries, and a state is at most
 * `maxAwarenessStateBytes` of JSON. Only the entries that pass are applied and relayed.
 *
 * The stock y-websocket client echoes every awareness change it receives back to the server, so most
 * entries a socket sends are other people's states with a clock the server already has. Yjs ignores
 * those; so does this filter, silently (no claim, no log, not counted against the caps). Only entries
 * that would change something are policed.
 *
 * Messages are parsed in full first (including each state's JSON), so a malformed one is refused as a
 * whole (4400) before anything is applied.
 */

export interface AwarenessEntry {
  clientID: number
  clock: number
  /** The state as sent: UTF-8 JSON (`null` removes the entry). Kept as bytes to relay it unchanged. */
  stateJson: Uint8Array
  isRemoval: boolean
}

/** The part of y-protocols' Awareness the filter reads. */
export interface AwarenessView {
  meta: Map<number, { clock: number }>
  states: Map<number, unknown>
}

export interface AwarenessLimits {
  maxAwarenessEntries: number
  maxAwarenessStateBytes: number
}

/** Parses an awareness update; throws on truncated data, trailing bytes or a state that is not JSON. */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const stateJson = decoding.readVarUint8Array(decoder)
    const state: unknown = JSON.parse(utf8.decode(stateJson))
    entries.push({ clientID, clock, stateJson, isRemoval: state === null })
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness entries')
  return entries
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientID, clock, stateJson } of entries) {
    encoding.writeVarUint(encoder, clientID)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarUint8Array(encoder, stateJson)
  }
  return encoding.toUint8Array(encoder)
}

export interface FilteredAwareness<Owner> {
  /** Entries the owner may apply; the ids new to it are claimed in `owners` and `ownedIds`. */
  kept: AwarenessEntry[]
  dropped: { reason: RejectReason; clientID: number }[]
  owner: Owner
}

/** Whether y-protocols' applyAwarenessUpdate would change anything for this entry (same rule). */
function wouldApply(entry: AwarenessEntry, awareness: AwarenessView): boolean {
  const clock = awareness.meta.get(entry.clientID)?.clock ?? 0
  return (
    clock < entry.clock || (clock === entry.clock && entry.isRemoval && awareness.states.has(entry.clientID))
  )
}

/**
 * Keeps the entries `owner` may apply and claims their new ids for it. `owners` maps every claimed
 * clientID on the board to its socket; `ownedIds` is the socket's own set; `reservedId` (the server's
 * own awareness id) is never claimable. A removal never claims an id.
 */
export function filterAwareness<Owner>(
  entries: readonly AwarenessEntry[],
  owner: Owner,
  ownedIds: Set<number>,
  owners: Map<number, Owner>,
  awareness: AwarenessView,
  limits: AwarenessLimits,
  reservedId: number,
): FilteredAwareness<Owner> {
  const kept: AwarenessEntry[] = []
  const dropped: FilteredAwareness<Owner>['dropped'] = []
  for (const entry of entries) {
    const { clientID } = entry
    if (!wouldApply(entry, awareness)) continue // an echo or a stale state: a no-op for Yjs too
    const current = owners.get(clientID)
    if (kept.length >= limits.maxAwarenessEntries) {
      dropped.push({ reason: 'awareness-too-many-entries', clientID })
    } else if (entry.stateJson.byteLength > limits.maxAwarenessStateBytes) {
      dropped.push({ reason: 'awareness-state-too-large', clientID })
    } else if (
      clientID === reservedId ||
      (current !== undefined && current !== owner) ||
      (current === undefined && entry.isRemoval)
    ) {
      dropped.push({ reason: 'awareness-foreign-client', clientID })
    } else if (current === undefined && ownedIds.size >= limits.maxAwarenessEntries) {
      dropped.push({ reason: 'awareness-too-many-entries', clientID })
    } else {
      if (current === undefined) {
        owners.set(clientID, owner)
        ownedIds.add(clientID)
      }
      kept.push(entry)
    }
  }
  return { kept, dropped, owner }
}

/** Releases every id `owner` claimed (its socket closed), so a reconnecting client can claim it again. */
export function releaseAwarenessIds<Owner>(owner: Owner, ownedIds: Set<number>, owners: Map<number, Owner>) {
  for (const id of ownedIds) if (owners.get(id) === owner) owners.delete(id)
}
