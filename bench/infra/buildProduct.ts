import { existsSync } from 'node:fs'
import path from 'node:path'
import { runCommand } from '../infra/children'
import { clientDistDir, repoRoot } from '../infra/paths'

const buildTimeoutMs = 240_000

/**
 * `vite build` of the client into dist/client, which our server serves. A full run always rebuilds, so
 * it measures the code in the tree; a quick run reuses an existing build.
 */
export async function buildClient(options: { force: boolean }): Promise<void> {
  if (!options.force && existsSync(path.join(clientDistDir, 'index.html'))) return
  await runCommand(path.join(repoRoot, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    timeoutMs: buildTimeoutMs,
  })
}
