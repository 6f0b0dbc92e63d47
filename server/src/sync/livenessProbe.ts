import type { Connection } from './connection'

// A socket that owns a presence id which another socket now announces is most often the dead
// connection of a client that has just reconnected (same Yjs clientID, new socket) before the server
// noticed the old one died — which the regular heartbeat would only find out a minute later. Ask the
// owner at once: a live owner answers the ping and keeps its id (the newcomer stays refused); a dead
// one is terminated, which frees the id for the reconnected client.

export function probeLiveness(conn: Connection, timeoutMs: number): void {
  if (conn.closing || conn.livenessProbe !== undefined) return
  conn.livenessProbe = setTimeout(() => {
    conn.livenessProbe = undefined
    conn.log.warn({ timeoutMs }, 'no pong to a liveness probe; terminating the stale socket')
    conn.socket.terminate()
  }, timeoutMs)
  try {
    conn.socket.ping()
  } catch {
    // The socket is already closing; its close handler releases the id.
  }
}

/** Every pong: the heartbeat's and a probe's (one pong answers both). */
export function pongReceived(conn: Connection): void {
  conn.isAlive = true
  if (conn.livenessProbe === undefined) return
  clearTimeout(conn.livenessProbe)
  conn.livenessProbe = undefined
  conn.log.debug('liveness probe answered; the socket keeps its presence ids')
}
