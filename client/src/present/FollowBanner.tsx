/*
 * Following a presenter: when someone else on the board presents (their presence says which stage), a
 * banner offers to follow; following shows the same stage framed here and steps with them, and the
 * banner then offers to stop (breaking away ends the presentation here only). My own presentation is
 * published for others from here too, unless I am following someone.
 */
import { useEffect, useSyncExternalStore } from 'react'
import { useDocStores } from '../doc/hooks'
import { usePeers, usePresence } from '../presence/usePresence'
import { follow, goToStage, presentationState, stopPresentation } from './presentation'

export function FollowBanner() {
  const stores = useDocStores()
  const layout = useSyncExternalStore(stores.layout.subscribe, stores.layout.getSnapshot)
  const presence = usePresence()
  const peers = usePeers()
  const state = useSyncExternalStore(presentationState.subscribe, presentationState.getSnapshot)
  const leading = state.active && !state.following
  const stageId = layout.stages[state.index]?.id

  // Tell others which stage I present (or that I stopped).
  useEffect(() => {
    presence.setPresenting(leading && stageId ? { stageId } : null)
  }, [presence, leading, stageId])

  const presenter = state.following
    ? peers.find((p) => p.clientId === state.following?.clientId)
    : peers.find((p) => p.presenting !== null)
  const presentedIndex = presenter?.presenting
    ? layout.stages.findIndex((s) => s.id === presenter.presenting?.stageId)
    : -1

  // Step with the presenter; when they stop (or leave), so does this view.
  useEffect(() => {
    if (!state.following) return
    if (presentedIndex < 0) stopPresentation()
    else if (presentedIndex !== state.index || !state.active) goToStage(layout, presentedIndex)
  }, [state.following, state.index, state.active, presentedIndex, layout])

  if (leading || !presenter?.presenting || presentedIndex < 0) return null
  const name = presenter.user.name
  return (
    <div className="follow-banner" role="status">
      {state.following ? (
        <>
          <span>
            Following <strong>{name}</strong>’s presentation
          </span>
          <button type="button" className="button button--ghost" onClick={stopPresentation}>
            Stop following
          </button>
        </>
      ) : (
        <>
          <span>
            <strong>{name}</strong> is presenting: {layout.stages[presentedIndex]?.title}
          </span>
          <button
            type="button"
            className="button button--primary"
            onClick={() => follow(layout, { clientId: presenter.clientId, name }, presentedIndex)}
          >
            Follow
          </button>
        </>
      )}
    </div>
  )
}
