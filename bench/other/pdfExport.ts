/*
 * PDF export, both ways a stakeholder gets one, today's poster page and the A4 pages with stages, cover
 * and insights side by side: the HTTP endpoint (GET /api/boards/:id/export.pdf, drawn
 * in the server's worker thread) and the browser's Export dialog (its Export PDF click → download complete, drawn
 * from the page's own document; the first click also loads the renderer and fonts, so the first of the
 * runs is reported apart). Each board is seeded through the front door (seedBoard). While the endpoint
 * renders, a probe in a second process would miss the server's own lag, so the server's event-loop lag
 * is read as how late /healthz answers during the export.
 */

import { statSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { distribution } from '../infra/percentiles'
import { newBenchPage } from '../render/browser'
import { seedBoard } from '../render/seedBoard'
import type { OurServer } from '../sync/ourServer'

/** The new export: A4 pages, stages layout, cover and insights pages (and the appendix when notes are cut). */
export const PAGED_QUERY = '?page=A4&layout=stages&cover=1&insights=1'

export interface PdfExportFigures {
  notes: number
  /** Today's export (no parameters: one poster page). */
  serverMs: number
  serverBytes: number
  /** PAGED_QUERY, same board. */
  serverPagedMs: number
  serverPagedBytes: number
  browserPagedMs: number
  /** Slowest /healthz answer while the server exported (ms): what live traffic waited at most. */
  healthzDuringExportMs: number
  browserFirstMs: number
  browserMs: number
  browserBytes: number
}

async function timeServerExport(server: OurServer, id: string, token: string, query = '') {
  let worstHealthzMs = 0
  let exporting = true
  const probe = (async () => {
    while (exporting) {
      const started = performance.now()
      await fetch(`${server.baseUrl}/healthz`)
      worstHealthzMs = Math.max(worstHealthzMs, performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  })()
  const started = performance.now()
  const res = await fetch(`${server.baseUrl}/api/boards/${id}/export.pdf${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  const bytes = (await res.arrayBuffer()).byteLength
  const ms = performance.now() - started
  exporting = false
  await probe
  if (res.status !== 200) throw new Error(`export.pdf answered ${res.status}`)
  return { ms, bytes, worstHealthzMs }
}

export async function measurePdfExport(
  browser: Browser,
  server: OurServer,
  noteCount: number,
  runs: number,
): Promise<PdfExportFigures> {
  const board = await seedBoard(server, noteCount, `PDF bench ${noteCount} notes`)
  const serverRuns = []
  for (let i = 0; i < runs + 1; i++)
    serverRuns.push(await timeServerExport(server, board.id, board.editToken))
  // The first run starts the worker thread; the median of the rest is the steady figure.
  const steady = serverRuns.slice(1)
  const pagedRuns = []
  for (let i = 0; i < runs; i++)
    pagedRuns.push(await timeServerExport(server, board.id, board.editToken, PAGED_QUERY))

  const page = await newBenchPage(browser)
  await page.addInitScript(() => localStorage.setItem('journeyboard.person.name', 'Bench exporter'))
  await page.goto(`${server.baseUrl}/b/${board.id}#token=${board.editToken}`)
  await page.waitForFunction(() => document.body?.dataset.boardReady === 'true', undefined, {
    timeout: 60_000,
  })
  if (await page.locator('dialog[open]').count()) await page.keyboard.press('Escape')
  // Opening the dialog is not timed: from the click on its Export PDF to the finished download is.
  const dialog = page.getByRole('dialog', { name: 'Export board' })
  const exportOnce = async () => {
    await page.getByRole('button', { name: 'Export…' }).click()
    await dialog.waitFor({ state: 'visible' })
    const started = performance.now()
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      dialog.getByRole('button', { name: 'Export PDF' }).click(),
    ])
    const path = await download.path()
    const ms = performance.now() - started
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForFunction(() => !document.querySelector('.export-pdf button[disabled]'))
    return { ms, bytes: statSync(path).size }
  }
  const browserRuns: { ms: number; bytes: number }[] = []
  for (let i = 0; i < runs + 1; i++) browserRuns.push(await exportOnce())
  await page.getByRole('button', { name: 'Export…' }).click()
  await dialog.getByLabel('Page size').selectOption('A4')
  await dialog.getByLabel('Layout').selectOption('stages')
  await dialog.getByLabel('Cover page').check()
  await dialog.getByLabel('Insights page').check()
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'hidden' })
  const browserPaged: number[] = []
  for (let i = 0; i < runs; i++) browserPaged.push((await exportOnce()).ms)
  await page.context().close()
  return {
    notes: noteCount,
    serverMs: Math.round(distribution(steady.map((r) => r.ms)).p50),
    serverBytes: steady[0]?.bytes ?? 0,
    serverPagedMs: Math.round(distribution(pagedRuns.map((r) => r.ms)).p50),
    serverPagedBytes: pagedRuns[0]?.bytes ?? 0,
    browserPagedMs: Math.round(distribution(browserPaged).p50),
    healthzDuringExportMs: Math.round(Math.max(...steady.map((r) => r.worstHealthzMs))),
    browserFirstMs: Math.round(browserRuns[0]?.ms ?? 0),
    browserMs: Math.round(distribution(browserRuns.slice(1).map((r) => r.ms)).p50),
    browserBytes: browserRuns.at(-1)?.bytes ?? 0,
  }
}
