import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/**
 * CPU and memory of another process, read from /proc the way `top` does, so the server is measured
 * from outside, without code of ours in it. utime+stime are in clock ticks; VmHWM is the peak RSS.
 */
export interface ProcSample {
  cpuSeconds: number
  rssMiB: number
  peakRssMiB: number
}

let ticksPerSecond: number | undefined
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
    } catch {
      ticksPerSecond = 100
    }
  }
  return ticksPerSecond
}

const kibField = (status: string, name: string): number => {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)
  return match ? Number(match[1]) : 0
}

export function readProcSample(pid: number): ProcSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name may contain spaces; fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const utime = Number(fields[11])
    const stime = Number(fields[12])
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return {
      cpuSeconds: (utime + stime) / clockTicks(),
      rssMiB: kibField(status, 'VmRSS') / 1024,
      peakRssMiB: kibField(status, 'VmHWM') / 1024,
    }
  } catch {
    return undefined
  }
}
