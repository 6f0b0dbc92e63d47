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

test('after kill -9 and a restart, the page reconnects by itself and the board is intact', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Survives a crash')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await alice.addNote('Reads reviews on G2')
  await alice.addNote('Card required for trial')
  // Bob has received both: from here on, they must survive the crash.
  await expect(bob.note('Card required for trial')).toBeAttached()

  await server.kill('SIGKILL')
  await expect(alice.status).not.toHaveAttribute('data-status', 'connected')
  await server.restart()
  await expect(alice.status).toHaveAttribute('data-status', 'connected', { timeout: 30_000 })
  await expect(bob.status).toHaveAttribute('data-status', 'connected', { timeout: 30_000 })

  // Edits flow again after the reconnect, both ways.
  await bob.addNote('Invites the team')
  await expect(alice.note('Invites the team')).toBeAttached()

  // A newcomer, who never had the board in memory, gets it from disk.
  const carol = await openBoardAs(browser, server.baseUrl, board.editUrl)
  for (const text of ['Reads reviews on G2', 'Card required for trial', 'Invites the team']) {
    await expect(carol.note(text)).toBeAttached()
  }
  await expect(carol.notes).toHaveCount(3)
})
