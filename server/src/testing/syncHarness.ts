import * as Y from 'yjs'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { defaultConfig, type ServerConfig } from '../config'
import { createLogger, newConnectionId } from '../log'
import { createMetrics, type Metrics } from '../metrics'
import type { Access, Role } from '../permissions/access'
import { type DocumentPolicies, documentPolicies } from '../permissions/documentPolicies'
import { type BoardDocument, contentDocument } from '../permissions/documents'
import type { BoardStore } from '../storage/BoardStore'
import { createMemoryStore } from '../storage/memoryStore'
import type { Connection } from '../sync/connection'
import { type JoinDeps, openConnection } from '../sync/join'
import { LinkSockets } from '../sync/linkSockets'
import { PersistQueue } from '../sync/persistQueue'
import type { OpenRelay } from '../sync/relay'
import type { Room } from '../sync/room'
import { Rooms } from '../sync/rooms'
import { MemorySocket } from './memorySocket'

// The sync core without a network, for the unit tests beside room, rooms, protocol and join: a memory
// store (or one given) with one board, a real persist queue and real Rooms, connections on
// MemorySockets, and the log lines kept as objects. Nothing is mocked; only the transport is in memory.

export interface SyncHarness extends JoinDeps {
  store: BoardStore
  queue: PersistQueue
  boardId: string
  logs: Record<string, unknown>[]
  /** A connection on a MemorySocket, with the rights `role` (and `participant`) give on `document`. */
  connect(
    role?: Role,
    options?: { document?: BoardDocument; participant?: string },
  ): { conn: Connection; socket: MemorySocket }
  /** The loaded room of one of the board's documents (the content by default). */
  open(document?: BoardDocument): Promise<Room>
  /** Unloads every room and stops the timers. */
  stop(): Promise<void>
}

export const contentOf: BoardDocument = { name: contentDocument, kind: 'content' }
export const facilitationOf: BoardDocument = { name: 'facilitation', kind: 'facilitation' }

export async function startSyncHarness(
  options: {
    config?: Partial<ServerConfig>
    store?: BoardStore
    policies?: DocumentPolicies
    /** Each room's relay (relay.ts); local sockets only when absent. */
    relays?: OpenRelay
    /** The board is already in the store (a second instance on a shared store): not created again. */
    boardExists?: boolean
  } = {},
): Promise<SyncHarness> {
  const store = options.store ?? createMemoryStore()
  const logs: Record<string, unknown>[] = []
  const log = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void logs.push(JSON.parse(line)) },
  })
  const config: ServerConfig = { ...defaultConfig, idleUnloadMs: 60_000, ...options.config }
  const metrics: Metrics = createMetrics({ connections: () => 0, boardsLoaded: () => 0 })
  const queue = new PersistQueue(store, log)
  const rooms = new Rooms({ store, queue, config, log, now: Date.now, relays: options.relays })
  const policies = options.policies ?? documentPolicies
  const boardId = 'BBBBBBBBBBBBBBBBBBBBBB'
  if (!options.boardExists) await createHarnessBoard(store, boardId)
  const deps = { rooms, log, metrics, config, policies, linkSockets: new LinkSockets() }
  return {
    ...deps,
    store,
    queue,
    boardId,
    logs,
    connect(role = 'edit', { document = contentOf, participant } = {}) {
      const socket = new MemorySocket()
      const access: Access = {
        role,
        participant: participant === undefined ? undefined : { id: participant },
      }
      const conn = openConnection(deps, socket, {
        boardId,
        document,
        access,
        connId: newConnectionId(),
        tokenHash: new Uint8Array(32),
      })
      return { conn, socket }
    },
    async open(document = contentOf) {
      const opened = await rooms.open(boardId, document)
      if (!opened.ok) throw new Error(`opening ${document.name} failed: ${opened.reason}`)
      return opened.room
    },
    stop: () => rooms.unloadAll('test over'),
  }
}

async function createHarnessBoard(store: BoardStore, boardId: string): Promise<void> {
  const initial = new Y.Doc()
  applyTemplate(initial, 'blank', { title: 'Harness board' })
  await store.createBoard(
    {
      id: boardId,
      title: 'Harness board',
      editTokenHash: new Uint8Array(32),
      viewTokenHash: new Uint8Array(32),
      createdAt: 1,
      noteCount: 0,
    },
    Y.encodeStateAsUpdate(initial),
  )
  initial.destroy()
}
