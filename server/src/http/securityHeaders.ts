import type { ServerResponse } from 'node:http'

/*
 * Headers every HTTP response carries (API, static client, errors, refused upgrades). The CSP allows
 * no inline or foreign scripts: vite emits only `<script type="module" src=…>`. Inline styles stay
 * allowed because React and Konva set style attributes. `ws: wss:` lets the client reach /ws on its
 * own host (CSP 'self' does not cover WebSocket schemes in every browser).
 */

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ')

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value)
}
