/*
 * The spotlight in the accessible outline's words: a caption "Spotlight: Purchase" on the outline's
 * table, so a screen reader hears which stage everyone is looking at. Nothing without a facilitation
 * session (the outline also renders in tests of its own).
 */
import { useContext, useSyncExternalStore } from 'react'
import { useDocStores } from '../doc/hooks'
import { FacilitationContext } from './useFacilitationDoc'
import { useSpotlight } from './useFacilitationState'

export function SpotlightCaption() {
  return useContext(FacilitationContext) ? <Caption /> : null
}

function Caption() {
  const stores = useDocStores()
  const layout = useSyncExternalStore(stores.layout.subscribe, stores.layout.getSnapshot)
  const stageId = useSpotlight()
  const stage = layout.stages.find((s) => s.id === stageId)
  return stage ? <caption>Spotlight: {stage.title}</caption> : null
}
