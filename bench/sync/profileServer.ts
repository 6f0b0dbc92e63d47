import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { killAllChildren, killChildrenOnExit } from '../infra/children'
import { type CpuProfile, selfTimes } from '../infra/cpuProfile'
import { startOurServer } from './ourServer'
import { runLoad } from './runLoad'

/**
 * `npx tsx bench/sync/profileServer.ts <checkout> <outDir> [rooms×clients]`: one load against a
 * checkout's built server run with --cpu-prof, then the functions with the most self time (ms and share
 * of all samples), so that two commits' profiles under the same load can be compared function by function.
 */
const [rootArg, outArg, shapeArg = '50x20'] = process.argv.slice(2)
if (!rootArg || !outArg) throw new Error('usage: profileServer.ts <checkout> <outDir> [RxC]')
const [rooms, clientsPerRoom] = shapeArg.split(/[x×]/).map(Number)
if (!rooms || !clientsPerRoom) throw new Error(`bad load shape ${shapeArg}; expected e.g. 50x20`)

async function main(): Promise<void> {
  killChildrenOnExit()
  process.setMaxListeners(100)
  const outDir = path.resolve(outArg as string)
  mkdirSync(outDir, { recursive: true })
  const root = path.resolve(rootArg as string)
  const result = await runLoad(
    () => startOurServer({ root, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${outDir}`] }),
    { rooms: rooms as number, clientsPerRoom: clientsPerRoom as number, durationMs: 15_000, writeHz: 2 },
  )
  console.log(
    `load: p50 ${result.latencyMs.p50} p99 ${result.latencyMs.p99} ms, CPU ${result.serverCpuSeconds} s`,
  )
  const file = readdirSync(outDir).find((f) => f.endsWith('.cpuprofile'))
  if (!file) throw new Error(`no profile written in ${outDir}`)
  const totals = selfTimes(JSON.parse(readFileSync(path.join(outDir, file), 'utf8')) as CpuProfile)
  const all = [...totals.values()].reduce((a, b) => a + b, 0)
  const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 40)
  for (const [key, ms] of top)
    console.log(`${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / all).toFixed(1).padStart(5)} %  ${key}`)
}

main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => killAllChildren())
