import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

// A PostgreSQL server of a test's own: initdb into a temp dir, postgres on a free loopback port with
// its unix socket in that dir, stopped and deleted afterwards. Never a system service.
//
// PostgreSQL refuses to run as root, so as root the cluster belongs to a non-root user (`postgres`
// if the machine has one, else `nobody`) and both binaries run through `runuser`.

const candidateBinDirs = () => {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return []
  return readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(root, version, 'bin'))
}

/** The newest installed PostgreSQL bin dir with initdb and postgres, or undefined. */
export function findPostgresBinDir(): string | undefined {
  return candidateBinDirs().find(
    (dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres')),
  )
}

export interface ThrowawayPostgres {
  /** postgres://… for the superuser on the `postgres` database. */
  url: string
  /** A fresh, empty database on this server, for one test. */
  createDatabase(): Promise<string>
  /** Stops the server, keeping its files: connections are refused until `resume`. */
  pause(): Promise<void>
  /** Starts the paused server again on the same port and data. */
  resume(): Promise<void>
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** The user the cluster runs as: ourselves, or a non-root account when we are root. */
function clusterUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim())
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim())
      return { name, uid, gid }
    } catch {
      // No such user; try the next.
    }
  }
  throw new Error('running as root and no non-root user (postgres, nobody) to run PostgreSQL as')
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const binDir = findPostgresBinDir()
  if (!binDir) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql/*/bin')
  const user = clusterUser()
  const dir = mkdtempSync(path.join(tmpdir(), 'jb-pg-'))
  if (user) chownSync(dir, user.uid, user.gid)
  const dataDir = path.join(dir, 'data')
  const as = (command: string, args: string[]): [string, string[]] =>
    user ? ['runuser', ['-u', user.name, '--', command, ...args]] : [command, args]

  const [initCommand, initArgs] = as(path.join(binDir, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--no-sync',
  ])
  execFileSync(initCommand, initArgs, { stdio: 'pipe' })

  const port = await freePort()
  const [command, args] = as(path.join(binDir, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    // A test cluster: durability against an OS crash is not what these tests check.
    '-c',
    'fsync=off',
  ])
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  let server = launchPostgres(command, args)
  let running = true

  /** SIGINT is the postmaster's fast shutdown; signalled by its pid file, not runuser, which may not forward. */
  const halt = async () => {
    running = false
    const pidFile = path.join(dataDir, 'postmaster.pid')
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
      try {
        process.kill(pid, 'SIGINT')
      } catch {
        // Already gone.
      }
    } else server.child.kill('SIGINT')
    await server.exited
  }
  const stop = async () => {
    await halt()
    rmSync(dir, { recursive: true, force: true })
  }
  const ready = async () => {
    try {
      await waitUntilAccepting(url, server)
    } catch (error) {
      await stop()
      throw error
    }
  }
  await ready()
  let databases = 0
  return {
    url,
    async createDatabase() {
      const name = `jb_test_${++databases}`
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    async pause() {
      if (running) await halt()
    },
    async resume() {
      if (running) return
      server = launchPostgres(command, args)
      running = true
      await ready()
    },
    stop,
  }
}

interface Launched {
  child: ChildProcess
  exited: Promise<void>
  stderr(): string
}

function launchPostgres(command: string, args: string[]): Launched {
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return { child, exited, stderr: () => stderr }
}

async function waitUntilAccepting(url: string, server: Launched): Promise<void> {
  const deadline = Date.now() + 20_000
  for (;;) {
    const client = new pg.Client({ connectionString: url })
    try {
      await client.connect()
      await client.end()
      return
    } catch (error) {
      await client.end().catch(() => {})
      if (server.child.exitCode !== null || Date.now() > deadline)
        throw new Error(`PostgreSQL did not start: ${String(error)}\n${server.stderr()}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}
