import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { closeCodes } from './closeCodes'
import type { ServerConfig } from './config'
import { withDotsRule } from './facilitation/dotsPolicy'
import { VoteTally } from './facilitation/voteTally'
import { PdfExporter } from './http/pdfExporter'
import type { ReadinessCheck } from './http/readiness'
import { createRequestHandler } from './http/requestHandler'
import { ConnectionCaps } from './limits/connectionCaps'
import { IpRateLimit } from './limits/ipRateLimit'
import type { Logger } from './log'
import { createMetrics } from './metrics'
import { type DocumentPolicies, documentPolicies } from './permissions/documentPolicies'
import type { BoardStore } from './storage/BoardStore'
import { LinkSockets } from './sync/linkSockets'
import { PersistQueue } from './sync/persistQueue'
import type { OpenRelay } from './sync/relay'
import { Rooms } from './sync/rooms'
import { createUpgradeHandler } from './upgrade'

/*
 * One Journeyboard server: HTTP + WebSocket on one port. Everything it uses is passed in, so a test can
 * run several servers (and a failing or slow store) in one process. The store belongs to the caller:
 * `close` flushes into it but does not close it.
 */

export interface JourneyboardServer {
  listen(): Promise<AddressInfo>
  /**
   * Stops accepting, awaits the write in flight and flushes every room, closes sockets with 1012 "server
   * restarting" (the client reconnects, to another instance behind a balancer) and waits for them (at
   * most shutdownGraceMs).
   */
  close(): Promise<void>
  /**
   * SIGTERM: /readyz answers 503 and new WebSocket upgrades are refused at once, the open sockets are
   * served for config.drainDelayMs more (the balancer notices), then `close`.
   */
  drain(): Promise<void>
  address(): AddressInfo | null
}

/** What only a server that is one of several instances has (main.ts wires them from REDIS_URL). */
export interface InstanceOptions {
  /** Each room's relay to the other instances (relay/redisRelay.ts); this instance's sockets only when absent. */
  relays?: OpenRelay
  /** Readiness checks besides the database's (GET /readyz): Redis, when relaying through it. */
  readiness?: ReadinessCheck[]
}

const restartReason = 'server restarting'
/** Longer than a healthy database or Redis takes, shorter than a balancer's probe timeout. */
const readinessTimeoutMs = 2_000

export function createServer(
  config: ServerConfig,
  store: BoardStore,
  logger: Logger,
  clock: { now: () => number } = { now: Date.now },
  /** Who may read and write each kind of document (permissions/documentPolicies.ts). */
  basePolicies: DocumentPolicies = documentPolicies,
  instance: InstanceOptions = {},
): JourneyboardServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })
  // Declared before rooms exist; the gauges read them only when scraped.
  const metrics = createMetrics({ connections: () => wss.clients.size, boardsLoaded: () => rooms.size })
  const queue = new PersistQueue(store, logger, (seconds) => metrics.persistSeconds.observe(seconds))
  const rooms: Rooms = new Rooms({
    store,
    queue,
    config,
    log: logger,
    now: clock.now,
    relays: instance.relays,
    onLoaded: (room) => voteTally.watch(room),
  })
  // Issue 16: the server checks each dots update against the vote and counts the ballots.
  const voteTally = new VoteTally({ rooms, store, log: logger, debounceMs: 150 })
  const policies = withDotsRule(
    basePolicies,
    {
      facilitation: (boardId) => rooms.loaded(boardId, 'facilitation')?.doc,
      content: (boardId) => rooms.loaded(boardId, 'content')?.doc,
    },
    clock.now,
  )
  const pdfExporter = new PdfExporter({
    maxConcurrent: config.maxConcurrentPdfExports,
    maxQueued: config.maxQueuedPdfExports,
    timeoutMs: config.pdfExportTimeoutMs,
  })
  const linkSockets = new LinkSockets(clock.now)
  const ping = store.ping?.bind(store)
  const http = createHttpServer(
    createRequestHandler({
      store,
      log: logger,
      now: clock.now,
      policies,
      maxJsonBodyBytes: config.maxJsonBodyBytes,
      maxImportBytes: config.maxImportBytes,
      maxDocBytes: config.maxDocBytes,
      maxKnownBoards: config.maxKnownBoards,
      maxSavedTemplates: config.maxSavedTemplates,
      adminToken: config.adminToken,
      createLimit: new IpRateLimit(
        {
          perMinute: config.createBoardsPerMinute,
          burst: config.createBoardBurst,
          exemptLoopback: config.exemptLoopbackFromIpLimit,
        },
        clock.now,
      ),
      trustProxyHops: config.trustProxyHops,
      staticDir: config.staticDir,
      metrics,
      metricsToken: config.metricsToken,
      pdfExporter,
      linkSockets,
      readiness: {
        checks: [...(ping ? [{ name: 'database', check: ping }] : []), ...(instance.readiness ?? [])],
        isDraining: () => draining,
        timeoutMs: readinessTimeoutMs,
      },
    }),
  )
  http.on(
    'upgrade',
    createUpgradeHandler({
      wss,
      rooms,
      store,
      log: logger,
      metrics,
      config,
      policies,
      caps: new ConnectionCaps(config),
      linkSockets,
      isClosing: () => draining,
    }),
  )
  let closing: Promise<void> | undefined
  let draining = false

  async function close(): Promise<void> {
    draining = true
    const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()))
    await pdfExporter.close()
    voteTally.close()
    try {
      await rooms.unloadAll(restartReason, closeCodes.serviceRestart)
    } catch (error) {
      logger.error({ err: error }, 'unloading rooms on shutdown failed')
    }
    const socketsClosed = Promise.all(
      [...wss.clients].map((ws) => {
        // Sockets whose room never finished loading are not in any room; close them here.
        if (ws.readyState === ws.OPEN) ws.close(closeCodes.serviceRestart, restartReason)
        return ws.readyState === ws.CLOSED
          ? Promise.resolve()
          : new Promise<void>((resolve) => ws.once('close', () => resolve()))
      }),
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
    async drain() {
      draining = true
      if (closing === undefined && config.drainDelayMs > 0) {
        logger.info(
          { drainDelayMs: config.drainDelayMs },
          'draining: not ready, closing sockets after the delay',
        )
        await new Promise((resolve) => setTimeout(resolve, config.drainDelayMs))
      }
      closing ??= close()
      return closing
    },
    address: () => {
      const address = http.address()
      return address && typeof address === 'object' ? address : null
    },
  }
}
