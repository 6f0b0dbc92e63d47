import type { Distribution } from '../infra/percentiles'
import { readProcSample } from '../infra/procStats'
import { LoadProcess } from './loadProcess'
import type { SyncServer } from './syncServer'

/**
 * One load against one freshly started server: R rooms × C clients connect, the writers write at
 * `writeHz` for `durationMs`, and the server's CPU time over that window and its peak RSS are read
 * from /proc. Server and load process are stopped whatever happens.
 */
export interface LoadSpec {
  rooms: number
  clientsPerRoom: number
  durationMs: number
  writeHz: number
}

export interface LoadResult {
  server: SyncServer['name']
  rooms: number
  clientsPerRoom: number
  connections: number
  syncFailed: number
  syncFailures: string[]
  connectMs: number
  latencyMs: Distribution
  updatesPerSec: number
  sent: number
  lost: number
  disconnected: number
  serverCpuSeconds: number
  serverPeakRssMiB: number
  /** The load process's own CPU and event-loop delay: if it saturates, latencies are its, not the server's. */
  loadCpuSeconds: number
  loadLoopDelayP99Ms: number
}

const connectTimeoutMs = 20_000
const connectConcurrency = 50
/** No update for this long after the writers stopped: the rest are lost. */
const drainMs = 3_000

export async function runLoad(startServer: () => Promise<SyncServer>, spec: LoadSpec): Promise<LoadResult> {
  const server = await startServer()
  const load = LoadProcess.start()
  try {
    const urls: string[] = []
    for (let i = 0; i < spec.rooms; i++) urls.push(await server.roomUrl(i))
    const connections = spec.rooms * spec.clientsPerRoom
    const connected = await load.request(
      {
        cmd: 'connect',
        rooms: urls,
        clientsPerRoom: spec.clientsPerRoom,
        timeoutMs: connectTimeoutMs,
        concurrency: connectConcurrency,
      },
      'connected',
      connectTimeoutMs * Math.ceil(connections / connectConcurrency) + 10_000,
    )
    const before = readProcSample(server.pid)
    const written = await load.request(
      { cmd: 'write', hz: spec.writeHz, durationMs: spec.durationMs, drainMs, warmupMs: 1_000 },
      'written',
      spec.durationMs + 60_000,
    )
    const after = readProcSample(server.pid)
    return {
      server: server.name,
      rooms: spec.rooms,
      clientsPerRoom: spec.clientsPerRoom,
      connections,
      syncFailed: connected.failed,
      syncFailures: connected.failures,
      connectMs: connected.ms,
      latencyMs: written.latencyMs,
      updatesPerSec: written.observedUpdatesPerSec,
      sent: written.sent,
      lost: written.lost,
      disconnected: written.disconnected,
      serverCpuSeconds: Number(((after?.cpuSeconds ?? 0) - (before?.cpuSeconds ?? 0)).toFixed(2)),
      serverPeakRssMiB: Number((after?.peakRssMiB ?? 0).toFixed(1)),
      loadCpuSeconds: written.workerCpuSeconds,
      loadLoopDelayP99Ms: written.workerLoopDelayP99Ms,
    }
  } finally {
    await load.stop()
    await server.stop()
  }
}
