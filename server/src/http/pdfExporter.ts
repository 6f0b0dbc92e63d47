/*
 * Runs PDF exports in worker threads (pdfWorker.ts), at most `maxConcurrent` at once, with a bounded
 * queue: rendering a 2,000-note board takes about half a second of CPU, which on the main thread would
 * stall live sync for every other board. A job that outlives its timeout has its worker terminated.
 * Workers start on first use and stay for the next job.
 */

import { Worker } from 'node:worker_threads'
import type { PdfJob, PdfJobResult } from './pdfWorker'

export interface PdfExporterOptions {
  maxConcurrent: number
  maxQueued: number
  timeoutMs: number
}

export type ExportResult =
  | { ok: true; bytes: Uint8Array; title: string }
  | { ok: false; reason: 'busy' | 'failed'; error: string }

interface Pending {
  job: PdfJob
  resolve: (result: ExportResult) => void
}

/**
 * The bundled server runs dist/server/pdfWorker.js. From source (tsx, vitest) the worker loads the .ts
 * file through tsx's API: Node 20 does not apply `--import tsx` hooks to a worker's entry module.
 */
function spawnWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./pdfWorker.js', import.meta.url))
  const entry = new URL('./pdfWorker.ts', import.meta.url).href
  // Resolved from the working directory: the repository root wherever source runs (npm scripts, vitest).
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`
  return new Worker(boot, { eval: true })
}

export class PdfExporter {
  private readonly idle: Worker[] = []
  private busy = 0
  private readonly queue: Pending[] = []
  private closed = false

  constructor(private readonly options: PdfExporterOptions) {}

  export(job: PdfJob): Promise<ExportResult> {
    if (this.closed) return Promise.resolve({ ok: false, reason: 'failed', error: 'server is shutting down' })
    if (this.busy >= this.options.maxConcurrent && this.queue.length >= this.options.maxQueued) {
      return Promise.resolve({
        ok: false,
        reason: 'busy',
        error: 'too many PDF exports at once; try again shortly',
      })
    }
    return new Promise((resolve) => {
      this.queue.push({ job, resolve })
      this.next()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const pending of this.queue.splice(0)) {
      pending.resolve({ ok: false, reason: 'failed', error: 'server is shutting down' })
    }
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()))
  }

  private next(): void {
    if (this.busy >= this.options.maxConcurrent) return
    const pending = this.queue.shift()
    if (!pending) return
    this.busy++
    this.run(this.idle.pop() ?? spawnWorker(), pending)
  }

  private run(worker: Worker, { job, resolve }: Pending): void {
    const finish = (result: ExportResult, keep: boolean) => {
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      if (keep && !this.closed) this.idle.push(worker)
      else void worker.terminate()
      this.busy--
      resolve(result)
      this.next()
    }
    const onMessage = (result: PdfJobResult) =>
      finish(result.ok ? result : { ok: false, reason: 'failed', error: result.error }, true)
    const onError = (error: Error) => finish({ ok: false, reason: 'failed', error: error.message }, false)
    const timer = setTimeout(
      () =>
        finish(
          { ok: false, reason: 'failed', error: `PDF export took longer than ${this.options.timeoutMs} ms` },
          false,
        ),
      this.options.timeoutMs,
    )
    worker.on('message', onMessage)
    worker.once('error', onError)
    worker.postMessage(job)
  }
}
