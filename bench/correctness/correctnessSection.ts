import { spawnTracked } from '../infra/children'
import type { RunOptions, SectionResult } from '../infra/section'
import { row } from '../report'

/**
 * Section: the long runs of the property tests that CI runs short with a fixed seed. Each run here
 * takes a fresh seed (printed, so a failure can be replayed with FC_SEED=<seed> FC_RUNS=<runs>):
 *   - three peers making random interleaved edits with random delivery and partitions converge to one
 *     valid board (shared/src/board/convergence.test.ts, issue #4);
 *   - random and mutated protocol frames never crash the server, close the offending socket and leave
 *     every board loadable (server/src/hostileInput.test.ts, issue #5).
 */
interface Suite {
  name: string
  file: string
  figure: string
  runs: { quick: number; full: number }
}

const suites: readonly Suite[] = [
  {
    name: 'convergence',
    file: 'shared/src/board/convergence.test.ts',
    figure: 'three-peer random edit histories that failed to converge',
    runs: { quick: 300, full: 2_000 },
  },
  {
    name: 'hostile input',
    file: 'server/src/hostileInput.test.ts',
    figure: 'hostile frame sequences that crashed or poisoned a board',
    runs: { quick: 100, full: 400 },
  },
]

function runVitest(
  file: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // Tracked, so an interrupted benchmark never leaves vitest running.
    const child = spawnTracked(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', file], {
      env: { ...process.env, ...env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('close', (code) => resolve({ code, output }))
  })
}

export async function runCorrectnessSection(
  options: RunOptions,
  log: (line: string) => void,
): Promise<SectionResult> {
  const results: { suite: string; seed: number; runs: number; passed: boolean; seconds: number }[] = []
  const notes: string[] = []
  for (const suite of suites) {
    const seed = Math.floor(Math.random() * 2 ** 31)
    const runs = options.quick ? suite.runs.quick : suite.runs.full
    log(`correctness: ${suite.name}, ${runs} runs, seed ${seed}`)
    const started = performance.now()
    // 'vitest run' exits non-zero on a failed property; the output holds fast-check's counterexample.
    const { code, output } = await runVitest(suite.file, { FC_SEED: String(seed), FC_RUNS: String(runs) })
    const passed = code === 0
    results.push({ suite: suite.name, seed, runs, passed, seconds: (performance.now() - started) / 1000 })
    if (!passed)
      notes.push(
        `correctness: ${suite.name} failed with FC_SEED=${seed} FC_RUNS=${runs}:\n${output.slice(-2_000)}`,
      )
  }
  return {
    data: results,
    rows: results.map((r) => {
      const suite = suites.find((s) => s.name === r.suite)!
      return row({
        section: 'correctness',
        figure: suite.figure,
        context: `${r.runs} random runs, seed ${r.seed}`,
        unit: '',
        ours: r.passed ? 0 : 1,
        oursDisplay: r.passed ? `0 of ${r.runs} (${r.seconds.toFixed(0)} s)` : `failed (see notes)`,
        target: '0',
        judge: (failures) => failures === 0,
      })
    }),
    notes,
  }
}
