import path from 'node:path'
import { killAllChildren, killChildrenOnExit } from '../infra/children'
import { startOurServer } from './ourServer'
import { type LoadResult, type LoadSpec, runLoad } from './runLoad'

/**
 * `npx tsx bench/sync/abServers.ts <checkoutA> <checkoutB> [rounds] [rooms×clients]`: one load against
 * the built server (dist/server) of two checkouts, A B A B …, so that a change in latency between two
 * commits is told apart from a change in the machine. The main benchmark compares against a reference
 * server in the same run; this answers "which commit moved our figure" when the reference itself moves.
 * Prints each round and the median of each figure per checkout.
 */
const [rootA, rootB, roundsArg = '3', shapeArg = '50x20'] = process.argv.slice(2)
if (!rootA || !rootB) throw new Error('usage: abServers.ts <checkoutA> <checkoutB> [rounds] [RxC]')
const [rooms, clientsPerRoom] = shapeArg.split(/[x×]/).map(Number)
if (!rooms || !clientsPerRoom) throw new Error(`bad load shape ${shapeArg}; expected e.g. 50x20`)
const spec: LoadSpec = { rooms, clientsPerRoom, durationMs: 15_000, writeHz: 2 }

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

const figures = (r: LoadResult) => ({
  p50: r.latencyMs.p50,
  p95: r.latencyMs.p95,
  p99: r.latencyMs.p99,
  cpu: r.serverCpuSeconds,
  lost: r.lost,
})

async function main(): Promise<void> {
  killChildrenOnExit()
  process.setMaxListeners(100)
  const roots = { A: path.resolve(rootA as string), B: path.resolve(rootB as string) }
  const results: Record<'A' | 'B', ReturnType<typeof figures>[]> = { A: [], B: [] }
  for (let round = 0; round < Number(roundsArg); round++) {
    for (const which of ['A', 'B'] as const) {
      const result = await runLoad(() => startOurServer({ root: roots[which] }), spec)
      results[which].push(figures(result))
      console.log(`round ${round + 1} ${which} ${JSON.stringify(figures(result))}`)
    }
  }
  for (const which of ['A', 'B'] as const) {
    const rows = results[which]
    const pick = (key: keyof ReturnType<typeof figures>) => median(rows.map((r) => r[key]))
    console.log(
      `${which} ${roots[which]}: median p50 ${pick('p50')} ms, p95 ${pick('p95')} ms, p99 ${pick('p99')} ms, CPU ${pick('cpu')} s`,
    )
  }
}

main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => killAllChildren())
