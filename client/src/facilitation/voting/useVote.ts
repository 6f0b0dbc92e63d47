/*
 * The vote as this browser sees it: the facilitation document's `vote` (rules, state, how many voted,
 * results after the reveal) and this person's own dots from their private document. Nobody else's dots
 * are ever here: the server keeps them in their private documents until it writes the results.
 */
import { useContext, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getPrivateDots, getVote } from '../../../../shared/src/facilitation/schema'
import { dotCounts, readDots, readVote, type Vote } from '../../../../shared/src/facilitation/vote'
import { FacilitationContext, useFacilitation } from '../useFacilitationDoc'

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

const emptyStore = { subscribe: () => () => {}, getSnapshot: (): undefined => undefined }

/**
 * The dots to draw on the canvas's notes: everyone's counts once the vote is revealed, only this
 * person's own while it runs, none without a vote. Tolerates a canvas without a facilitation session
 * (tests, a board opened offline), where it draws nothing.
 */
export function useNoteDots(): ReadonlyMap<string, number> {
  const session = useContext(FacilitationContext)
  const doc = session?.facilitation.doc
  const store = useMemo(() => (doc ? mapStore(getVote(doc), () => readVote(doc)) : emptyStore), [doc])
  const vote = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const own = useOwnDotsOf(session?.private?.doc, vote?.state === 'revealed' ? undefined : vote?.id)
  return useMemo(() => (vote?.state === 'revealed' ? dotCounts(vote.results) : own), [vote, own])
}

function useOwnDotsOf(doc: Y.Doc | undefined, voteId: string | undefined): ReadonlyMap<string, number> {
  const store = useMemo(
    () => (doc && voteId ? mapStore(getPrivateDots(doc), () => readDots(doc, voteId)) : undefined),
    [doc, voteId],
  )
  const idle = useMemo(() => ({ subscribe: () => () => {}, getSnapshot: () => noDots }), [])
  const active = store ?? idle
  return useSyncExternalStore(active.subscribe, active.getSnapshot)
}
