import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { runCommand } from './children'
import { clientDistDir, repoRoot } from './paths'

/**
 * The product as `npm run build` makes it: the client in dist/client and the bundled server in
 * dist/server. A full run always rebuilds, so it measures the code in the tree; a quick run reuses an
 * existing build.
 */
const buildTimeoutMs = 300_000
export const serverBundle = path.join(repoRoot, 'dist', 'server', 'main.js')

export async function buildProduct(options: { force: boolean }): Promise<void> {
  const built = existsSync(path.join(clientDistDir, 'index.html')) && existsSync(serverBundle)
  if (built && !options.force) return
  await runCommand('npm', ['run', 'build', '--silent'], { cwd: repoRoot, timeoutMs: buildTimeoutMs })
}

/**
 * The node arguments of `npm start` (e.g. `node --max-semi-space-size=4 dist/server/main.js`), read from
 * package.json so the benchmark runs the server exactly as production does, as one process whose
 * /proc entry is the server itself.
 */
export function startCommandArgs(root = repoRoot): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>
  }
  const parts = (pkg.scripts?.start ?? '').trim().split(/\s+/)
  if (parts[0] !== 'node' || parts.length < 2) {
    throw new Error(`npm start is ${JSON.stringify(pkg.scripts?.start)}; the benchmark expects "node <args>"`)
  }
  return parts.slice(1)
}
