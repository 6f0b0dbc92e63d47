import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/*
 * The client side of the test harness: connect stock WebsocketProviders (and createBoard.ts, re-exported).
 * No vitest import, so code outside a test run (the crash harness under `npm run bench`) can use it.
 */

export { type CreatedBoard, createBoard } from './createBoard'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Close codes the provider saw, in order. */
  closeCodes: number[]
  destroy(): void
}

export interface ClientOptions {
  /** Another document of the board than its content (`facilitation`, `private/<id>`). */
  document?: string
  /** The browser's participant secret, sent as `participant=`. */
  participant?: string
}

/**
 * The stock provider, as a browser uses it: another document of the board is the room name
 * `<boardId>/<document>` (the provider connects to `serverUrl + '/' + roomName`).
 */
export function connectClient(
  t: { wsUrl: string },
  boardId: string,
  token: string,
  options: ClientOptions = {},
): TestClient {
  const doc = new Y.Doc()
  const roomName = options.document === undefined ? boardId : `${boardId}/${options.document}`
  const params: Record<string, string> = { token }
  if (options.participant !== undefined) params.participant = options.participant
  const provider = new WebsocketProvider(t.wsUrl, roomName, doc, {
    params,
    // The provider's type wants the DOM WebSocket; ws implements the part it uses.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has BroadcastChannel: without this, clients in one test process would sync past the server.
    disableBc: true,
    maxBackoffTime: 200,
  })
  const closeCodes: number[] = []
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code)
  })
  return {
    doc,
    provider,
    closeCodes,
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

export const synced = (client: TestClient) =>
  waitFor(() => client.provider.synced, `client ${client.doc.clientID} to sync`)

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const started = Date.now()
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
