import type { ServerResponse } from 'node:http'
import { sendJson } from './json'

// GET /readyz: whether this instance can serve now, for a load balancer. Unlike /healthz (the process
// is alive) it fails when a dependency is unreachable — the database, and Redis when several instances
// relay through it — and from the moment the instance starts draining, so the balancer sends new
// connections elsewhere while the open ones are still served.

export interface ReadinessCheck {
  /** Named in the 503 body: `database`, `redis`. */
  name: string
  /** Resolves when the dependency answers; rejects saying why not. */
  check(): Promise<void>
}

export interface ReadinessDeps {
  checks: readonly ReadinessCheck[]
  isDraining: () => boolean
  /** A check slower than this counts as failed: a hung connection must not hang the probe. */
  timeoutMs: number
}

export type Readiness = { ok: true } | { ok: false; draining?: true; failed?: Record<string, string> }

export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  if (deps.isDraining()) return { ok: false, draining: true }
  const failed: Record<string, string> = {}
  await Promise.all(
    deps.checks.map(async ({ name, check }) => {
      try {
        await withTimeout(check(), deps.timeoutMs, `${name} did not answer in ${deps.timeoutMs} ms`)
      } catch (error) {
        failed[name] = error instanceof Error ? error.message : String(error)
      }
    }),
  )
  // Checked again: draining may have begun while the checks ran.
  if (deps.isDraining()) return { ok: false, draining: true }
  return Object.keys(failed).length === 0 ? { ok: true } : { ok: false, failed }
}

export async function serveReadiness(deps: ReadinessDeps, res: ServerResponse): Promise<void> {
  const readiness = await checkReadiness(deps)
  sendJson(res, readiness.ok ? 200 : 503, readiness)
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}
