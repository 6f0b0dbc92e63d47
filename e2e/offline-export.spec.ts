import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
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

test('a board opened once can be reloaded and exported to PDF with no network, never having exported before', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Field visit')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await alice.addNote('Seen at the depot')
  const cached = () =>
    alice.page.evaluate(async () => {
      const keys = await (await caches.open('journeyboard-shell-v2')).keys()
      return keys.map((request) => new URL(request.url).pathname)
    })
  // Installed: the shell and its entry files at once, the ~3 MB of PDF renderer and fonts not yet.
  await alice.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  await expect.poll(async () => (await cached()).some((path) => path.startsWith('/assets/index-'))).toBe(true)
  expect((await cached()).some((path) => path.startsWith('/assets/renderBoardPdf'))).toBe(false)
  // Once the page has settled, the worker caches the rest; the PDF renderer was never loaded here.
  await expect
    .poll(async () => (await cached()).some((path) => path.startsWith('/assets/renderBoardPdf')), {
      timeout: 40_000,
      intervals: [1_000],
    })
    .toBe(true)

  await alice.page.context().setOffline(true)
  await alice.page.reload()
  await expect(alice.page.locator('body[data-board-ready="true"]')).toBeAttached({ timeout: 20_000 })
  await expect(alice.status).toHaveAttribute('data-status', 'offline')
  await alice.addNote('Written offline')

  await alice.page.getByRole('button', { name: 'Export…' }).click()
  const downloading = alice.page.waitForEvent('download')
  await alice.page
    .getByRole('dialog', { name: 'Export board' })
    .getByRole('button', { name: 'Export PDF' })
    .click()
  const file = join(mkdtempSync(join(tmpdir(), 'jb-e2e-offline-pdf-')), 'board.pdf')
  await (await downloading).saveAs(file)
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  expect(text).toContain('Field visit')
  expect(text).toMatch(/Seen at the\s+depot/)
  expect(text).toMatch(/Written\s+offline/)
})
