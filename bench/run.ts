import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runCorrectnessSection } from './correctness/correctnessSection'
import { runDurabilitySection } from './durability/durabilitySection'
import { buildProduct } from './infra/buildProduct'
import { killAllChildren, killChildrenOnExit } from './infra/children'
import { repoRoot, resultsDir } from './infra/paths'
import type { RunOptions, SectionResult } from './infra/section'
import { runOtherSection } from './other/otherSection'
import { prepareAnchors } from './render/prepareAnchors'
import { referenceAnchors, runRenderSection } from './render/renderSection'
import { formatTable, type ReportRow, row } from './report'
import { runSyncSection } from './sync/syncSection'

/**
 * `npm run bench [-- --quick] [-- --only=sync,render,other]`: runs the sections one after another (never
 * two loads at once on a 2-core machine), prints one table and writes the JSON to bench/results/.
 * A section that fails is reported as failed; the others still run. Every child process and browser
 * is killed at the end, and on SIGINT.
 */
type SectionName = 'sync' | 'render' | 'other' | 'durability' | 'correctness'
const sectionNames: readonly SectionName[] = ['sync', 'render', 'other', 'durability', 'correctness']
const sections: Record<
  SectionName,
  (options: RunOptions, log: (line: string) => void) => Promise<SectionResult>
> = {
  sync: runSyncSection,
  render: runRenderSection,
  other: runOtherSection,
  durability: runDurabilitySection,
  correctness: runCorrectnessSection,
}
/** Sections whose results are pass/fail, not timings: they may run while the anchors install. */
const timingFree: ReadonlySet<SectionName> = new Set<SectionName>(['correctness'])
/** The budget for a whole run on a fresh clone of this 2-core machine. */
const fullRunBudgetSeconds = 600

function parseArgs(argv: readonly string[]): { quick: boolean; only: SectionName[] } {
  let quick = false
  let only: SectionName[] = [...sectionNames]
  for (const arg of argv) {
    if (arg === '--quick') quick = true
    else if (arg.startsWith('--only=')) {
      const names = arg.slice('--only='.length).split(',')
      const unknown = names.filter((name) => !sectionNames.includes(name as SectionName))
      if (unknown.length > 0)
        throw new Error(`unknown section(s) ${unknown.join(', ')}; expected ${sectionNames.join(', ')}`)
      only = names as SectionName[]
    } else throw new Error(`unknown argument ${JSON.stringify(arg)} (use --quick, --only=sync,render,other)`)
  }
  return { quick, only }
}

/** The commit measured, and whether the tree had uncommitted changes (results files aside). */
function gitDescribe(): { head: string; dirty: boolean } {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot }).toString().trim()
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results'], {
        cwd: repoRoot,
      })
        .toString()
        .trim() !== ''
    return { head, dirty }
  } catch {
    return { head: 'unknown', dirty: true }
  }
}

const stamp = (date: Date) => `${date.toISOString().slice(0, 16).replace(':', '')}Z`

async function main(): Promise<void> {
  killChildrenOnExit()
  // Every y-websocket provider (seeding, peers) adds a process 'exit' listener; 20 at once are expected.
  process.setMaxListeners(100)
  const { quick, only } = parseArgs(process.argv.slice(2))
  const started = new Date()
  const t0 = performance.now()
  const log = (line: string) =>
    console.error(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`)
  const results: Record<string, unknown> = {}
  const rows: ReportRow[] = []
  const notes: string[] = []
  log(`building the product (npm run build${quick ? ', skipped if built' : ''})`)
  await buildProduct({ force: !quick })
  // Installing the render anchors is network and disk work (~30-60 s on a fresh clone). It overlaps the
  // sections whose figures do not depend on timing; every other section starts only once it is done.
  const anchors = only.includes('render') ? prepareAnchors(referenceAnchors(quick), log) : undefined
  const ordered = [...only].sort((a, b) => Number(!timingFree.has(a)) - Number(!timingFree.has(b)))
  // The machine is shared: the load average at each section's start says how quiet it was.
  const loadAverages: Record<string, number[]> = {}
  const rowsBySection = new Map<SectionName, ReportRow[]>()
  for (const name of ordered) {
    if (!timingFree.has(name) && anchors) await anchors
    loadAverages[name] = os.loadavg().map((value) => Number(value.toFixed(2)))
    log(`section ${name} (load average ${loadAverages[name]?.join(' ')})`)
    try {
      const result = await sections[name]({ quick, ...(anchors ? { anchors } : {}) }, log)
      results[name] = result.data
      rowsBySection.set(name, result.rows)
      notes.push(...result.notes)
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
      log(`section ${name} failed: ${message}`)
      results[name] = { error: message }
      rowsBySection.set(name, [
        row({
          section: name,
          figure: 'section failed',
          context: '',
          unit: '',
          ours: message.split('\n')[0] ?? '',
        }),
      ])
      notes.push(`Section ${name} failed: ${message.split('\n')[0]}`)
    }
  }
  // The table keeps the sections' usual order, whatever order they ran in.
  for (const name of only) rows.push(...(rowsBySection.get(name) ?? []))
  const elapsedSeconds = Math.round((performance.now() - t0) / 1000)
  if (!quick && only.length === sectionNames.length) {
    rows.push(
      row({
        section: 'other',
        figure: 'whole `npm run bench`',
        context: 'incl. installs and builds',
        unit: 's',
        ours: elapsedSeconds,
        target: `< ${fullRunBudgetSeconds} s`,
        judge: (o) => o < fullRunBudgetSeconds,
      }),
    )
  }
  console.log(formatTable(rows))
  for (const note of notes) console.log(`note: ${note}`)

  const report = {
    startedAt: started.toISOString(),
    elapsedSeconds,
    mode: quick ? 'quick' : 'full',
    sections: only,
    commit: gitDescribe(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtSectionStart: loadAverages,
      loadAverageAtEnd: os.loadavg().map((value) => Number(value.toFixed(2))),
    },
    rows,
    notes,
    results,
  }
  mkdirSync(resultsDir, { recursive: true })
  const suffix = only.length === sectionNames.length ? '' : `-${only.join('+')}`
  const file = path.join(resultsDir, `${stamp(started)}-${quick ? 'quick' : 'full'}${suffix}.json`)
  const json = `${JSON.stringify(report, null, 2)}\n`
  writeFileSync(file, json)
  // latest.json is the last complete run, so a partial smoke run never replaces it.
  if (!suffix) writeFileSync(path.join(resultsDir, 'latest.json'), json)
  log(`wrote ${path.relative(process.cwd(), file)}`)
}

main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => {
    killAllChildren()
    // Sockets or timers left by a failed section must not keep the process alive.
    setTimeout(() => process.exit(), 200).unref()
  })
