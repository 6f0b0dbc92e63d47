import { type ChildProcess, spawn } from 'node:child_process'
import { createConnection, createServer } from 'node:net'

// A Redis server of a test's own: /usr/bin/redis-server on a free loopback port, nothing saved to disk
// (--save '' --appendonly no), stopped afterwards. Never a system service. restart() stops it and
// starts it again on the same port, empty, as a Redis without persistence comes back after a crash.

export const redisServerBinary = '/usr/bin/redis-server'

export interface ThrowawayRedis {
  url: string
  port: number
  /** Kills the server (SIGKILL) and starts a new, empty one on the same port. */
  restart(): Promise<void>
  /** SIGSTOP: the server keeps its connections but answers nothing until `resume` (SIGCONT). */
  freeze(): void
  resume(): void
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

/** Resolves once the port accepts a connection; rejects after `timeoutMs`. */
async function waitForPort(port: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' })
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port} in ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

function launch(port: number): ChildProcess {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']
  return spawn(redisServerBinary, args, { stdio: 'ignore' })
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort()
  let child = launch(port)
  await waitForPort(port)
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart() {
      await kill(child)
      child = launch(port)
      await waitForPort(port)
    },
    freeze: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    stop: () => kill(child),
  }
}
