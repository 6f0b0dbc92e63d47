/*
 * React reads of the facilitation document: each hook re-renders only when what it reads changed
 * (compared by value: the records are small and plain), and the ticking server clock for countdowns.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { StageId } from '../../../shared/src/board/ids'
import { type AgendaStep, readAgenda, readCurrentStepId } from '../../../shared/src/facilitation/agenda'
import { getTimer } from '../../../shared/src/facilitation/schema'
import { readSpotlight } from '../../../shared/src/facilitation/spotlight'
import { readSummon, type Summon } from '../../../shared/src/facilitation/summon'
import { readTimer, type TimerState } from '../../../shared/src/facilitation/timer'
import { useDocStores } from '../doc/hooks'
import { useFacilitation } from './useFacilitationDoc'

/** `read(doc)`, kept as the same object until an update makes it read differently. */
export function useFacilitationValue<T>(read: (doc: Y.Doc) => T): T {
  const { doc } = useFacilitation().facilitation
  const store = useMemo(() => {
    let cached = read(doc)
    let key = JSON.stringify(cached)
    return {
      subscribe: (listener: () => void) => {
        const onUpdate = () => {
          const next = read(doc)
          const nextKey = JSON.stringify(next)
          if (nextKey === key) return
          cached = next
          key = nextKey
          listener()
        }
        doc.on('update', onUpdate)
        return () => doc.off('update', onUpdate)
      },
      getSnapshot: () => cached,
    }
  }, [doc, read])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

const readTimerOf = (doc: Y.Doc): TimerState => readTimer(getTimer(doc))
export const useTimer = (): TimerState => useFacilitationValue(readTimerOf)

const readAgendaState = (doc: Y.Doc): { steps: AgendaStep[]; currentStepId: string | null } => {
  const steps = readAgenda(doc)
  return { steps, currentStepId: readCurrentStepId(doc, steps) }
}
export const useAgenda = () => useFacilitationValue(readAgendaState)

export const useSummon = (): Summon | null => useFacilitationValue(readSummon)

/** The spotlit stage, if it is on the board. */
export function useSpotlight(): StageId | null {
  const stores = useDocStores()
  const layout = useSyncExternalStore(stores.layout.subscribe, stores.layout.getSnapshot)
  const raw = useFacilitationValue(readSpotlightAny)
  return raw && layout.stages.some((s) => s.id === raw) ? raw : null
}
const readSpotlightAny = (doc: Y.Doc) => readSpotlight(doc, () => true)

/** The server's time, re-read every `everyMs` while `ticking` (a countdown runs), else once. */
export function useServerNow(ticking: boolean, everyMs = 250): number {
  const { clock } = useFacilitation()
  const offset = useSyncExternalStore(clock.offset.subscribe, clock.offset.getSnapshot)
  const [now, setNow] = useState(() => clock.now())
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new offset (a fresh measurement) re-reads the clock at once
  useEffect(() => {
    setNow(clock.now())
    if (!ticking) return
    const timer = setInterval(() => setNow(clock.now()), everyMs)
    return () => clearInterval(timer)
  }, [clock, ticking, everyMs, offset])
  return now
}
