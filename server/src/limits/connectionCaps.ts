import { isLoopback } from './clientIp'

/**
 * Counts open sockets per board and per client IP, so an upgrade past a cap is refused with an HTTP
 * status before any WebSocket exists (503 board full, 429 too many from one IP). `tryAcquire` and the
 * release it returns are synchronous, so two racing upgrades cannot both take the last slot.
 */
export interface ConnectionCapsConfig {
  maxConnectionsPerBoard: number
  maxConnectionsPerIp: number
  exemptLoopbackFromIpLimit: boolean
}

export type Acquired =
  | { ok: true; release: () => void }
  | { ok: false; status: 429 | 503; reason: 'board-full' | 'ip-limit'; message: string }

export class ConnectionCaps {
  private readonly perBoard = new Map<string, number>()
  private readonly perIp = new Map<string, number>()

  constructor(private readonly config: ConnectionCapsConfig) {}

  tryAcquire(boardId: string, ip: string): Acquired {
    const onBoard = this.perBoard.get(boardId) ?? 0
    if (onBoard >= this.config.maxConnectionsPerBoard) {
      const message = `board has ${onBoard} connections (max ${this.config.maxConnectionsPerBoard})`
      return { ok: false, status: 503, reason: 'board-full', message }
    }
    const countIp = !(this.config.exemptLoopbackFromIpLimit && isLoopback(ip))
    const fromIp = this.perIp.get(ip) ?? 0
    if (countIp && fromIp >= this.config.maxConnectionsPerIp) {
      const message = `too many connections from one address (max ${this.config.maxConnectionsPerIp})`
      return { ok: false, status: 429, reason: 'ip-limit', message }
    }
    this.perBoard.set(boardId, onBoard + 1)
    if (countIp) this.perIp.set(ip, fromIp + 1)
    let released = false
    return {
      ok: true,
      release: () => {
        if (released) return
        released = true
        decrement(this.perBoard, boardId)
        if (countIp) decrement(this.perIp, ip)
      },
    }
  }

  connectionsOn(boardId: string): number {
    return this.perBoard.get(boardId) ?? 0
  }
}

function decrement(map: Map<string, number>, key: string): void {
  const next = (map.get(key) ?? 0) - 1
  if (next > 0) map.set(key, next)
  else map.delete(key)
}
