import { BoardPage } from './fixtures/BoardPage'
import { createBoard, type RunningServer, startServer } from './fixtures/server'
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
    'Channels',
    'Thoughts',
    'Emotions',
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

test('the home page shows only the boards this browser holds a link for, and says when one stopped working', async ({
  browser,
}) => {
  const theirs = await createBoard(server.baseUrl, 'Q3 layoffs journey')
  const mine = await createBoard(server.baseUrl, 'Returns journey')
  const page = await (await browser.newContext()).newPage()
  // Another team's board exists on this server; this browser knows only its own, and one link that
  // no longer works (a board it was given that is gone).
  await page.addInitScript(
    ([boardId, viewToken]) => {
      if (localStorage.getItem('journeyboard:boards')) return // seeded once, not on every load
      const now = Date.now()
      localStorage.setItem(
        'journeyboard:boards',
        JSON.stringify({
          [boardId]: { id: boardId, title: 'Returns journey', viewToken, lastOpenedAt: now },
          AAAAAAAAAAAAAAAAAAAAAA: {
            id: 'AAAAAAAAAAAAAAAAAAAAAA',
            title: 'Offsite 2025',
            editToken: 'a-link-that-no-longer-works',
            lastOpenedAt: now - 60_000,
          },
        }),
      )
    },
    [mine.id, mine.viewToken] as const,
  )
  const requests: string[] = []
  page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`))
  await page.goto(server.baseUrl)

  const list = page.getByRole('region', { name: 'Your boards' })
  await expect(list.getByRole('link', { name: 'Open Returns journey' })).toBeVisible()
  await expect(list.getByText('view only')).toBeVisible()
  await expect(list.getByText('This link no longer works')).toBeVisible()
  await expect(page.getByText(theirs.title)).toHaveCount(0)
  await expect(page.getByText('Other boards on this server')).toHaveCount(0)
  expect(requests).not.toContain('GET /api/boards')
  expect(requests).toContain('POST /api/boards/known')
  await page.screenshot({ path: test.info().outputPath('home.png'), fullPage: true })

  await list.getByRole('button', { name: 'Forget Offsite 2025' }).click()
  await expect(list.getByText('Offsite 2025')).toHaveCount(0)
  await page.reload()
  await expect(list.getByRole('link', { name: 'Open Returns journey' })).toBeVisible()
  await expect(list.getByText('Offsite 2025')).toHaveCount(0)
})
