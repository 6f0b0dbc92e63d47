/* The private phase (facilitation document) and this person's own notes and scores (private document). */
import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import {
  type Phase,
  type PrivateNote,
  readPhase,
  readPrivateNotes,
  readPrivateScores,
} from '../../../../shared/src/facilitation/privatePhase'
import { getPhase, getPrivateNotes, getPrivateScores } from '../../../../shared/src/facilitation/schema'
import { useFacilitation } from '../useFacilitationDoc'

function deepStore<T>(type: Y.Map<unknown> | Y.Map<Y.Map<unknown>> | undefined, read: () => T, fallback: T) {
  let snapshot = type ? read() : fallback
  return {
    subscribe(listener: () => void) {
      if (!type) return () => {}
      const onChange = () => {
        snapshot = read()
        listener()
      }
      type.observeDeep(onChange)
      return () => type.unobserveDeep(onChange)
    },
    getSnapshot: () => snapshot,
  }
}

export function usePhase(): Phase | undefined {
  const { facilitation } = useFacilitation()
  const store = useMemo(
    () => deepStore(getPhase(facilitation.doc), () => readPhase(facilitation.doc), undefined),
    [facilitation.doc],
  )
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

const none: PrivateNote[] = []

export function useOwnPrivateNotes(): PrivateNote[] {
  const own = useFacilitation().private
  const store = useMemo(
    () =>
      deepStore(
        own ? getPrivateNotes(own.doc) : undefined,
        () => (own ? readPrivateNotes(own.doc) : none),
        none,
      ),
    [own],
  )
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

const noScores: ReadonlyMap<string, number> = new Map()

export function useOwnScores(phase: Phase | undefined): ReadonlyMap<string, number> {
  const own = useFacilitation().private
  const store = useMemo(() => {
    const laneId = phase?.laneId
    if (!own || !phase || !laneId) return deepStore(undefined, () => noScores, noScores)
    return deepStore(getPrivateScores(own.doc), () => readPrivateScores(own.doc, phase.id, laneId), noScores)
  }, [own, phase])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
