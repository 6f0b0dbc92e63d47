import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import type { ServerConfig } from './config'
import { createRequestHandler } from './http/requestHandler'
import type { Logger } from './log'
import { PersistQueue } from './persistQueue'
import { Rooms } from './rooms'
import type { BoardStore } from './storage/BoardStore'
import { createUpgradeHandler } from './upgrade'

/**
 * One Journeyboard server: HTTP + WebSocket on one port. Everything it uses is passed in, so a test can
 * run several servers (and a failing store) in one process. The store belongs to the caller: `close`
 * flushes into it but does not close it.
 */
export interface JourneyboardServer {
  listen(): Promise<AddressInfo>
  /** Stops accepting, flushes every room, closes sockets with 1001 and waits for them (at most shutdownGraceMs). */
  close(): Promise<void>
  address(): AddressInfo | null
}

export function createServer(
  config: ServerConfig,
  store: BoardStore,
  logger: Logger,
  clock: { now: () => number } = { now: Date.now },
): JourneyboardServer {
  const queue = new PersistQueue(store, logger)
  const rooms = new Rooms({ store, queue, config, log: logger, now: clock.now })
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })
  const http = createHttpServer(
    createRequestHandler({
      store,
      log: logger,
      now: clock.now,
      maxJsonBodyBytes: config.maxJsonBodyBytes,
      staticDir: config.staticDir,
    }),
  )
  http.on(
    'upgrade',
    createUpgradeHandler({
      wss,
      rooms,
      store,
      log: logger,
      pingIntervalMs: config.pingIntervalMs,
      isClosing: () => closing !== undefined,
    }),
  )
  let closing: Promise<void> | undefined

  async function close(): Promise<void> {
    const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()))
    rooms.unloadAll('server shutting down')
    const socketsClosed = Promise.all(
      [...wss.clients].map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve()))),
    )
    const grace = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownGraceMs).unref())
    await Promise.race([socketsClosed, grace])
    for (const ws of wss.clients) ws.terminate()
    http.closeAllConnections()
    await httpClosed
    logger.info('server closed')
  }

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject)
        http.listen(config.port, config.host, () => {
          http.off('error', reject)
          const address = http.address() as AddressInfo
          logger.info({ host: address.address, port: address.port }, 'listening')
          resolve(address)
        })
      }),
    close: () => {
      closing ??= close()
      return closing
    },
    address: () => {
      const address = http.address()
      return address && typeof address === 'object' ? address : null
    },
  }
}
