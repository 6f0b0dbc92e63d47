/*
 * The journey map's anatomy in a real browser: a board with every lane kind, every note kind, two
 * personas' curves and connectors is drawn, reachable by keyboard and screen reader, and free of
 * serious accessibility violations.
 */
import AxeBuilder from '@axe-core/playwright'
import { exportBoardJson } from '../shared/src/exchange/json'
import { richBoard } from '../shared/src/scene/testing/richBoard'
import { openBoardAs } from './fixtures/BoardPage'
import { importBoard, type RunningServer, startServer } from './fixtures/server'
import { expect, test } from './fixtures/test'

let server: RunningServer

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})

test('a rich board draws every lane kind and note kind, and has no serious accessibility violation', async ({
  browser,
}) => {
  const board = await importBoard(server.baseUrl, exportBoardJson(richBoard().doc))
  const person = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const { page } = person
  await page.getByRole('button', { name: 'Zoom to fit' }).click()
  await page.screenshot({ path: test.info().outputPath('rich-board.png') })
  const axe = await new AxeBuilder({ page }).analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])
})
