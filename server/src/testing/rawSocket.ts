import { type ClientOptions, WebSocket } from 'ws'

/** A bare `ws` socket for sending hand-made (and malformed) frames to the server. `boardId` may carry `/<document>`. */
export function openRawSocket(
  wsUrl: string,
  boardId: string,
  token: string,
  options: ClientOptions = {},
  query = '',
): Promise<WebSocket> {
  const ws = new WebSocket(`${wsUrl}/${boardId}?token=${encodeURIComponent(token)}${query}`, options)
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

export function closeEvent(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
}

/** The HTTP status a WebSocket upgrade was refused with. */
export function upgradeStatus(url: string, options: ClientOptions = {}): Promise<number> {
  const ws = new WebSocket(url, options)
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.once('open', () => {
      ws.close()
      reject(new Error(`upgrade to ${url.split('?')[0]} unexpectedly succeeded`))
    })
    ws.once('error', () => {})
  })
}

/** Every binary message the socket receives, as bytes. */
export function collectMessages(ws: WebSocket): Uint8Array[] {
  const messages: Uint8Array[] = []
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)))
  return messages
}
