import type { IncomingMessage } from 'node:http'

/**
 * Cross-site WebSocket hijacking guard. Browsers always send Origin on a WebSocket upgrade, so a page
 * on another site cannot open a socket to a board with a token it found. With no allow list, only the
 * server's own origin passes (Origin's host equals the Host header, which is what the browser used to
 * reach us). A request without Origin is not from a browser page; its token alone decides.
 */
export function isOriginAllowed(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  if (allowedOrigins.length > 0) return allowedOrigins.includes(origin)
  try {
    const url = new URL(origin)
    // Parsed with the origin's scheme, so `host:443` and `host` compare equal for https.
    const host = new URL(`${url.protocol}//${req.headers.host ?? ''}`).host
    return url.host !== '' && url.host === host
  } catch {
    return false // "null" (sandboxed frames, file://), a missing Host, garbage
  }
}
