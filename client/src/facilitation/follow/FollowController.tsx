/*
 * Moves this view where the facilitator or the person followed is looking:
 *   - a summon ("Bring everyone here"): once per nonce, to the view it carries;
 *   - "Everyone follow me", or "Follow" on a person: on every change of that person's presence view,
 *     until this person breaks away (any pan or zoom of their own) or presses "Stop following" in the
 *     banner; the facilitator ending follow-me ends a follow it started.
 * What a summon asks of this client is decided in summonReaction.ts.
 */
import { useCallback, useEffect, useRef } from 'react'
import { viewportShowing } from '../../presence/jumpTo'
import { useIdentity, usePeers } from '../../presence/usePresence'
import { setViewport, useUi } from '../../state/ui'
import type { Viewport } from '../../view/viewport'
import { useFacilitation } from '../useFacilitationDoc'
import { useSummon } from '../useFacilitationState'
import { startFollowing, stopFollowing, useFollowing } from './followState'
import { summonReaction } from './summonReaction'

export function FollowController() {
  const { clock } = useFacilitation()
  const me = useIdentity()
  const summon = useSummon()
  const peers = usePeers()
  const following = useFollowing((s) => s.following)
  /** The viewport this controller set last: any other one is the person moving on their own. */
  const ours = useRef<Viewport | null>(null)
  const seenNonce = useRef<number | null>(null)
  const move = useCallback((view: { x: number; y: number; w: number; h: number }) => {
    const next = viewportShowing(view, useUi.getState().canvasSize)
    ours.current = next
    setViewport(next)
  }, [])

  // Summons: once per nonce; follow-me starts (or, when ended, stops) following the facilitator.
  useEffect(() => {
    if (!summon) return
    const reaction = summonReaction({
      summon,
      seenNonce: seenNonce.current,
      myUserId: me.id,
      following: useFollowing.getState().following,
      serverNow: clock.now(),
    })
    seenNonce.current = summon.at
    if (reaction.moveTo) move(reaction.moveTo)
    if (reaction.follow) startFollowing(reaction.follow)
    else if (reaction.follow === null) stopFollowing()
  }, [summon, me.id, clock, move])

  // Following: track their view as it changes.
  const target = following ? peers.find((p) => p.user.id === following.userId) : undefined
  const view = target?.view
  const viewKey = view ? `${view.x},${view.y},${view.w},${view.h}` : ''
  // biome-ignore lint/correctness/useExhaustiveDependencies: viewKey stands for the view's value, which changes identity on every presence read
  useEffect(() => {
    if (following && view) move(view)
  }, [following, viewKey, move])

  // Breaking away: any viewport change not ours ends the follow.
  useEffect(() => {
    if (!following) return
    return useUi.subscribe((state, prev) => {
      if (state.viewport !== prev.viewport && state.viewport !== ours.current) stopFollowing()
    })
  }, [following])

  if (!following) return null
  return (
    <div className="follow-banner follow-banner--person" role="status">
      <span>
        Following <strong>{following.name}</strong>
        {!target && ' (not here right now)'}
      </span>
      <button type="button" className="button button--ghost" onClick={stopFollowing}>
        Stop following
      </button>
    </div>
  )
}
