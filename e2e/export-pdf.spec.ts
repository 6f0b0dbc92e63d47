import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openBoardAs } from './fixtures/BoardPage'
import { createBoard, type RunningServer, startServer } from './fixtures/server'
import { expect, test } from './fixtures/test'

let server: RunningServer

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})

const pdftotext = (file: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })

test('a stakeholder exports the board to PDF from the top bar, online and then offline', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Onboarding — Ωmega café')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await alice.addNote('Привет from the workshop')

  const button = alice.page.getByRole('button', { name: 'Export PDF' })
  await expect(button).toBeEnabled()
  const outDir = process.env.PDF_E2E_OUT ?? mkdtempSync(join(tmpdir(), 'jb-e2e-pdf-'))
  await alice.page.locator('header.topbar').screenshot({ path: join(outDir, 'topbar.png') })

  const downloading = alice.page.waitForEvent('download')
  await button.click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('Onboarding — Ωmega café.pdf')
  const file = join(outDir, 'export.pdf')
  await download.saveAs(file)
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
  const text = pdftotext(file)
  expect(text).toContain('Onboarding — Ωmega café')
  expect(text).toMatch(/Привет from the\s+workshop/)
  expect(text).toContain('AWARENESS')
  await expect(button).toHaveText('Export PDF')

  // The page renders: pdftoppm makes a PNG of the page at 60 dpi.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join(outDir, 'export')])
  const png = readFileSync(join(outDir, 'export.png'))
  expect(png.readUInt32BE(16)).toBeGreaterThan(500)

  // Offline: the export is drawn from the local document, edits made offline included.
  await alice.page.context().setOffline(true)
  await expect(alice.status).toHaveAttribute('data-status', 'offline')
  await alice.addNote('Written on the train')
  const again = alice.page.waitForEvent('download')
  await alice.page.keyboard.press('Control+Shift+E')
  const offlineFile = join(outDir, 'offline.pdf')
  await (await again).saveAs(offlineFile)
  expect(pdftotext(offlineFile)).toMatch(/Written on the\s+train/)
})
