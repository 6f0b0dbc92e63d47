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

  const opener = alice.page.getByRole('button', { name: 'Export…' })
  await expect(opener).toBeEnabled()
  const outDir = process.env.PDF_E2E_OUT ?? mkdtempSync(join(tmpdir(), 'jb-e2e-pdf-'))
  await alice.page.locator('header.topbar').screenshot({ path: join(outDir, 'topbar.png') })

  await opener.click()
  const dialog = alice.page.getByRole('dialog', { name: 'Export board' })
  await expect(dialog).toBeVisible()
  const button = dialog.getByRole('button', { name: 'Export PDF' })
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
  await expect(dialog).toBeHidden()
  await expect(opener).toHaveText('Export…')

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

test('the Export dialog makes A4 stage pages with a cover and insights, a PNG at 2× and an SVG', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Dialog export')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await alice.addNote('Καλημέρα from the dialog')
  const outDir = process.env.PDF_E2E_OUT ?? mkdtempSync(join(tmpdir(), 'jb-e2e-pdf-'))
  const { page } = alice
  const dialog = page.getByRole('dialog', { name: 'Export board' })
  const open = async () => {
    await page.getByRole('button', { name: 'Export…' }).click()
    await expect(dialog).toBeVisible()
  }

  await open()
  await dialog.getByLabel('Page size').selectOption('A4')
  await dialog.getByLabel('Layout').selectOption('stages')
  await dialog.getByLabel('Cover page').check()
  await dialog.getByLabel('Insights page').check()
  await dialog.screenshot({ path: join(outDir, 'export-dialog.png') })
  const pdfDownload = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export PDF' }).click()
  const pdfFile = join(outDir, 'dialog.pdf')
  await (await pdfDownload).saveAs(pdfFile)
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })
  expect(info).toMatch(/Tagged:\s+yes/)
  expect(info).toMatch(/Page size:\s+841.89 x 595.28 pts \(A4\)/)
  expect(Number(info.match(/Pages:\s+(\d+)/)?.[1])).toBeGreaterThan(3)
  const text = pdftotext(pdfFile)
  expect(text).toMatch(/Καλημέρα from\s+the\s+dialog/)
  expect(text).toContain('Notes per lane kind and stage')
  await expect(dialog).toBeHidden()

  // Ctrl+Shift+E exports again with the options last chosen.
  const again = page.waitForEvent('download')
  await page.keyboard.press('Control+Shift+E')
  const againFile = join(outDir, 'again.pdf')
  await (await again).saveAs(againFile)
  expect(execFileSync('pdfinfo', [againFile], { encoding: 'utf8' })).toMatch(/\(A4\)/)

  await open()
  await dialog.getByLabel('PNG image').check()
  await dialog.getByLabel('Resolution').selectOption('2')
  const pngDownload = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export PNG' }).click()
  const png = await pngDownload
  expect(png.suggestedFilename()).toBe('Dialog export.png')
  const pngFile = join(outDir, 'board.png')
  await png.saveAs(pngFile)
  const bytes = readFileSync(pngFile)
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  // The whole board at 2×: wider than the board's 1,800-odd units.
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(3_000)

  await open()
  await dialog.getByLabel('SVG').check()
  const svgDownload = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export SVG' }).click()
  const svgFile = join(outDir, 'board.svg')
  await (await svgDownload).saveAs(svgFile)
  const svg = readFileSync(svgFile, 'utf8')
  expect(svg).toMatch(/^<svg xmlns/)
  expect(svg).toContain('Καλημέρα from')
})
