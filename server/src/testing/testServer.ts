import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import * as Y from 'yjs'
import { createServer, type JourneyboardServer } from '../app'
import { defaultConfig, type ServerConfig } from '../config'
import { createLogger } from '../log'
import type { DocumentPolicies } from '../permissions/documentPolicies'
import { contentDocument } from '../permissions/documents'
import type { BoardStore } from '../storage/BoardStore'
import { openSqliteStore } from '../storage/sqliteStore'

// The client side lives in clients.ts, which imports no vitest, so the crash harness (and the bench) can use it.
export {
  type CreatedBoard,
  connectClient,
  createBoard,
  sleep,
  synced,
  type TestClient,
  waitFor,
} from './clients'

/*
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
    /** Instead of the server's document policies, e.g. one with a judgeUpdate hook. */
    policies?: DocumentPolicies
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
  const server = createServer(config, store, logger, undefined, options.policies)
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

/** A document's stored state (the board's content by default): every stored update merged into a fresh doc. */
export async function storedDoc(
  store: BoardStore,
  boardId: string,
  document = contentDocument,
): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const row of await store.loadUpdates(boardId, document)) Y.applyUpdate(doc, row.update)
  return doc
}
