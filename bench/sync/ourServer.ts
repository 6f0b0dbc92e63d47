import { mkdtempSync, openSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createBoard as createBoardAt } from '../../server/src/testing/createBoard'
import { startCommandArgs } from '../infra/buildProduct'
import { spawnTracked, stopChild } from '../infra/children'
import { freePort } from '../infra/freePort'
import { repoRoot } from '../infra/paths'
import { waitForHttp } from '../infra/waitFor'
import { type SyncServer, withFdLimit } from './syncServer'

/**
 * Starts Journeyboard's server with the node arguments of `npm start` (the esbuild bundle in
 * dist/server, built by `buildProduct`), one process, so /proc/<pid> is the server itself, on a free
 * port and a temporary DATA_DIR. Logs go to a file in that folder, at the product's default level.
 */
export interface OurServerOptions {
  /** Reuse a data folder (cold-load test); otherwise a fresh one is made and removed on stop. */
  dataDir?: string
  env?: Record<string, string>
  /** Extra node flags, e.g. ['--cpu-prof'] to profile the server under a load. */
  nodeArgs?: string[]
  /** Another checkout whose build to run (bench/sync/abServers.ts compares two commits); default this one. */
  root?: string
}

export interface OurServer extends SyncServer {
  readonly dataDir: string
  readonly baseUrl: string
  createBoard(title?: string): Promise<{ id: string; editToken: string }>
}

const startTimeoutMs = 30_000

export async function startOurServer(options: OurServerOptions = {}): Promise<OurServer> {
  const ownsDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'jb-bench-'))
  const port = await freePort()
  const logFd = openSync(path.join(dataDir, 'server.log'), 'a')
  const [command, args] = withFdLimit(process.execPath, [
    ...(options.nodeArgs ?? []),
    ...startCommandArgs(options.root),
  ])
  const child = spawnTracked(command, args, {
    cwd: options.root ?? repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...options.env },
    stdio: ['ignore', logFd, logFd],
  })
  const baseUrl = `http://127.0.0.1:${port}`
  const stop = async () => {
    await stopChild(child, 6_000)
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true })
  }
  if (!(await waitForHttp(`${baseUrl}/healthz`, startTimeoutMs)) || child.pid === undefined) {
    await stop()
    throw new Error(
      `our server did not answer /healthz within ${startTimeoutMs} ms (log: ${dataDir}/server.log)`,
    )
  }

  const createBoard = (title = 'Bench board') => createBoardAt(baseUrl, title)

  const rooms = new Map<number, string>()
  return {
    name: 'ours',
    pid: child.pid,
    port,
    process: child,
    dataDir,
    baseUrl,
    createBoard,
    async roomUrl(index) {
      let url = rooms.get(index)
      if (!url) {
        const board = await createBoard(`Bench room ${index}`)
        url = `ws://127.0.0.1:${port}/ws/${board.id}?token=${board.editToken}`
        rooms.set(index, url)
      }
      return url
    },
    stop,
  }
}
