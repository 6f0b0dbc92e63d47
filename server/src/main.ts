import { createServer } from './app'
import { readConfigFromEnv } from './config'
import { createLogger } from './log'
import type { BoardStore } from './storage/BoardStore'
import { openPostgresStore } from './storage/postgresStore'
import { openSqliteStore } from './storage/sqliteStore'

// Entry point for `npm start`: config from the environment, SQLite in DATA_DIR (or PostgreSQL at
// DATABASE_URL), graceful shutdown.
const shutdownDeadlineMs = 5_000

const logger = createLogger({ level: process.env.LOG_LEVEL })
const config = readConfigFromEnv(process.env)
const store = await openStoreOrExit()
const server = createServer(config, store, logger)

/**
 * A database that is missing, corrupt, unreadable or unreachable (or a PostgreSQL schema newer than this
 * server) stops the start: exit 1, naming the cause.
 */
async function openStoreOrExit(): Promise<BoardStore> {
  try {
    if (config.databaseUrl) return await openPostgresStore(config.databaseUrl, { log: logger })
    return openSqliteStore(config.dataDir, { log: logger })
  } catch (error) {
    logger.fatal({ err: error }, 'cannot open the database; not starting')
    process.stderr.write(`journeyboard: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, 'shutting down')
  // Never hang past the deadline, even if a socket refuses to close.
  setTimeout(() => {
    logger.error('shutdown took too long; exiting')
    process.exit(1)
  }, shutdownDeadlineMs).unref()
  await server.close()
  await store.close()
  process.exit(0)
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void shutdown(signal))
}

// A bug must not take every board down, but it must be visible.
process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'))
process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled rejection'))

await server.listen()
