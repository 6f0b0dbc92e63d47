import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

/*
 * The real entry point (`node --import tsx server/src/main.ts`, what `npm start` runs) in a child process,
 * for what only a separate process can show: kill -9, SIGTERM, exit codes, refusing to start. No vitest
 * import, so the crash harness can run it from `npm run bench` too.
 */

export const repoRoot = path.resolve(import.meta.dirname, '../../..')

export interface MainProcess {
  child: ChildProcess
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>
  /** Everything the process wrote to stdout and stderr so far (the last 64 KiB). */
  output(): string
}

export interface RunningMain extends MainProcess {
  port: number
  httpUrl: string
  wsUrl: string
}

const keptOutputChars = 64 * 1024

/** Spawns the server without waiting for it: for tests that expect it to refuse to start. */
export function spawnMain(dataDir: string, env: Record<string, string> = {}): MainProcess {
  // `node --import tsx` rather than the tsx CLI: one process, so SIGKILL hits the server itself, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  // Always drained, or a full pipe would block the server's (synchronous) logging.
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-keptOutputChars)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

/** Spawns the server and resolves once it logged `listening` (PORT=0: it picks a free port). */
export async function startMain(dataDir: string, env: Record<string, string> = {}): Promise<RunningMain> {
  const main = spawnMain(dataDir, env)
  const port = await new Promise<number>((resolve, reject) => {
    const onData = () => {
      const match = /"port":(\d+),"msg":"listening"/.exec(main.output())
      if (!match) return
      main.child.stdout!.off('data', onData)
      resolve(Number(match[1]))
    }
    main.child.stdout!.on('data', onData)
    main.exited.then((code) =>
      reject(new Error(`server exited with ${code} before listening:\n${main.output().slice(-2000)}`)),
    )
  })
  return { ...main, port, httpUrl: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/ws` }
}
