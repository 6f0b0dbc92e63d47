import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { waitFor } from '../infra/waitFor'

/**
 * A real y-websocket `WebsocketProvider` on one of our boards, as the README's contract says any client
 * may connect: `new WebsocketProvider('ws://HOST:PORT/ws', boardId, doc, { params: { token } })`.
 */
export function connectOurProvider(
  port: number,
  boardId: string,
  token: string,
  doc: Y.Doc,
): WebsocketProvider {
  return new WebsocketProvider(`ws://127.0.0.1:${port}/ws`, boardId, doc, {
    // ws implements the WebSocket API y-websocket expects; its typings differ only nominally.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  })
}

export const whenSynced = (provider: WebsocketProvider, timeoutMs: number): Promise<boolean> =>
  waitFor(() => provider.synced, timeoutMs, 5)
