/**
 * Every limit the server enforces, in one place, each with a default and its unit in the name
 * (the hocuspocus `defaultConfiguration` habit). `readConfigFromEnv` is the only reader of
 * process.env; everything else receives a `ServerConfig` as an argument.
 */
export interface ServerConfig {
  port: number
  host: string
  /** Directory holding journeyboard.sqlite; created if missing. */
  dataDir: string
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
  /** How long a board with no connections stays in memory before it is flushed and unloaded. */
  idleUnloadMs: number
  /** A board with more stored update rows than this is compacted into one row. */
  compactEveryUpdates: number
  /** Interval between WebSocket pings; a socket that has not answered the previous ping is terminated. */
  pingIntervalMs: number
  /** The boards row (title, note count, updatedAt) is rewritten at most this often per board. */
  summaryDebounceMs: number
  /** Grace period for sockets to finish their close handshake on shutdown before they are terminated. */
  shutdownGraceMs: number
}

const MiB = 1024 * 1024
const KiB = 1024

export const defaultConfig: ServerConfig = {
  port: 8080,
  host: '0.0.0.0',
  dataDir: './data',
  staticDir: 'dist/client',
  maxMessageBytes: 8 * MiB,
  maxLoadingBufferBytes: 4 * 8 * MiB,
  maxJsonBodyBytes: 64 * KiB,
  idleUnloadMs: 30_000,
  compactEveryUpdates: 500,
  pingIntervalMs: 30_000,
  summaryDebounceMs: 2_000,
  shutdownGraceMs: 1_000,
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

export function readConfigFromEnv(env: Env): ServerConfig {
  const maxMessageBytes = readInt(env, 'MAX_MESSAGE_BYTES', defaultConfig.maxMessageBytes, 1024)
  return {
    ...defaultConfig,
    port: readInt(env, 'PORT', defaultConfig.port, 0),
    host: env.HOST || defaultConfig.host,
    dataDir: env.DATA_DIR || defaultConfig.dataDir,
    staticDir: env.STATIC_DIR || defaultConfig.staticDir,
    maxMessageBytes,
    maxLoadingBufferBytes: 4 * maxMessageBytes,
    idleUnloadMs: readInt(env, 'IDLE_UNLOAD_MS', defaultConfig.idleUnloadMs, 0),
    compactEveryUpdates: readInt(env, 'COMPACT_EVERY_UPDATES', defaultConfig.compactEveryUpdates, 1),
    pingIntervalMs: readInt(env, 'PING_INTERVAL_MS', defaultConfig.pingIntervalMs, 100),
  }
}
