import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { openRawSocket, upgradeStatus } from '../testing/rawSocket'
import { testScope } from '../testing/testScope'
import { createBoard, type TestServer } from '../testing/testServer'
import { contentSecurityPolicy } from './securityHeaders'

/** HTTP hardening: security headers everywhere, the WebSocket Origin check, /metrics, request ids. */

const { cleanups, start } = testScope()

function expectSecurityHeaders(headers: Headers) {
  expect(headers.get('content-security-policy')).toBe(contentSecurityPolicy)
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('referrer-policy')).toBe('no-referrer')
  expect(headers.get('x-frame-options')).toBe('DENY')
}

describe('security headers', () => {
  it('are on every response: health, API, errors, 413, the client, metrics', async () => {
    const t = await start()
    const responses = [
      await fetch(`${t.httpUrl}/healthz`),
      await fetch(`${t.httpUrl}/api/boards`),
      await fetch(`${t.httpUrl}/api/boards`, { method: 'POST', body: '{nope' }),
      await fetch(`${t.httpUrl}/api/boards`, { method: 'POST', body: 'x'.repeat(70 * 1024) }),
      await fetch(`${t.httpUrl}/api/nope`),
      await fetch(`${t.httpUrl}/b/whatever`),
      await fetch(`${t.httpUrl}/metrics`),
    ]
    expect(responses.map((r) => r.status)).toEqual([200, 403, 400, 413, 404, 503, 200])
    for (const res of responses) expectSecurityHeaders(res.headers)
  })

  it('the CSP allows no inline script', () => {
    const scriptSrc = contentSecurityPolicy.split('; ').find((d) => d.startsWith('script-src'))
    expect(scriptSrc).toBe("script-src 'self'")
  })

  it('are on refused upgrades too', async () => {
    const t = await start()
    const ws = new WebSocket(`${t.wsUrl}/AAAAAAAAAAAAAAAAAAAAAA?token=x`)
    ws.on('error', () => {})
    const res = await new Promise<IncomingMessage>((resolve) =>
      ws.once('unexpected-response', (_q, r) => resolve(r)),
    )
    ws.terminate()
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('DENY')
  })
})

describe('WebSocket Origin check', () => {
  it("accepts the app's own origin and clients without Origin, refuses others with 403", async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl)
    const url = `${t.wsUrl}/${board.id}?token=${board.editToken}`
    const own = new URL(t.httpUrl).origin
    const ws = await openRawSocket(t.wsUrl, board.id, board.editToken, { origin: own })
    ws.close()
    const noOrigin = await openRawSocket(t.wsUrl, board.id, board.editToken)
    noOrigin.close()
    expect(await upgradeStatus(url, { origin: 'https://evil.example' })).toBe(403)
    expect(await upgradeStatus(url, { origin: 'null' })).toBe(403)
    // Checked before the token: a foreign page learns nothing about the board or token.
    expect(
      await upgradeStatus(`${t.wsUrl}/${board.id}?token=wrong`, { origin: 'https://evil.example' }),
    ).toBe(403)
    const line = t.logs.find((l) => l.msg === 'upgrade refused' && l.status === 403)
    expect(line?.connId).toMatch(/^c_/)
  })

  it('uses ALLOWED_ORIGINS when set', async () => {
    const t = await start({ config: { allowedOrigins: ['https://board.example.com'] } })
    const board = await createBoard(t.httpUrl)
    const url = `${t.wsUrl}/${board.id}?token=${board.editToken}`
    const ws = await openRawSocket(t.wsUrl, board.id, board.editToken, {
      origin: 'https://board.example.com',
    })
    ws.close()
    expect(await upgradeStatus(url, { origin: new URL(t.httpUrl).origin })).toBe(403)
  })
})

describe('/metrics', () => {
  it('reports connections, boards, updates, bytes, persist latency, rejections and HTTP requests', async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl)
    const ws = await openRawSocket(t.wsUrl, board.id, board.editToken)
    cleanups.push(() => ws.terminate())
    ws.send('a text frame') // rejected: text-frame
    await new Promise((resolve) => ws.once('close', resolve))
    const live = await openRawSocket(t.wsUrl, board.id, board.editToken)
    cleanups.push(() => live.terminate())
    await new Promise((resolve) => setTimeout(resolve, 50))
    const res = await fetch(`${t.httpUrl}/metrics`)
    expect(res.headers.get('content-type')).toMatch(/text\/plain/)
    const text = await res.text()
    expect(text).toMatch(/^journeyboard_connections 1$/m)
    expect(text).toMatch(/^journeyboard_boards_loaded 1$/m)
    expect(text).toMatch(/^journeyboard_updates_received_total \d+$/m)
    expect(text).toMatch(/^journeyboard_ws_received_bytes_total [1-9]\d*$/m)
    expect(text).toMatch(/^journeyboard_ws_sent_bytes_total [1-9]\d*$/m)
    expect(text).toMatch(/^journeyboard_persist_seconds_bucket\{le="0.001"\} \d+$/m)
    expect(text).toMatch(/^journeyboard_rejected_messages_total\{reason="text-frame"\} 1$/m)
    expect(text).toMatch(/^journeyboard_http_requests_total\{route="\/api\/boards",status="201"\} 1$/m)
  })

  it('keeps two servers in one process apart (a registry each)', async () => {
    const a = await start()
    const b = await start()
    await createBoard(a.httpUrl)
    await createBoard(a.httpUrl)
    const count = async (t: TestServer) =>
      /journeyboard_http_requests_total\{route="\/api\/boards",status="201"\} (\d+)/.exec(
        await (await fetch(`${t.httpUrl}/metrics`)).text(),
      )?.[1] ?? '0'
    expect(await count(a)).toBe('2')
    expect(await count(b)).toBe('0')
  })

  it('requires METRICS_TOKEN when one is set', async () => {
    const t = await start({ config: { metricsToken: 'scrape-secret' } })
    expect((await fetch(`${t.httpUrl}/metrics`)).status).toBe(401)
    expect((await fetch(`${t.httpUrl}/metrics`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(
      401,
    )
    const ok = await fetch(`${t.httpUrl}/metrics`, { headers: { Authorization: 'Bearer scrape-secret' } })
    expect(ok.status).toBe(200)
    expect(JSON.stringify(t.logs)).not.toContain('scrape-secret')
  })
})

describe('request ids', () => {
  it("answers with X-Request-Id and puts it on that request's log lines", async () => {
    const t = await start()
    const res = await fetch(`${t.httpUrl}/api/boards`, { method: 'POST', body: '{}' })
    const id = res.headers.get('x-request-id')
    expect(id).toMatch(/^r_/)
    expect(t.logs.find((l) => l.msg === 'board created')?.reqId).toBe(id)
  })

  it('never logs a token passed in the upgrade URL', async () => {
    const t = await start()
    const board = await createBoard(t.httpUrl)
    const ws = await openRawSocket(t.wsUrl, board.id, board.editToken)
    ws.close()
    await upgradeStatus(`${t.wsUrl}/${board.id}?token=${board.viewToken}x`)
    const logs = JSON.stringify(t.logs)
    expect(logs).not.toContain(board.editToken)
    expect(logs).not.toContain(board.viewToken)
  })
})
