import type { Distribution } from '../infra/percentiles'
import { readProcSample } from '../infra/procStats'
import { sleep } from '../infra/waitFor'
import { LoadProcess } from './loadProcess'
import type { SyncServer } from './syncServer'

/**
 * How many idle connections one server holds under an RSS budget. Connections arrive in steps, in
 * rooms of `clientsPerRoom` (a workshop, not one giant room); after each step the server's RSS is read.
 * The ramp stops at the target, at the budget, or at the first connection that fails to sync. Then every
 * connection writes once a minute (random phase) for `holdMs`, to show the server still relays.
 */
export interface CapacitySpec {
  target: number
  step: number
  clientsPerRoom: number
  holdMs: number
  rssBudgetMiB: number
}

export interface CapacityResult {
  server: SyncServer['name']
  target: number
  /** Most connections held with RSS under the budget and every connection synced. */
  held: number
  rssMiBAtHeld: number
  baselineRssMiB: number
  /** (RSS at held − RSS before any connection) / held. */
  kibPerConnection: number
  peakRssMiB: number
  syncFailed: number
  stoppedBecause: 'target reached' | 'rss budget' | 'sync failures'
  steps: { connections: number; rssMiB: number; failed: number; connectMs: number }[]
  holdLatencyMs: Distribution
  holdSent: number
  holdLost: number
  holdDisconnected: number
  holdServerCpuSeconds: number
}

const settleMs = 1_000
const connectTimeoutMs = 30_000
const connectConcurrency = 100
/** No update for this long after the writers stopped: the rest are lost. */
const drainMs = 3_000

export async function runCapacity(
  startServer: () => Promise<SyncServer>,
  spec: CapacitySpec,
): Promise<CapacityResult> {
  const server = await startServer()
  const load = LoadProcess.start()
  try {
    await sleep(settleMs)
    const baselineRssMiB = readProcSample(server.pid)?.rssMiB ?? 0
    const steps: CapacityResult['steps'] = []
    let held = 0
    let rssMiBAtHeld = baselineRssMiB
    let syncFailed = 0
    let stoppedBecause: CapacityResult['stoppedBecause'] = 'target reached'
    let roomIndex = 0
    while (held < spec.target) {
      const count = Math.min(spec.step, spec.target - held)
      const urls: string[] = []
      for (let i = 0; i < Math.ceil(count / spec.clientsPerRoom); i++)
        urls.push(await server.roomUrl(roomIndex++))
      const connected = await load.request(
        {
          cmd: 'connect',
          rooms: urls,
          clientsPerRoom: spec.clientsPerRoom,
          timeoutMs: connectTimeoutMs,
          concurrency: connectConcurrency,
        },
        'connected',
        connectTimeoutMs * Math.ceil(count / connectConcurrency) + 10_000,
      )
      await sleep(settleMs)
      const rssMiB = readProcSample(server.pid)?.rssMiB ?? Number.NaN
      const total = held + connected.synced + connected.failed
      steps.push({
        connections: total,
        rssMiB: Number(rssMiB.toFixed(1)),
        failed: connected.failed,
        connectMs: connected.ms,
      })
      if (connected.failed > 0) {
        syncFailed = connected.failed
        stoppedBecause = 'sync failures'
        break
      }
      if (rssMiB > spec.rssBudgetMiB) {
        stoppedBecause = 'rss budget'
        break
      }
      held = total
      rssMiBAtHeld = rssMiB
    }
    const before = readProcSample(server.pid)
    const hold = await load.request(
      { cmd: 'write', hz: 1 / 60, durationMs: spec.holdMs, drainMs, warmupMs: 0 },
      'written',
      spec.holdMs + 60_000,
    )
    const after = readProcSample(server.pid)
    return {
      server: server.name,
      target: spec.target,
      held,
      rssMiBAtHeld: Number(rssMiBAtHeld.toFixed(1)),
      baselineRssMiB: Number(baselineRssMiB.toFixed(1)),
      kibPerConnection: held > 0 ? Number((((rssMiBAtHeld - baselineRssMiB) * 1024) / held).toFixed(1)) : 0,
      peakRssMiB: Number((after?.peakRssMiB ?? 0).toFixed(1)),
      syncFailed,
      stoppedBecause,
      steps,
      holdLatencyMs: hold.latencyMs,
      holdSent: hold.sent,
      holdLost: hold.lost,
      holdDisconnected: hold.disconnected,
      holdServerCpuSeconds: Number(((after?.cpuSeconds ?? 0) - (before?.cpuSeconds ?? 0)).toFixed(2)),
    }
  } finally {
    await load.stop()
    await server.stop()
  }
}
