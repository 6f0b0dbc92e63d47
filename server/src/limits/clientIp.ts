import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/**
 * The client's IP for per-IP limits. X-Forwarded-For is trusted only for `trustProxyHops` proxies:
 * anyone can send the header, so by default (0) the socket's own address is used. With n trusted
 * proxies the client is the entry n hops from the right of `X-Forwarded-For…, remote address`.
 */
export function clientIp(req: IncomingMessage, trustProxyHops: number): string {
  const remote = normalize(req.socket.remoteAddress ?? '')
  if (trustProxyHops <= 0) return remote
  const header = req.headers['x-forwarded-for']
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => normalize(entry.trim()))
    .filter((entry) => isIP(entry) !== 0)
  const chain = [...forwarded, remote]
  return chain[Math.max(0, chain.length - 1 - trustProxyHops)]!
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
const normalize = (ip: string) => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip)

export const isLoopback = (ip: string) => ip === '::1' || /^127\./.test(ip)
