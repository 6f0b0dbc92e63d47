import type { IncomingMessage, ServerResponse } from 'node:http'

/** JSON in and out for the HTTP API: a size-limited body reader and the one way to answer with JSON. */

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    // After a 413 the rest of the body is unread, so the connection cannot be reused.
    ...(status === 413 ? { Connection: 'close' } : {}),
  })
  res.end(text)
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: string }

/** Reads and parses a JSON body of at most `maxBytes`; an empty body reads as `{}`. */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<JsonBody> {
  const tooLarge: JsonBody = {
    ok: false,
    status: 413,
    error: `request body is larger than ${maxBytes} bytes`,
  }
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve(tooLarge)
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength
      if (size > maxBytes) {
        resolve(tooLarge)
        req.removeAllListeners('data')
        req.resume()
        return
      }
      chunks.push(chunk)
    })
    req.on('error', () => resolve({ ok: false, status: 400, error: 'request body could not be read' }))
    req.on('end', () => {
      if (size > maxBytes) return
      const text = Buffer.concat(chunks).toString('utf8')
      if (text.trim() === '') return resolve({ ok: true, value: {} })
      try {
        resolve({ ok: true, value: JSON.parse(text) })
      } catch {
        resolve({ ok: false, status: 400, error: 'request body is not valid JSON' })
      }
    })
  })
}
