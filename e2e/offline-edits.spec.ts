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

test('edits made offline, across a reload, merge both ways when the network returns', async ({ browser }) => {
  const board = await createBoard(server.baseUrl, 'Train ride')
  const link = `${server.baseUrl}${board.editUrl}`
  const alice = await openBoardAs(browser, link)
  const bob = await openBoardAs(browser, link)
  const carol = await openBoardAs(browser, link)
  await alice.addNote('Before the tunnel')
  await expect(bob.note('Before the tunnel')).toBeAttached()
  // The offline app shell must be installed before the network goes.
  await alice.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))

  await alice.page.context().setOffline(true)
  await expect(alice.status).toHaveAttribute('data-status', 'offline')
  await alice.addNote('Written in the tunnel')
  await expect(alice.status).toContainText(/not synced/)
  await bob.addNote('Bob meanwhile')

  // A reload without a network: the shell comes from the service worker, the board from IndexedDB.
  await alice.page.waitForTimeout(300)
  await alice.page.reload()
  await expect(alice.page.locator('body[data-board-ready="true"]')).toBeAttached({ timeout: 20_000 })
  await expect(alice.status).toHaveAttribute('data-status', 'offline')
  await expect(alice.note('Before the tunnel')).toBeAttached()
  await expect(alice.note('Written in the tunnel')).toBeAttached()
  await expect(alice.note('Bob meanwhile')).toHaveCount(0)

  // More offline work after the reload: a new note and an edit of an old one.
  await alice.addNote('Still underground')
  await alice.startEditing('Before the tunnel')
  await alice.page.keyboard.press('End')
  await alice.page.keyboard.type(', and after')
  await alice.page.keyboard.press('Escape')
  await carol.addNote('Carol meanwhile')

  await alice.page.context().setOffline(false)
  await expect(alice.status).toHaveAttribute('data-status', 'connected', { timeout: 20_000 })
  const everything = [
    'Before the tunnel, and after',
    'Written in the tunnel',
    'Still underground',
    'Bob meanwhile',
    'Carol meanwhile',
  ]
  for (const person of [alice, bob, carol]) {
    for (const text of everything) await expect(person.note(text)).toBeAttached()
    await expect(person.notes).toHaveCount(everything.length)
  }
  await expect(alice.status).not.toContainText(/not synced/)
})
