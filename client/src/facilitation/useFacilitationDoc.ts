/*
 * An open board's facilitation side (issue 16): the facilitation document everyone reads and only
 * facilitators write, and this participant's private document (dots, private notes and scores) when the
 * server told us who we are. Opened beside the content connection in BoardPage and handed down by
 * context, so every facilitation tool reads one connection.
 */
import { createContext, useContext } from 'react'
import type { Role } from '../api/boardsApi'
import { connectFacilitation, connectPrivate, type ScopedDoc } from './connectScopedDoc'
import { participantSecret } from './participantSecret'
import { createServerClock, keepMeasuring, type ServerClock } from './serverClock'

export interface FacilitationSession {
  boardId: string
  role: Role
  /** Only a facilitator's writes to the facilitation document are accepted by the server. */
  isFacilitator: boolean
  facilitation: ScopedDoc
  /** Undefined when the server could not be asked who we are (opened offline). */
  participantId: string | undefined
  /** This participant's private document; null without a participant id. */
  private: ScopedDoc | null
  /** The server's clock as this browser estimates it: what every timer counts in (serverClock.ts). */
  clock: ServerClock
  destroy: () => void
}

export function openFacilitation(options: {
  boardId: string
  token: string
  role: Role
  participantId: string | undefined
}): FacilitationSession {
  const { boardId, token, role, participantId } = options
  const secret = participantSecret()
  const facilitation = connectFacilitation(boardId, token, secret)
  const own = participantId ? connectPrivate(boardId, participantId, token, secret) : null
  const clock = createServerClock()
  const stopMeasuring = keepMeasuring(clock, facilitation.provider)
  return {
    boardId,
    role,
    isFacilitator: role === 'facilitate',
    facilitation,
    participantId,
    private: own,
    clock,
    destroy: () => {
      stopMeasuring()
      clock.destroy()
      own?.destroy()
      facilitation.destroy()
    },
  }
}

export const FacilitationContext = createContext<FacilitationSession | null>(null)

export function useFacilitation(): FacilitationSession {
  const session = useContext(FacilitationContext)
  if (!session) throw new Error('useFacilitation: no FacilitationContext provider above this component')
  return session
}
