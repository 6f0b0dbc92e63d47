/*
 * What a client does about the summon it reads (FollowController.tsx applies it), pure so every case is
 * tested: a summon moves a view once per nonce (`at`); the sender is never moved by their own; a
 * one-time summon found when the board opens is applied only if it is recent (a late joiner is not
 * yanked to where people were an hour ago), while a follow-me still running is joined; the facilitator
 * ending follow-me ends a follow it started (a follow the person chose stays).
 */

import type { Summon } from '../../../../shared/src/facilitation/summon'
import type { Rect } from '../../../../shared/src/layout/geometry'
import type { Following } from './followState'

/** A one-time summon older than this when the board opens is history, not a request (ms). */
export const FRESH_SUMMON_MS = 15_000

export interface SummonReaction {
  /** Move the view here now. */
  moveTo: Rect | null
  /** Start following this, stop (null), or leave the follow as it is (undefined). */
  follow: Following | null | undefined
}

export function summonReaction(input: {
  summon: Summon
  /** The nonce handled last; null when this is the first summon read since the board opened. */
  seenNonce: number | null
  myUserId: string
  following: Following | null
  serverNow: number
}): SummonReaction {
  const { summon, seenNonce, myUserId, following, serverNow } = input
  const none: SummonReaction = { moveTo: null, follow: undefined }
  if (summon.byUser === myUserId) return none
  const endsOurFollow = !summon.follow && following?.via === 'summon' && following.userId === summon.byUser
  const stop: SummonReaction = endsOurFollow ? { moveTo: null, follow: null } : none
  if (seenNonce === summon.at) return stop
  if (seenNonce === null && !summon.follow && serverNow - summon.at > FRESH_SUMMON_MS) return stop
  return {
    moveTo: summon.view,
    follow: summon.follow ? { userId: summon.byUser, name: summon.by, via: 'summon' } : stop.follow,
  }
}
