/*
 * Summon and "follow me" (facilitation document's `summon` map, schema.ts). "Bring everyone here" writes
 * a new `at` (the facilitator's server time, also the nonce: each client moves to `view` once per value)
 * with the view and the facilitator's name. "Everyone follow me" sets `follow` and `byUser` (the
 * facilitator's presence user id, awarenessState.ts), so each client tracks that person's presence view
 * until they break away; a new `at` asks again. Garbage reads as no summon.
 */
import type * as Y from 'yjs'
import type { Rect } from '../layout/geometry'
import { getSummon } from './schema'

export interface Summon {
  /** Server ms when it was sent; the nonce. */
  at: number
  view: Rect
  /** Who sent it, shown to the people it moves. */
  by: string
  /** The sender's presence user id, whom followers track. */
  byUser: string
  /** Keep following the sender's view, not only move once. */
  follow: boolean
}

const MAX_COORDINATE = 1e7
const isCoordinate = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE

function readView(value: unknown): Rect | null {
  if (typeof value !== 'object' || value === null) return null
  const { x, y, w, h } = value as Record<string, unknown>
  if (!isCoordinate(x) || !isCoordinate(y) || !isCoordinate(w) || !isCoordinate(h)) return null
  return w > 0 && h > 0 ? { x, y, w, h } : null
}

export function readSummon(doc: Y.Doc): Summon | null {
  const map = getSummon(doc)
  const at = map.get('at')
  const view = readView(map.get('view'))
  const by = map.get('by')
  const byUser = map.get('byUser')
  if (typeof at !== 'number' || !Number.isFinite(at) || !view) return null
  return {
    at,
    view,
    by: typeof by === 'string' ? by.slice(0, 40) : 'The facilitator',
    byUser: typeof byUser === 'string' ? byUser.slice(0, 64) : '',
    follow: map.get('follow') === true,
  }
}

export function writeSummon(doc: Y.Doc, summon: Summon, origin?: unknown): void {
  const map = getSummon(doc)
  doc.transact(() => {
    map.set('at', summon.at)
    map.set('view', { ...summon.view })
    map.set('by', summon.by)
    map.set('byUser', summon.byUser)
    map.set('follow', summon.follow)
  }, origin)
}

/** "Stop everyone following": followers let go; the last view stays, with no new nonce. */
export function endFollow(doc: Y.Doc, origin?: unknown): void {
  const map = getSummon(doc)
  if (map.get('follow') === true) doc.transact(() => map.set('follow', false), origin)
}
