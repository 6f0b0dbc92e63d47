/*
 * GET /api/time → { now: <server ms> }: the clock every timer is counted in (shared/src/facilitation/
 * clock.ts). Public and cheap: it tells nothing about any board. Never cached, since a cached time is a
 * wrong one; HEAD and other methods are refused so nothing mistakes it for a page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from './json'

export function serveTime(now: () => number, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') {
    sendJson(res, 405, { error: `${req.method} is not allowed on /api/time (GET the server's clock)` })
    return
  }
  // sendJson already says no-store; the time is read last, as close to the answer as it can be.
  sendJson(res, 200, { now: now() })
}
