/*
 * React hooks over the board's PresenceSession, all through useSyncExternalStore. They read `peers`
 * (who is here and what they mark), which changes rarely; cursor positions are deliberately not
 * offered as a hook — see PresenceStore.
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react'
import type { NoteId } from '../../../shared/src/board/ids'
import type { Identity } from './identity'
import type { PresenceSession } from './presenceSession'
import type { Peer } from './presenceStore'

export const PresenceContext = createContext<PresenceSession | null>(null)

export function usePresence(): PresenceSession {
  const presence = useContext(PresenceContext)
  if (!presence) throw new Error('usePresence: no PresenceContext provider above this component')
  return presence
}

/** Everyone else here, one entry per tab, in the order they arrived. */
export function usePeers(): readonly Peer[] {
  const { peers } = usePresence()
  return useSyncExternalStore(peers.peers.subscribe, peers.peers.getSnapshot)
}

export function useIdentity(): Identity {
  const { identity } = usePresence()
  return useSyncExternalStore(identity.subscribe, identity.getSnapshot)
}

/** Names of the people editing a note, one per person; a string, so it only re-renders on change. */
export function editorsLabel(peers: readonly Peer[], id: NoteId): string {
  const names = [...new Set(peers.filter((p) => p.editing === id).map((p) => p.user.name))]
  if (names.length === 0) return ''
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  return `${who} ${names.length === 1 ? 'is' : 'are'} editing`
}

/** "Alice is editing" for a note someone else is typing into, else ''. */
export function useNoteEditorsLabel(id: NoteId): string {
  const { peers } = usePresence()
  const read = useCallback(() => editorsLabel(peers.peers.getSnapshot(), id), [peers, id])
  return useSyncExternalStore(peers.peers.subscribe, read)
}

/** One entry per person (a person with two tabs open is one participant), me excluded. */
export function participantsOf(peers: readonly Peer[], myId: string): Peer[] {
  const byUser = new Map<string, Peer>()
  for (const peer of peers)
    if (peer.user.id !== myId && !byUser.has(peer.user.id)) byUser.set(peer.user.id, peer)
  return [...byUser.values()]
}
