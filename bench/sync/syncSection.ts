import type { RunOptions, SectionResult } from '../infra/section'
import { atMostReference, type ReportRow, type RowInit, row } from '../report'
import { type CapacityResult, type CapacitySpec, runCapacity } from './capacity'
import { startOurServer } from './ourServer'
import { installReferenceServer, referenceVersions, startReferenceServer } from './referenceServer'
import { type LoadResult, type LoadSpec, runLoad } from './runLoad'

/**
 * Section 1: our sync server against @y/websocket-server under the same loads, from the same client
 * code, each server in a fresh process. Loads run reference first, then ours, one after the other, so
 * the two never compete for the two cores.
 */
const writeHz = 2
const fullLoads: LoadSpec[] = [
  { rooms: 10, clientsPerRoom: 20, durationMs: 15_000, writeHz },
  { rooms: 50, clientsPerRoom: 20, durationMs: 15_000, writeHz },
  { rooms: 2, clientsPerRoom: 100, durationMs: 15_000, writeHz },
]
const quickLoads: LoadSpec[] = [
  { rooms: 10, clientsPerRoom: 20, durationMs: 4_000, writeHz },
  { rooms: 2, clientsPerRoom: 100, durationMs: 4_000, writeHz },
]
const fullCapacity: CapacitySpec = {
  target: 10_000,
  step: 2_000,
  clientsPerRoom: 20,
  holdMs: 10_000,
  rssBudgetMiB: 1024,
}
const quickCapacity: CapacitySpec = {
  target: 1_000,
  step: 500,
  clientsPerRoom: 20,
  holdMs: 4_000,
  rssBudgetMiB: 1024,
}

export interface SyncData {
  referenceServer: string
  referenceSkipped: string | null
  loads: {
    spec: LoadSpec
    ours: LoadResult | { error: string }
    reference: LoadResult | { error: string } | null
  }[]
  capacity: { ours: CapacityResult | { error: string }; reference: CapacityResult | { error: string } | null }
}

const refName = `y-websocket-server ${referenceVersions['@y/websocket-server']}`

async function attempt<T>(work: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await work()
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

const isOk = <T extends object>(value: T | { error: string } | null): value is T =>
  value !== null && !('error' in value)

/** Rows comparing one figure of ours and of the reference, either of which may have failed or been skipped. */
function sideBySide<R extends object>(
  context: string,
  ours: R | { error: string },
  reference: R | { error: string } | null,
  skipped: string | null,
) {
  const failed = (value: { error: string }) => `failed: ${value.error.slice(0, 60)}`
  return (
    figure: string,
    unit: string,
    pick: (r: R) => number,
    extra: Pick<RowInit, 'target' | 'judge' | 'higherIsBetter'> = {},
  ): ReportRow =>
    row({
      section: 'sync',
      context,
      figure,
      unit,
      ours: isOk(ours) ? pick(ours) : failed(ours as { error: string }),
      references: [
        { name: refName, value: isOk(reference) ? pick(reference) : reference ? failed(reference) : skipped },
      ],
      ...extra,
    })
}

const zeroTarget = { target: '0', judge: (o: number) => o === 0 }

function loadRows(
  spec: LoadSpec,
  ours: LoadResult | { error: string },
  reference: LoadResult | { error: string } | null,
  skipped: string | null,
): ReportRow[] {
  const metric = sideBySide(`${spec.rooms}×${spec.clientsPerRoom}`, ours, reference, skipped)
  return [
    metric('p50 write→observer', 'ms', (r) => r.latencyMs.p50),
    metric('p95 write→observer', 'ms', (r) => r.latencyMs.p95),
    metric('p99 write→observer', 'ms', (r) => r.latencyMs.p99, { target: '≤ ref', judge: atMostReference() }),
    metric('updates/s observed', '/s', (r) => r.updatesPerSec, { higherIsBetter: true }),
    metric('server CPU', 's', (r) => r.serverCpuSeconds, { target: '≤ ref', judge: atMostReference() }),
    metric('server peak RSS', 'MiB', (r) => r.serverPeakRssMiB, {
      target: '≤ 1.2× ref',
      judge: atMostReference(1.2),
    }),
    metric('lost updates', '', (r) => r.lost, zeroTarget),
    metric('connections failed to sync', '', (r) => r.syncFailed, zeroTarget),
  ]
}

function capacityRows(spec: CapacitySpec, data: SyncData['capacity'], skipped: string | null): ReportRow[] {
  const metric = sideBySide(
    `rooms of ${spec.clientsPerRoom}, 1 update/min`,
    data.ours,
    data.reference,
    skipped,
  )
  return [
    metric('idle connections held < 1 GiB', '', (r) => r.held, {
      higherIsBetter: true,
      target: `≥ ${spec.target.toLocaleString('en-US')}`,
      judge: (o) => o >= spec.target,
    }),
    metric('RSS at that count', 'MiB', (r) => r.rssMiBAtHeld, {
      target: '< 1024 MiB',
      judge: (o) => o < 1024,
    }),
    metric('RSS per connection', 'KiB', (r) => r.kibPerConnection),
    metric('lost updates while holding', '', (r) => r.holdLost, zeroTarget),
    metric('p99 write→observer while holding', 'ms', (r) => r.holdLatencyMs.p99),
  ]
}

export async function runSyncSection(
  options: RunOptions,
  log: (line: string) => void,
): Promise<SectionResult<SyncData>> {
  const notes: string[] = []
  let skipped: string | null = null
  try {
    await installReferenceServer()
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    if (!options.quick) throw new Error(`could not install the reference server: ${reason}`)
    skipped = `n/a (reference not installed: ${reason})`
    notes.push(`Reference server skipped: ${reason}`)
  }
  const loads = options.quick ? quickLoads : fullLoads
  const data: SyncData = {
    referenceServer: refName,
    referenceSkipped: skipped,
    loads: [],
    capacity: { ours: { error: 'not run' }, reference: null },
  }
  const rows: ReportRow[] = []
  for (const spec of loads) {
    const label = `${spec.rooms}×${spec.clientsPerRoom} for ${spec.durationMs / 1000} s`
    let reference: LoadResult | { error: string } | null = null
    if (!skipped) {
      log(`sync: reference, ${label}`)
      reference = await attempt(() => runLoad(() => startReferenceServer(), spec))
    }
    log(`sync: ours, ${label}`)
    const ours = await attempt(() => runLoad(() => startOurServer(), spec))
    data.loads.push({ spec, ours, reference })
    rows.push(...loadRows(spec, ours, reference, skipped))
    for (const result of [ours, reference]) {
      if (isOk(result) && result.loadLoopDelayP99Ms > 50) {
        notes.push(
          `${result.server} ${label}: the load process's event loop lagged (p99 ${result.loadLoopDelayP99Ms} ms); latencies include client-side delay.`,
        )
      }
    }
  }
  const capacity = options.quick ? quickCapacity : fullCapacity
  if (!skipped) {
    log(`sync: reference, capacity up to ${capacity.target}`)
    data.capacity.reference = await attempt(() => runCapacity(() => startReferenceServer(), capacity))
  }
  log(`sync: ours, capacity up to ${capacity.target}`)
  data.capacity.ours = await attempt(() => runCapacity(() => startOurServer(), capacity))
  rows.push(...capacityRows(capacity, data.capacity, skipped))
  return { data, rows, notes }
}
