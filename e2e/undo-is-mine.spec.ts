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

test('undo takes back my note, never a colleague’s, and redo brings it back', async ({ browser }) => {
  const board = await createBoard(server.baseUrl, 'Undo is mine')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl)

  await alice.addNote('Alice: signs up')
  await expect(bob.note('Alice: signs up')).toBeAttached()
  await bob.addNote('Bob: gets a welcome mail')
  await expect(alice.note('Bob: gets a welcome mail')).toBeAttached()

  // The most recent change on the board is Bob's; Alice's undo still takes back only her own.
  await alice.page.keyboard.press('Control+z')
  for (const person of [alice, bob]) {
    await expect(person.note('Alice: signs up')).toHaveCount(0)
    await expect(person.note('Bob: gets a welcome mail')).toBeAttached()
    await expect(person.notes).toHaveCount(1)
  }
  // Nothing of Alice's is left to undo: another Ctrl+Z leaves Bob's note alone.
  await expect(alice.page.getByRole('button', { name: 'Undo' })).toBeDisabled()
  await alice.page.keyboard.press('Control+z')
  await expect(bob.note('Bob: gets a welcome mail')).toBeAttached()

  await alice.page.keyboard.press('Control+Shift+z')
  for (const person of [alice, bob]) {
    await expect(person.note('Alice: signs up')).toBeAttached()
    await expect(person.notes).toHaveCount(2)
  }
})

test('Ctrl+Z in the note editor undoes my typing through the board’s history', async ({ browser }) => {
  const board = await createBoard(server.baseUrl, 'Undo while typing')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await alice.addNote('Reads the docs')
  await alice.startEditing('Reads the docs')
  await alice.page.keyboard.press('End')
  await alice.page.keyboard.type(' twice')
  await expect(alice.editor).toHaveValue('Reads the docs twice')
  await alice.page.keyboard.press('Control+z')
  await expect(alice.editor).toHaveValue('Reads the docs')
  await alice.page.keyboard.press('Control+y')
  await expect(alice.editor).toHaveValue('Reads the docs twice')
})
