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

test('a view link shows live edits but cannot change the board', async ({ browser }) => {
  const board = await createBoard(server.baseUrl, 'Stakeholder view')
  const editor = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const viewer = await openBoardAs(browser, server.baseUrl, board.viewUrl)

  await expect(viewer.page.getByText(/view only|read-only/i).first()).toBeVisible()
  // No editing tools at all on a view link (issue 20): the toolbar is not shown.
  await expect(viewer.page.getByRole('button', { name: 'Add note' })).toHaveCount(0)

  await editor.addNote('Guided checklist')
  await expect(viewer.note('Guided checklist')).toBeAttached()

  // Enter on a note does not open an editor for a viewer.
  await viewer.note('Guided checklist').focus()
  await viewer.page.keyboard.press('Enter')
  await expect(viewer.editor).toHaveCount(0)
})

test('a wrong token is refused with a clear message', async ({ page }) => {
  const board = await createBoard(server.baseUrl, 'Private')
  await page.goto(`${server.baseUrl}/b/${board.id}#token=not-the-token`)
  await expect(page.getByText(/link|token|access/i).first()).toBeVisible()
  await expect(page.locator('body[data-board-ready="true"]')).toHaveCount(0)
})
