import type { Page } from '@playwright/test'
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

const zoomPercent = async (page: Page) =>
  Number((await page.locator('.zoom__value').textContent())?.replace('%', ''))
const noteNodes = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { Konva: { stages: { find(s: string): unknown[] }[] } }).Konva.stages[0]?.find(
        '.note',
      ).length ?? 0,
  )

/** Ctrl+wheel at the pointer until the zoom passes `until`, with no pause: one continuous gesture. */
async function wheelZoom(page: Page, deltaY: number, until: (percent: number) => boolean): Promise<void> {
  await page.keyboard.down('Control')
  for (let i = 0; i < 60 && !until(await zoomPercent(page)); i++) await page.mouse.wheel(0, deltaY)
  await page.keyboard.up('Control')
  expect(until(await zoomPercent(page))).toBe(true)
}

test('zooming from blocks back to readable notes: text returns when the wheel stops, and a note pressed at once is dragged, not the board panned', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Zoom and grab')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await alice.addNote('Zoom target')
  const id = await alice.noteId('Zoom target')
  const from = await alice.cellOf('Zoom target')
  // Zooming anchors at the pointer, so the note stays under it all along.
  const at = await alice.noteCenterOnScreen(id)
  await alice.page.mouse.move(at.x, at.y)

  await wheelZoom(alice.page, 100, (percent) => percent <= 15)
  await expect.poll(() => noteNodes(alice.page)).toBe(0) // a few pixels tall: drawn as blocks

  await wheelZoom(alice.page, -100, (percent) => percent >= 60)
  // Pressed before the view has settled: the press itself brings the notes' nodes back.
  await alice.page.mouse.down()
  await alice.page.mouse.move(at.x, at.y + 300, { steps: 6 })
  await alice.page.mouse.up()
  await expect.poll(async () => (await alice.cellOf('Zoom target')).laneId).not.toBe(from.laneId)
  await expect.poll(() => noteNodes(alice.page)).toBeGreaterThan(0)
})
