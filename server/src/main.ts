import { createServer, type InstanceOptions } from './app'
import { readConfigFromEnv } from './config'
import { createLogger } from './log'
import { createRedisRelays, type RedisRelays } from './relay/redisRelay'
import type { BoardStore } from './storage/BoardStore'
import { openPostgresStore } from './storage/postgresStore'
import { openSqliteStore } from './storage/sqliteStore'

// Entry point for `npm start`: config from the environment, SQLite in DATA_DIR (or PostgreSQL at
// DATABASE_URL, and with REDIS_URL one of several instances relaying through Redis), graceful drain.
const shutdownDeadlineMs = 5_000

const logger = createLogger({ level: process.env.LOG_LEVEL })
const config = readConfigOrExit()
const store = await openStoreOrExit()
const relays: RedisRelays | undefined = config.redisUrl
  ? createRedisRelays(config.redisUrl, logger)
  : undefined
const instance: InstanceOptions = relays
  ? { relays: relays.open, readiness: [{ name: 'redis', check: () => relays.ping() }] }
  : {}
const server = createServer(config, store, logger, undefined, undefined, instance)

function exitNaming(message: string, error: unknown): never {
  logger.fatal({ err: error }, message)
  process.stderr.write(`journeyboard: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}

/** A typo or a contradiction in the environment (REDIS_URL without DATABASE_URL) stops the start. */
function readConfigOrExit() {
  try {
    return readConfigFromEnv(process.env)
  } catch (error) {
    return exitNaming('invalid configuration; not starting', error)
  }
}

/**
 * A database that is missing, corrupt, unreadable or unreachable (or a PostgreSQL schema newer than this
 * server) stops the start: exit 1, naming the cause.
 */
async function openStoreOrExit(): Promise<BoardStore> {
  try {
    if (config.databaseUrl) return await openPostgresStore(config.databaseUrl, { log: logger })
    return openSqliteStore(config.dataDir, { log: logger })
  } catch (error) {
    return exitNaming('cannot open the database; not starting', error)
  }
}

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, 'shutting down')
  // Never hang past the deadline, even if a socket refuses to close.
  setTimeout(() => {
    logger.error('shutdown took too long; exiting')
    process.exit(1)
  }, config.drainDelayMs + shutdownDeadlineMs).unref()
  // Flushed into the store before the relay closes, so the last edits still reach the other instances.
  await server.drain()
  await relays?.close()
  await store.close()
  logger.info('shut down')
  process.exit(0)
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void shutdown(signal))
}

// A bug must not take every board down, but it must be visible.
process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'))
process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled rejection'))

await server.listen()
