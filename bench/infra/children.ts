import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process'

/**
 * Every process the benchmark starts goes through `spawnTracked`, in a process group of its own, so one
 * signal stops it and whatever it started (a shell `exec`, tsx's esbuild service). `killAllChildren`
 * runs on exit, on SIGINT/SIGTERM and after a crash: no server or browser outlives the benchmark.
 */
const live = new Set<ChildProcess>()

export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true })
  live.add(child)
  child.once('exit', () => live.delete(child))
  // A spawn error (missing binary) must not crash the run; the caller sees the early exit.
  child.on('error', () => live.delete(child))
  return child
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

const exited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
export async function stopChild(child: ChildProcess, graceMs = 3_000): Promise<void> {
  if (exited(child) || child.pid === undefined) return
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  signalGroup(child, 'SIGTERM')
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs)
  await done
  clearTimeout(timer)
  // Whatever the group leader left behind (esbuild's service) goes too.
  signalGroup(child, 'SIGKILL')
}

/** Synchronous, for `process.on('exit')`: SIGKILL to every group still alive. */
export function killAllChildren(): void {
  for (const child of live) signalGroup(child, 'SIGKILL')
  live.clear()
}

let installed = false
/** Call once at startup. */
export function killChildrenOnExit(): void {
  if (installed) return
  installed = true
  process.on('exit', killAllChildren)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAllChildren()
      process.exit(130)
    })
  }
}

/** Runs a command to completion (npm install, vite build); rejects with its output tail on failure. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnTracked(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4_000)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    const timer = setTimeout(() => {
      signalGroup(child, 'SIGKILL')
      reject(new Error(`${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms\n${output}`))
    }, options.timeoutMs)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`))
    })
  })
}
