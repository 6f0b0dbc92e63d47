import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import type * as Y from 'yjs'
import { type Distribution, distribution } from '../infra/percentiles'
import { LeanClient } from './leanClient'

/**
 * The load, in a process of its own (forked by runLoad.ts) so that it never shares a core's time slice
 * with the server it measures. Commands arrive over IPC: connect rooms, write for a while, exit.
 * In each room the first client is the observer: it applies every update and timestamps it; all
 * others write small Y.Map updates carrying their send time. Writers and observer share this
 * process's clock, so write→observer latency needs no clock sync.
 */
export type WorkerCommand =
  | { cmd: 'connect'; rooms: string[]; clientsPerRoom: number; timeoutMs: number; concurrency: number }
  | { cmd: 'write'; hz: number; durationMs: number; drainMs: number; warmupMs: number }
  | { cmd: 'exit' }

export type WorkerReply =
  | { cmd: 'connected'; synced: number; failed: number; ms: number; failures: string[] }
  | {
      cmd: 'written'
      sent: number
      received: number
      lost: number
      latencyMs: Distribution
      observedUpdatesPerSec: number
      disconnected: number
      workerCpuSeconds: number
      workerLoopDelayP99Ms: number
    }

interface Room {
  observer: LeanClient
  writers: LeanClient[]
  /** Highest seq the observer saw per writer key, to count each update once and notice gaps. */
  seen: Map<string, number>
  received: number
}

const rooms: Room[] = []
const latencies: number[] = []
/** Latencies before this time (JIT warm-up, first writes of every writer) are not recorded. */
let recordFrom = 0
const benchMapName = 'bench'
/** Longest wait for stragglers after the writers stop. */
const drainCapMs = 30_000

function reply(message: WorkerReply): void {
  process.send?.(message)
}

function watch(room: Room): void {
  const map = room.observer.doc.getMap<{ s: number; t: number }>(benchMapName)
  map.observe((event: Y.YMapEvent<{ s: number; t: number }>) => {
    const now = performance.now()
    for (const key of event.keysChanged) {
      const value = map.get(key)
      if (!value || value.s <= (room.seen.get(key) ?? 0)) continue
      room.seen.set(key, value.s)
      room.received++
      if (value.t >= recordFrom) latencies.push(now - value.t)
    }
  })
}

async function connect(command: Extract<WorkerCommand, { cmd: 'connect' }>): Promise<void> {
  const started = performance.now()
  const pending: LeanClient[] = []
  for (const [index, url] of command.rooms.entries()) {
    const clients = Array.from(
      { length: command.clientsPerRoom },
      (_, i) =>
        new LeanClient({
          url,
          applyRemote: i === 0,
          awarenessState: { user: { name: `Bench ${index}.${i}`, color: '#ffb400' }, cursor: null },
        }),
    )
    const [observer, ...writers] = clients as [LeanClient, ...LeanClient[]]
    const room: Room = { observer, writers, seen: new Map(), received: 0 }
    watch(room)
    rooms.push(room)
    pending.push(...clients)
  }
  // A bounded number of handshakes in flight, as browsers arriving at a workshop would be.
  let synced = 0
  const failures: string[] = []
  let next = 0
  const lane = async () => {
    while (next < pending.length) {
      const client = pending[next++] as LeanClient
      if (await client.connect(command.timeoutMs)) synced++
      else if (failures.length < 5) failures.push(client.failure ?? 'unknown')
    }
  }
  await Promise.all(Array.from({ length: command.concurrency }, lane))
  reply({
    cmd: 'connected',
    synced,
    failed: pending.length - synced,
    ms: Math.round(performance.now() - started),
    failures,
  })
}

async function write(command: Extract<WorkerCommand, { cmd: 'write' }>): Promise<void> {
  latencies.length = 0
  for (const room of rooms) room.received = 0
  const cpuBefore = process.cpuUsage()
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  const periodMs = 1000 / command.hz
  let sent = 0
  const timers: NodeJS.Timeout[] = []
  const writeOnce = (writer: LeanClient, key: string, seq: { n: number }) => {
    if (!writer.isOpen) return
    seq.n++
    sent++
    writer.doc.getMap(benchMapName).set(key, { s: seq.n, t: performance.now() })
  }
  const started = performance.now()
  recordFrom = started + command.warmupMs
  for (const room of rooms) {
    for (const writer of room.writers) {
      const key = String(writer.doc.clientID)
      const seq = { n: room.seen.get(key) ?? 0 }
      // A random phase, so writes are spread as independent people's would be.
      const phase = Math.random() * periodMs
      if (phase >= command.durationMs) continue
      timers.push(
        setTimeout(() => {
          writeOnce(writer, key, seq)
          timers.push(setInterval(() => writeOnce(writer, key, seq), periodMs))
        }, phase),
      )
    }
  }
  await new Promise((resolve) => setTimeout(resolve, command.durationMs))
  for (const timer of timers) clearTimeout(timer)
  const windowSeconds = (performance.now() - started) / 1000
  const receivedTotal = () => rooms.reduce((sum, room) => sum + room.received, 0)
  // Drain: wait while updates still arrive, so a slow server shows up as latency, not as loss. An update
  // counts as lost only if nothing arrived for drainMs (or after the hard cap).
  const drainCap = performance.now() + drainCapMs
  let lastProgress = performance.now()
  let lastReceived = receivedTotal()
  while (
    receivedTotal() < sent &&
    performance.now() - lastProgress < command.drainMs &&
    performance.now() < drainCap
  ) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    if (receivedTotal() > lastReceived) {
      lastReceived = receivedTotal()
      lastProgress = performance.now()
    }
  }
  loopDelay.disable()
  const cpu = process.cpuUsage(cpuBefore)
  const received = receivedTotal()
  const disconnected = rooms.reduce(
    (sum, room) => sum + [room.observer, ...room.writers].filter((client) => !client.isOpen).length,
    0,
  )
  reply({
    cmd: 'written',
    sent,
    received,
    lost: sent - received,
    latencyMs: distribution(latencies),
    observedUpdatesPerSec: Math.round(received / windowSeconds),
    disconnected,
    workerCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    workerLoopDelayP99Ms: Number((loopDelay.percentile(99) / 1e6).toFixed(1)),
  })
}

function exit(): void {
  for (const room of rooms) for (const client of [room.observer, ...room.writers]) client.close()
  process.exit(0)
}

process.on('message', (command: WorkerCommand) => {
  if (command.cmd === 'connect') void connect(command)
  else if (command.cmd === 'write') void write(command)
  else exit()
})
// The parent died or closed the channel: never linger.
process.on('disconnect', exit)
