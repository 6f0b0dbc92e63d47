import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runCommand, spawnTracked, stopChild } from '../infra/children'
import { freePort } from '../infra/freePort'
import { anchorsDir } from '../infra/paths'
import { waitFor } from '../infra/waitFor'
import { type SyncServer, withFdLimit } from './syncServer'

/**
 * The reference: @y/websocket-server 0.1.1, the stock y-websocket server, with no persistence
 * (YPERSISTENCE unset). It is installed on demand into bench/.anchors/ysrv, never into the product's
 * dependencies; yjs is pinned to 13.6.33, the version our server runs.
 */
export const referenceVersions = { '@y/websocket-server': '0.1.1', yjs: '13.6.33' } as const

const installDir = path.join(anchorsDir, 'ysrv')
const serverScript = path.join(installDir, 'node_modules', '@y', 'websocket-server', 'src', 'server.js')
const installTimeoutMs = 180_000

export async function installReferenceServer(): Promise<void> {
  if (existsSync(serverScript) && existsSync(path.join(installDir, 'node_modules', 'yjs'))) return
  mkdirSync(installDir, { recursive: true })
  writeFileSync(
    path.join(installDir, 'package.json'),
    `${JSON.stringify({ name: 'ysrv-anchor', private: true, type: 'module' }, null, 2)}\n`,
  )
  const specs = Object.entries(referenceVersions).map(([name, version]) => `${name}@${version}`)
  await runCommand('npm', ['install', '--no-audit', '--no-fund', '--save-exact', ...specs], {
    cwd: installDir,
    timeoutMs: installTimeoutMs,
  })
}

export const referenceServerInstalled = (): boolean => existsSync(serverScript)

/** `nodeArgs`: extra node flags, e.g. ['--cpu-prof'], as for our server. */
export async function startReferenceServer(nodeArgs: string[] = []): Promise<SyncServer> {
  const port = await freePort()
  const [command, args] = withFdLimit(process.execPath, [...nodeArgs, serverScript])
  // utils.js enables LevelDB for any string in YPERSISTENCE, even an empty one: the variable must be absent.
  const { YPERSISTENCE: _ignored, ...env } = process.env
  const child = spawnTracked(command, args, {
    cwd: installDir,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  // It prints "running at …" once listening, and has no health endpoint beyond "okay" on any path.
  let listening = false
  child.stdout?.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('running at')) listening = true
  })
  const stop = () => stopChild(child)
  if (!(await waitFor(() => listening, 15_000)) || child.pid === undefined) {
    await stop()
    throw new Error('reference server did not start within 15 s')
  }
  return {
    name: 'reference',
    pid: child.pid,
    port,
    process: child,
    roomUrl: async (index) => `ws://127.0.0.1:${port}/bench-room-${index}`,
    stop,
  }
}
