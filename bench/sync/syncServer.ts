import type { ChildProcess } from 'node:child_process'

/**
 * A sync server the benchmark started, ours or the reference, seen the same way: a pid to measure from
 * /proc, a way to get a WebSocket URL for room n (ours needs a board created first), and a stop.
 */
export interface SyncServer {
  readonly name: 'ours' | 'reference'
  readonly pid: number
  readonly port: number
  readonly process: ChildProcess
  /** A ws:// URL for a fresh room; rooms with the same index are the same room. */
  roomUrl(index: number): Promise<string>
  stop(): Promise<void>
}

/** Raises the fd limit for a child that will hold thousands of sockets, then execs it (keeping its pid). */
export function withFdLimit(command: string, args: readonly string[]): [string, string[]] {
  const quoted = [command, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ')
  return ['bash', ['-c', `ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec ${quoted}`]]
}
