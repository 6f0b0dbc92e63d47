import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/*
 * Prometheus metrics of one server instance. Each server gets its own Registry (never prom-client's
 * global default), so two servers in one test process keep separate counts. Gauges that mirror state
 * (connections, boards loaded) are read when scraped, so they can never drift from the truth.
 */

export type RejectReason =
  | 'text-frame'
  | 'frame-too-big'
  | 'malformed'
  | 'invalid-update'
  | 'read-only'
  | 'write-refused'
  | 'rate-limited'
  | 'doc-too-large'
  | 'pending-overflow'
  | 'loading-buffer-full'
  | 'awareness-foreign-client'
  | 'awareness-too-many-entries'
  | 'awareness-state-too-large'
  | 'awareness-throttled'
  | 'slow-consumer'

export type UpgradeRefusal =
  | 'origin'
  | 'token'
  | 'unknown-board'
  | 'unknown-document'
  | 'participant'
  | 'forbidden'
  | 'board-full'
  | 'ip-limit'
  | 'boards-limit'
  | 'shutting-down'

export interface Metrics {
  readonly registry: Registry
  readonly updatesReceived: Counter
  readonly bytesReceived: Counter
  readonly bytesSent: Counter
  readonly persistSeconds: Histogram
  readonly rejectedMessages: Counter<'reason'>
  readonly upgradesRefused: Counter<'reason'>
  readonly httpRequests: Counter<'route' | 'status'>
}

export interface MetricSources {
  connections: () => number
  boardsLoaded: () => number
}

export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry()
  const registers = [registry]
  collectDefaultMetrics({ register: registry, prefix: 'journeyboard_' })
  new Gauge({
    name: 'journeyboard_connections',
    help: 'Open WebSocket connections',
    registers,
    collect() {
      this.set(sources.connections())
    },
  })
  new Gauge({
    name: 'journeyboard_boards_loaded',
    help: 'Boards held in memory (loaded or loading)',
    registers,
    collect() {
      this.set(sources.boardsLoaded())
    },
  })
  return {
    registry,
    updatesReceived: new Counter({
      name: 'journeyboard_updates_received_total',
      help: 'Yjs updates (sync step 2 and update messages) received from editors',
      registers,
    }),
    bytesReceived: new Counter({
      name: 'journeyboard_ws_received_bytes_total',
      help: 'WebSocket payload bytes received',
      registers,
    }),
    bytesSent: new Counter({
      name: 'journeyboard_ws_sent_bytes_total',
      help: 'WebSocket payload bytes sent',
      registers,
    }),
    persistSeconds: new Histogram({
      name: 'journeyboard_persist_seconds',
      help: 'Time to store one batch of updates (one appendUpdates call)',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    rejectedMessages: new Counter({
      name: 'journeyboard_rejected_messages_total',
      help: 'WebSocket messages (or awareness entries) refused or dropped, by reason',
      labelNames: ['reason'],
      registers,
    }),
    upgradesRefused: new Counter({
      name: 'journeyboard_upgrades_refused_total',
      help: 'WebSocket upgrades refused before the handshake, by reason',
      labelNames: ['reason'],
      registers,
    }),
    httpRequests: new Counter({
      name: 'journeyboard_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['route', 'status'],
      registers,
    }),
  }
}

export const reject = (metrics: Metrics, reason: RejectReason, count = 1) =>
  metrics.rejectedMessages.inc({ reason }, count)
