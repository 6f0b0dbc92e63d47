/*
 * Whom this browser follows, if anyone: a person's presence user id (their view is tracked, tab by tab
 * of theirs, whichever is found first) and name for the banner, and whether a facilitator's "Everyone
 * follow me" started it (that one also ends when the facilitator stops it). Anyone may follow anyone;
 * it is this person's UI only, never written anywhere.
 */
import { create } from 'zustand'

export interface Following {
  userId: string
  name: string
  /** 'summon': the facilitator asked everyone (at this nonce); 'person': chosen here. */
  via: 'summon' | 'person'
}

export const useFollowing = create<{ following: Following | null }>()(() => ({ following: null }))

export const startFollowing = (following: Following): void => useFollowing.setState({ following })

export const stopFollowing = (): void => {
  if (useFollowing.getState().following) useFollowing.setState({ following: null })
}
