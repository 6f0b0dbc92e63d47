import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import { spawnTracked, stopChild } from '../infra/children'
import { benchDir, repoRoot } from '../infra/paths'
import type { WorkerCommand, WorkerReply } from './loadWorker'
import { withFdLimit } from './syncServer'

/** The parent's handle on loadWorker.ts: send a command, await its one reply, bounded in time. */
export class LoadProcess {
  private constructor(private readonly child: ChildProcess) {}

  static start(): LoadProcess {
    const [command, args] = withFdLimit(process.execPath, [
      '--import',
      'tsx',
      path.join(benchDir, 'sync', 'loadWorker.ts'),
    ])
    // The IPC channel's fd survives bash's exec, so the worker can still talk to us.
    const child = spawnTracked(command, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    return new LoadProcess(child)
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  request<R extends WorkerReply['cmd']>(
    command: WorkerCommand,
    expect: R,
    timeoutMs: number,
  ): Promise<Extract<WorkerReply, { cmd: R }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: WorkerReply) => {
        if (message.cmd !== expect) return
        cleanup()
        resolve(message as Extract<WorkerReply, { cmd: R }>)
      }
      const onExit = (code: number | null) => {
        cleanup()
        reject(new Error(`load worker exited (${code}) while waiting for "${expect}"`))
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(`load worker gave no "${expect}" within ${timeoutMs} ms`))
      }, timeoutMs)
      const cleanup = () => {
        clearTimeout(timer)
        this.child.off('message', onMessage)
        this.child.off('exit', onExit)
      }
      this.child.on('message', onMessage)
      this.child.once('exit', onExit)
      this.child.send(command)
    })
  }

  async stop(): Promise<void> {
    if (this.child.connected) this.child.send({ cmd: 'exit' } satisfies WorkerCommand)
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve()
      else this.child.once('exit', () => resolve())
    })
    const timer = setTimeout(() => void stopChild(this.child, 1_000), 5_000)
    await exited
    clearTimeout(timer)
  }
}
