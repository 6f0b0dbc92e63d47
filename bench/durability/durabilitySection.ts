import { runCrashCycles } from '../../server/src/testing/crashHarness'
import type { RunOptions, SectionResult } from '../infra/section'
import { row } from '../report'

/**
 * Section: kill -9 in a loop (server/src/testing/crashHarness.ts). Writers write continuously, the server
 * is SIGKILLed at a random moment, restarted on the same DATA_DIR, and every edit any client had received
 * from the server must be on the board. CI runs 3 short cycles (crashCycles.test.ts); this is the long run.
 */
export async function runDurabilitySection(
  options: RunOptions,
  log: (line: string) => void,
): Promise<SectionResult> {
  const settings = options.quick
    ? { cycles: 3, clients: 3, durationMs: 800 }
    : { cycles: 20, clients: 4, durationMs: 2_000 }
  const result = await runCrashCycles({ ...settings, log })
  const context = `${result.cycles} cycles × ${settings.clients} writers, kill ≤ ${settings.durationMs} ms`
  return {
    data: { settings, result },
    rows: [
      row({
        section: 'durability',
        figure: 'acknowledged edits lost to kill -9',
        context,
        unit: '',
        ours: result.lost,
        oursDisplay: `${result.lost} of ${result.distinctKeys} (${result.updatesChecked} checks)`,
        target: '0',
        judge: (lost) => lost === 0 && result.cycles === settings.cycles,
      }),
      row({
        section: 'durability',
        figure: 'start after kill -9 → listening, max',
        context,
        unit: 'ms',
        ours: Math.max(...result.restartMs),
      }),
    ],
    notes: result.lost > 0 ? [`durability: lost keys ${result.lostKeys.join(', ')}`] : [],
  }
}
