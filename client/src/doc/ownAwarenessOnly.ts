/*
 * The stock y-websocket provider (3.1.0) sends every awareness change it sees back to the server,
 * other people's included: with 20 people moving their pointers, each browser echoed ~90 messages a
 * second that the server then has to parse and discard. The echoes also count against this socket's
 * awareness rate limit on the server, which keeps only the latest message when a socket sends too
 * fast, so an echo could displace our own cursor update. This re-registers the provider's handler so
 * that it is called only for our own entry. The server relays everyone's state; an echo adds nothing.
 */
import type { Awareness } from 'y-protocols/awareness'

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }
type AwarenessHandler = (change: AwarenessChange, origin: unknown) => void

/** The part of y-websocket's WebsocketProvider this touches. */
export interface AwarenessForwarder {
  awareness: Pick<Awareness, 'clientID' | 'on' | 'off'>
  // The provider's own field; typed `any` in y-websocket's declarations.
  _awarenessUpdateHandler: AwarenessHandler
}

export function forwardOwnAwarenessOnly(provider: AwarenessForwarder): void {
  const { awareness } = provider
  const forward = provider._awarenessUpdateHandler
  const mine = (ids: number[]) => ids.filter((id) => id === awareness.clientID)
  const ownOnly: AwarenessHandler = ({ added, updated, removed }, origin) => {
    const change = { added: mine(added), updated: mine(updated), removed: mine(removed) }
    if (change.added.length + change.updated.length + change.removed.length > 0) forward(change, origin)
  }
  awareness.off('update', forward)
  awareness.on('update', ownOnly)
  // The provider's destroy() unregisters whatever this field holds.
  provider._awarenessUpdateHandler = ownOnly
}
