/*
 * The built client runs under the server's CSP (no inline scripts, sockets to its own host): the home
 * page and a live board load, sync and edit with no CSP violation reported by the browser.
 */
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

test('the home page and a board work under the CSP with no violations', async ({ page }) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load (CSP ${event.violatedDirective}): ${event.blockedURI}`)
    })
  })

  const home = await page.goto(server.baseUrl)
  expect(home?.headers()['content-security-policy']).toContain("script-src 'self'")
  expect(home?.headers()['x-frame-options']).toBe('DENY')

  const board = await createBoard(server.baseUrl, 'Under CSP')
  const person = new BoardPage(page)
  await person.open(server.baseUrl, board.editUrl)
  await person.addNote('Allowed by the policy')
  await expect(person.note('Allowed by the policy')).toBeAttached()
  expect(violations).toEqual([])
})
