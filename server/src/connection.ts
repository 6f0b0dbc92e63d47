import type { WebSocket } from 'ws'
import type { Role } from './auth'
import { type CloseCode, closeCodes } from './closeCodes'
import type { Logger } from './log'

/** One client socket on one board. The role is fixed at upgrade time, as in hocuspocus. */
export interface Connection {
  readonly id: string
  readonly ws: WebSocket
  readonly role: Role
  /** Child logger carrying the connection id and board id. */
  readonly log: Logger
  /** Awareness client ids this socket announced; removed for everyone when it closes. */
  readonly awarenessIds: Set<number>
  /** Cleared before each ping and set by the pong; still false at the next ping means the peer is gone. */
  isAlive: boolean
  /** Set once we decided to close; later frames from the socket are ignored. */
  closing: boolean
}

/** Origins of transactions on a room's Y.Doc: stored state, a schema migration, or a client's edit. */
export type TransactionOrigin = 'load' | 'migration' | Connection

export const isConnection = (origin: unknown): origin is Connection =>
  typeof origin === 'object' && origin !== null && 'ws' in origin && 'role' in origin

/** Closes a socket with a documented code and one log line saying why. */
export function closeConnection(conn: Connection, code: CloseCode, reason: string): void {
  if (conn.closing) return
  conn.closing = true
  const level = code === closeCodes.goingAway ? 'info' : 'warn'
  conn.log[level]({ closeCode: code, reason }, 'closing connection')
  // A WebSocket close reason is limited to 123 bytes.
  conn.ws.close(code, reason.slice(0, 120))
}
