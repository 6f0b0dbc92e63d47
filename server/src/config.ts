/*
 * Every limit the server enforces, in one place, each with a default and its unit in the name
 * (the hocuspocus `defaultConfiguration` habit). `readConfigFromEnv` is the only reader of
 * process.env; everything else receives a `ServerConfig` as an argument.
 */

export interface ServerConfig {
  port: number
  host: string
  /** Directory holding journeyboard.sqlite; created if missing. Unused when `databaseUrl` is set. */
  dataDir: string
  /** postgres://… (DATABASE_URL): store boards in PostgreSQL instead of SQLite. Unset → SQLite in dataDir. */
  databaseUrl: string | undefined
  /**
   * redis://… (REDIS_URL): this server is one of several instances on one shared database (DATABASE_URL
   * required); stored updates and presence are relayed to the others through Redis (relay/redisRelay.ts).
   */
  redisUrl: string | undefined
  /**
   * On SIGTERM/SIGINT, how long /readyz answers 503 (and new WebSocket upgrades are refused) while the
   * open sockets are still served, before they are closed with 1012 "server restarting": the time a load
   * balancer needs to see the instance leave. 0 closes at once.
   */
  drainDelayMs: number
  /** Built client (vite output). Missing → a plain-text "run npm run build" page. */
  staticDir: string
  /** Largest WebSocket frame accepted; bigger frames close the socket with 1009. */
  maxMessageBytes: number
  /**
   * Frames a socket may send while its board is still loading are buffered up to this many bytes in
   * total (default 4 × maxMessageBytes); past it the socket closes with 1013.
   */
  maxLoadingBufferBytes: number
  /** Largest JSON request body for the HTTP API; bigger bodies get 413. */
  maxJsonBodyBytes: number
  /** Largest body of POST /api/boards/import (a board's JSON export); bigger bodies get 413. */
  maxImportBytes: number
  /** Board links one POST /api/boards/known may ask about; more get 400. */
  maxKnownBoards: number
  /** Templates saved from boards that the server keeps; a save past it gets 507. Not an env setting. */
  maxSavedTemplates: number
  /** PDF exports rendered at once, each in its own worker thread; more wait in a queue. */
  maxConcurrentPdfExports: number
  /** PDF exports waiting for a worker; past this the endpoint answers 503 with Retry-After. */
  maxQueuedPdfExports: number
  /** A PDF export still rendering after this long is stopped (its worker terminated) and answered 500. */
  pdfExportTimeoutMs: number
  /** How long a board with no connections stays in memory before it is flushed and unloaded. */
  idleUnloadMs: number
  /** A board with more stored update rows than this is compacted into one row. */
  compactEveryUpdates: number
  /** Interval between WebSocket pings; a socket that has not answered the previous ping is terminated. */
  pingIntervalMs: number
  /**
   * How long a socket that owns a presence id another socket announces has to answer a ping before it
   * is taken for the dead connection of a reconnected client and terminated (livenessProbe.ts).
   */
  awarenessProbeTimeoutMs: number
  /** The boards row (title, note count, updatedAt) is rewritten at most this often per board. */
  summaryDebounceMs: number
  /** Grace period for sockets to finish their close handshake on shutdown before they are terminated. */
  shutdownGraceMs: number
  /**
   * Sync messages (updates, sync steps) one socket may send per second on average, and in one burst
   * (token bucket). Dragging and fast typing send 60+ a second, so the defaults are generous; past
   * them the socket closes with 4529 and the client reconnects and resyncs.
   */
  maxUpdatesPerSecond: number
  updateBurst: number
  /** Awareness messages per socket per second; extra ones are coalesced (only the latest is applied). */
  maxAwarenessPerSecond: number
  /** Entries one awareness message may carry, and clientIDs one socket may own; the rest are dropped. */
  maxAwarenessEntries: number
  /** Largest awareness state (JSON) accepted; larger entries are dropped. */
  maxAwarenessStateBytes: number
  /** Sockets on one board; the next upgrade gets 503. */
  maxConnectionsPerBoard: number
  /** Sockets from one client IP; the next upgrade gets 429. */
  maxConnectionsPerIp: number
  /**
   * Boards one client IP may create per minute on average, and at once (token bucket); past it
   * POST /api/boards gets 429 with Retry-After. Loopback follows exemptLoopbackFromIpLimit.
   */
  createBoardsPerMinute: number
  createBoardBurst: number
  /** 127.0.0.0/8 and ::1 are not counted per IP, for sockets and board creation (benchmarks open thousands). */
  exemptLoopbackFromIpLimit: boolean
  /**
   * Proxies in front of the server whose X-Forwarded-For entries are trusted (0 = ignore the header).
   * The client IP is the entry this many hops from the right of `X-Forwarded-For, remote address`.
   */
  trustProxyHops: number
  /** Boards held in memory; past it idle ones are unloaded first, else a join is refused (503 / 1013). */
  maxLoadedBoards: number
  /** Largest encoded document; an update that would push a board past it is refused (4413), not stored. */
  maxDocBytes: number
  /** Bytes of updates waiting for missing dependencies per board; past it they are dropped (4424). */
  maxPendingBytes: number
  /** Bytes queued for one socket that is not reading; past it the socket is terminated (it resyncs). */
  maxBufferedBytes: number
  /**
   * Largest piece of a board sent to a joining client in one message, and of a compacted row. A
   * WebSocket message arrives only once all of it has, and the stock client reconnects after 30 s
   * without one, so a large board goes out as many messages of at most this size (syncReply.ts):
   * 512 KiB is 2.6 s at 200 KB/s. Keep it well below maxBufferedBytes.
   */
  syncChunkBytes: number
  /**
   * Browser origins allowed to open a WebSocket (exact `scheme://host[:port]`). Empty: only the
   * server's own origin (the Origin's host equals the Host header). Requests without Origin pass.
   */
  allowedOrigins: string[]
  /** When set, GET /metrics requires `Authorization: Bearer <metricsToken>`. */
  metricsToken: string | undefined
  /**
   * The operator's token: GET /api/boards (every board's title and note count) answers only with
   * `Authorization: Bearer <adminToken>`. Unset, that list is not served at all (403).
   */
  adminToken: string | undefined
}

const MiB = 1024 * 1024
const KiB = 1024

export const defaultConfig: ServerConfig = {
  port: 8080,
  host: '0.0.0.0',
  dataDir: './data',
  databaseUrl: undefined,
  redisUrl: undefined,
  drainDelayMs: 0,
  staticDir: 'dist/client',
  maxMessageBytes: 8 * MiB,
  maxLoadingBufferBytes: 4 * 8 * MiB,
  maxJsonBodyBytes: 64 * KiB,
  maxImportBytes: 16 * MiB,
  maxKnownBoards: 200,
  maxSavedTemplates: 500,
  maxConcurrentPdfExports: 1,
  maxQueuedPdfExports: 8,
  pdfExportTimeoutMs: 60_000,
  idleUnloadMs: 30_000,
  compactEveryUpdates: 500,
  pingIntervalMs: 30_000,
  awarenessProbeTimeoutMs: 3_000,
  summaryDebounceMs: 2_000,
  shutdownGraceMs: 1_000,
  maxUpdatesPerSecond: 200,
  updateBurst: 400,
  maxAwarenessPerSecond: 30,
  maxAwarenessEntries: 20,
  maxAwarenessStateBytes: 64 * KiB,
  maxConnectionsPerBoard: 500,
  maxConnectionsPerIp: 200,
  createBoardsPerMinute: 30,
  createBoardBurst: 10,
  exemptLoopbackFromIpLimit: true,
  trustProxyHops: 0,
  maxLoadedBoards: 2_000,
  maxDocBytes: 64 * MiB,
  maxPendingBytes: 1 * MiB,
  maxBufferedBytes: 16 * MiB,
  syncChunkBytes: 512 * KiB,
  allowedOrigins: [],
  metricsToken: undefined,
  adminToken: undefined,
}

type Env = Record<string, string | undefined>

function readInt(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    // Startup is the one place where throwing is right: a typo in the environment should stop the process.
    throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`)
  }
  return value
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === '') return fallback
  if (raw === 'true' || raw === '1') return true
  if (raw === 'false' || raw === '0') return false
  throw new Error(`${name} must be true or false, got ${JSON.stringify(env[name])}`)
}

function readOrigins(env: Env, name: string): string[] {
  const list = (env[name] ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
  for (const origin of list) {
    // An origin is exactly scheme://host[:port]; a trailing slash or path would never match a browser's.
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new Error(`${name} entries must look like https://host[:port], got ${JSON.stringify(origin)}`)
  }
  return list
}

function readDatabaseUrl(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim()
  if (!raw) return undefined
  // Only PostgreSQL is selected by URL; anything else is a typo that must not fall back to SQLite silently.
  if (!/^postgres(ql)?:\/\/\S+$/.test(raw))
    throw new Error(
      `${name} must be a postgres:// or postgresql:// URL, got a value starting ${JSON.stringify(raw.slice(0, 12))}`,
    )
  return raw
}

function readRedisUrl(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim()
  if (!raw) return undefined
  if (!/^rediss?:\/\/\S+$/.test(raw))
    throw new Error(
      `${name} must be a redis:// or rediss:// URL, got a value starting ${JSON.stringify(raw.slice(0, 8))}`,
    )
  return raw
}

export function readConfigFromEnv(env: Env): ServerConfig {
  const databaseUrl = readDatabaseUrl(env, 'DATABASE_URL')
  const redisUrl = readRedisUrl(env, 'REDIS_URL')
  // Each instance would otherwise write its own SQLite file in its own DATA_DIR: the relay would carry
  // edits that only one instance's store holds, and a client reconnecting elsewhere would lose them.
  if (redisUrl && !databaseUrl)
    throw new Error(
      'REDIS_URL is set but DATABASE_URL is not: instances relaying through Redis must share a store; set DATABASE_URL=postgres://… (SQLite is for a single instance)',
    )
  const maxMessageBytes = readInt(env, 'MAX_MESSAGE_BYTES', defaultConfig.maxMessageBytes, 1024)
  return {
    ...defaultConfig,
    port: readInt(env, 'PORT', defaultConfig.port, 0),
    host: env.HOST || defaultConfig.host,
    dataDir: env.DATA_DIR || defaultConfig.dataDir,
    databaseUrl,
    redisUrl,
    drainDelayMs: readInt(env, 'DRAIN_DELAY_MS', defaultConfig.drainDelayMs, 0),
    staticDir: env.STATIC_DIR || defaultConfig.staticDir,
    maxMessageBytes,
    maxLoadingBufferBytes: 4 * maxMessageBytes,
    idleUnloadMs: readInt(env, 'IDLE_UNLOAD_MS', defaultConfig.idleUnloadMs, 0),
    compactEveryUpdates: readInt(env, 'COMPACT_EVERY_UPDATES', defaultConfig.compactEveryUpdates, 1),
    pingIntervalMs: readInt(env, 'PING_INTERVAL_MS', defaultConfig.pingIntervalMs, 100),
    awarenessProbeTimeoutMs: readInt(
      env,
      'AWARENESS_PROBE_TIMEOUT_MS',
      defaultConfig.awarenessProbeTimeoutMs,
      100,
    ),
    maxUpdatesPerSecond: readInt(env, 'MAX_UPDATES_PER_SECOND', defaultConfig.maxUpdatesPerSecond, 1),
    updateBurst: readInt(env, 'UPDATE_BURST', defaultConfig.updateBurst, 1),
    maxAwarenessPerSecond: readInt(env, 'MAX_AWARENESS_PER_SECOND', defaultConfig.maxAwarenessPerSecond, 1),
    maxAwarenessEntries: readInt(env, 'MAX_AWARENESS_ENTRIES', defaultConfig.maxAwarenessEntries, 1),
    maxAwarenessStateBytes: readInt(
      env,
      'MAX_AWARENESS_STATE_BYTES',
      defaultConfig.maxAwarenessStateBytes,
      256,
    ),
    maxConnectionsPerBoard: readInt(
      env,
      'MAX_CONNECTIONS_PER_BOARD',
      defaultConfig.maxConnectionsPerBoard,
      1,
    ),
    maxConnectionsPerIp: readInt(env, 'MAX_CONNECTIONS_PER_IP', defaultConfig.maxConnectionsPerIp, 1),
    createBoardsPerMinute: readInt(env, 'CREATE_BOARDS_PER_MINUTE', defaultConfig.createBoardsPerMinute, 1),
    createBoardBurst: readInt(env, 'CREATE_BOARD_BURST', defaultConfig.createBoardBurst, 1),
    exemptLoopbackFromIpLimit: readBool(
      env,
      'EXEMPT_LOOPBACK_FROM_IP_LIMIT',
      defaultConfig.exemptLoopbackFromIpLimit,
    ),
    trustProxyHops: readInt(env, 'TRUST_PROXY', defaultConfig.trustProxyHops, 0),
    maxConcurrentPdfExports: readInt(env, 'PDF_EXPORT_CONCURRENCY', defaultConfig.maxConcurrentPdfExports, 1),
    maxQueuedPdfExports: readInt(env, 'PDF_EXPORT_QUEUE', defaultConfig.maxQueuedPdfExports, 0),
    pdfExportTimeoutMs: readInt(env, 'PDF_EXPORT_TIMEOUT_MS', defaultConfig.pdfExportTimeoutMs, 1_000),
    maxLoadedBoards: readInt(env, 'MAX_LOADED_BOARDS', defaultConfig.maxLoadedBoards, 1),
    maxImportBytes: readInt(env, 'MAX_IMPORT_BYTES', defaultConfig.maxImportBytes, 64 * KiB),
    maxDocBytes: readInt(env, 'MAX_DOC_BYTES', defaultConfig.maxDocBytes, 64 * KiB),
    maxPendingBytes: readInt(env, 'MAX_PENDING_BYTES', defaultConfig.maxPendingBytes, 1024),
    maxBufferedBytes: readInt(env, 'MAX_BUFFERED_BYTES', defaultConfig.maxBufferedBytes, 64 * KiB),
    syncChunkBytes: readInt(env, 'SYNC_CHUNK_BYTES', defaultConfig.syncChunkBytes, 4 * KiB),
    allowedOrigins: readOrigins(env, 'ALLOWED_ORIGINS'),
    metricsToken: env.METRICS_TOKEN || undefined,
    adminToken: env.ADMIN_TOKEN || undefined,
  }
}
