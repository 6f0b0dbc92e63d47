import { BoardPage } from './fixtures/BoardPage'
import { type RunningServer, startServer } from './fixtures/server'
import { expect, test } from './fixtures/test'

let server: RunningServer

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})

test('create a journey map from the customer-lifecycle template, then find it on the home page', async ({
  page,
}) => {
  await page.goto(server.baseUrl)
  const form = page.getByRole('form', { name: 'New journey map' })
  await form.getByRole('textbox').first().fill('Checkout journey')
  await form.getByRole('button', { name: /create/i }).click()

  const board = new BoardPage(page)
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]+#token=/)
  await board.ready()
  for (const stage of ['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Retention', 'Advocacy']) {
    await expect(board.outline.getByRole('columnheader', { name: stage })).toBeAttached()
  }
  for (const lane of [
    'Customer actions',
    'Touchpoints & channels',
    'Thoughts & emotions',
    'Pain points',
    'Opportunities',
  ]) {
    await expect(board.outline.getByRole('rowheader', { name: lane })).toBeAttached()
  }
  await board.addNote('Sees an Instagram ad')

  await page.goto(server.baseUrl)
  const entry = page.getByRole('link', { name: 'Open Checkout journey' })
  await expect(entry).toBeVisible()
  await expect(page.getByText(/1 note/)).toBeVisible({ timeout: 15_000 })
  await entry.click()
  await board.ready()
  await expect(board.note('Sees an Instagram ad')).toBeAttached()
})
