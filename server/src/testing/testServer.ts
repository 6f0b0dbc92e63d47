import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createServer, type JourneyboardServer } from '../app'
import { defaultConfig, type ServerConfig } from '../config'
import { createLogger } from '../log'
import type { BoardStore } from '../storage/BoardStore'
import { openSqliteStore } from '../storage/sqliteStore'

/**
 * Test harness: a real server on port 0 with a temp DATA_DIR, real sockets and the stock WebsocketProvider.
 * Log lines are captured as objects so tests can check that each close was logged with its reason.
 */
export interface TestServer {
  server: JourneyboardServer
  store: BoardStore
  dataDir: string
  httpUrl: string
  wsUrl: string
  logs: Record<string, unknown>[]
  /** Closes the server and the store; the data dir stays for a restart. */
  stop(): Promise<void>
}

export interface CreatedBoard {
  id: string
  title: string
  editToken: string
  viewToken: string
  editUrl: string
  viewUrl: string
}

// Test-only module state: every temp dir of a test file lives under one root, removed after the file
// (servers are restarted on the same dir, so no single test can own and delete it). Vitest gives each test
// file its own module instance, so this afterAll is registered once per file that uses the harness.
const tempRoot = mkdtempSync(path.join(tmpdir(), 'jb-server-'))
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }))

export const makeTempDir = () => mkdtempSync(path.join(tempRoot, 'case-'))
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true })

export async function startTestServer(
  options: {
    dataDir?: string
    config?: Partial<ServerConfig>
    /** Wraps the opened sqlite store, e.g. to make writes fail. */
    wrapStore?: (store: BoardStore) => BoardStore
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? path.join(makeTempDir(), 'data')
  const sqlite = openSqliteStore(dataDir)
  const store = options.wrapStore ? options.wrapStore(sqlite) : sqlite
  const logs: Record<string, unknown>[] = []
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void logs.push(JSON.parse(line)) },
  })
  const config: ServerConfig = {
    ...defaultConfig,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    staticDir: path.join(dataDir, 'no-client-here'),
    idleUnloadMs: 100,
    shutdownGraceMs: 300,
    ...options.config,
  }
  const server = createServer(config, store, logger)
  const { port } = await server.listen()
  return {
    server,
    store,
    dataDir,
    logs,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    stop: async () => {
      await server.close()
      await sqlite.close()
    },
  }
}

export async function createBoard(t: { httpUrl: string }, body: unknown = {}): Promise<CreatedBoard> {
  const res = await fetch(`${t.httpUrl}/api/boards`, { method: 'POST', body: JSON.stringify(body) })
  if (res.status !== 201) throw new Error(`creating a board failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as CreatedBoard
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Close codes the provider saw, in order. */
  closeCodes: number[]
  destroy(): void
}

export function connectClient(t: { wsUrl: string }, boardId: string, token: string): TestClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(t.wsUrl, boardId, doc, {
    params: { token },
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

/** The board's stored state: every stored update merged into a fresh doc. */
export async function storedDoc(store: BoardStore, boardId: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const row of await store.loadUpdates(boardId)) Y.applyUpdate(doc, row.update)
  return doc
}
