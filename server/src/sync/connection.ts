import { type CloseCode, closeCodes } from '../closeCodes'
import type { AwarenessThrottle } from '../limits/awarenessThrottle'
import type { TokenBucket } from '../limits/tokenBucket'
import type { Logger } from '../log'
import type { Metrics } from '../metrics'
import type { Access } from '../permissions/access'
import type { WriteGrant } from '../permissions/documentPolicies'
import type { AwarenessEntry } from './awarenessPolicy'
import type { PeerSocket } from './peerSocket'

/** One client socket on one document of a board. Access and rights are fixed when it joins, as in hocuspocus. */
export interface Connection {
  readonly id: string
  readonly socket: PeerSocket
  /** The role and participant it authenticated as (permissions/authenticate.ts). */
  readonly access: Access
  /** Whether it may write to its document, and the policy's per-update judge (documentPolicies.ts). */
  readonly write: WriteGrant
  /** Child logger carrying the connection id, board id and document. */
  readonly log: Logger
  /**
   * Awareness client ids this socket owns (announced first on its document); only it may change them,
   * and they are removed for everyone when it closes (see awarenessPolicy.ts).
   */
  readonly awarenessIds: Set<number>
  /** Sync and query messages allowed per second (config.maxUpdatesPerSecond / updateBurst). */
  readonly updateBucket: TokenBucket
  /** Awareness messages per second; extra ones are coalesced. */
  readonly awarenessThrottle: AwarenessThrottle<AwarenessEntry[]>
  /** Bytes queued for this socket past which it is terminated as a slow consumer. */
  readonly maxBufferedBytes: number
  readonly metrics: Metrics
  /** Cleared before each ping and set by the pong; still false at the next ping means the peer is gone. */
  isAlive: boolean
  /** Pending liveness probe (livenessProbe.ts), if one was sent. */
  livenessProbe?: NodeJS.Timeout | undefined
  /** Set once we decided to close; later frames from the socket are ignored. */
  closing: boolean
}

/** Origins of transactions on a room's Y.Doc: stored state, a schema migration, or a client's edit. */
// 'relay': an update or presence another instance stored or sent (relay.ts), never stored here again.
export type TransactionOrigin = 'load' | 'migration' | 'relay' | Connection

export const isConnection = (origin: unknown): origin is Connection =>
  typeof origin === 'object' && origin !== null && 'socket' in origin && 'access' in origin

/** Closes a socket with a documented code and one log line saying why. */
export function closeConnection(conn: Connection, code: CloseCode, reason: string): void {
  if (conn.closing) return
  conn.closing = true
  const level = code === closeCodes.goingAway ? 'info' : 'warn'
  conn.log[level]({ closeCode: code, reason }, 'closing connection')
  // A WebSocket close reason is limited to 123 bytes.
  conn.socket.close(code, reason.slice(0, 120))
}
