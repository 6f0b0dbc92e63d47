/*
 * The vote as this browser sees it: the facilitation document's `vote` (rules, state, how many voted,
 * results after the reveal) and this person's own dots from their private document. Nobody else's dots
 * are ever here: the server keeps them in their private documents until it writes the results.
 */
import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getPrivateDots, getVote } from '../../../../shared/src/facilitation/schema'
import { readDots, readVote, type Vote } from '../../../../shared/src/facilitation/vote'
import { useFacilitation } from '../useFacilitationDoc'

/** A snapshot of `read(doc)`, read again only when `map` changes. */
function mapStore<T>(map: Y.Map<unknown>, read: () => T) {
  let snapshot = read()
  return {
    subscribe(listener: () => void) {
      const onChange = () => {
        snapshot = read()
        listener()
      }
      map.observeDeep(onChange)
      return () => map.unobserveDeep(onChange)
    },
    getSnapshot: () => snapshot,
  }
}

export function useVote(): Vote | undefined {
  const { facilitation } = useFacilitation()
  const store = useMemo(
    () => mapStore(getVote(facilitation.doc), () => readVote(facilitation.doc)),
    [facilitation.doc],
  )
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

const noDots: ReadonlyMap<string, number> = new Map()

/** This person's dots on the vote `voteId` (noteId → count). */
export function useOwnDots(voteId: string | undefined): ReadonlyMap<string, number> {
  const own = useFacilitation().private
  const store = useMemo(() => {
    if (!own || !voteId) return undefined
    return mapStore(getPrivateDots(own.doc), () => readDots(own.doc, voteId))
  }, [own, voteId])
  const idle = useMemo(() => ({ subscribe: () => () => {}, getSnapshot: () => noDots }), [])
  const active = store ?? idle
  return useSyncExternalStore(active.subscribe, active.getSnapshot)
}
