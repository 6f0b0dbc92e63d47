import { openBoardAs } from './fixtures/BoardPage'
import { type CreatedBoard, createBoard, type RunningServer, startServer } from './fixtures/server'
import { expect, test } from './fixtures/test'

let server: RunningServer
let board: CreatedBoard

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})
test.beforeEach(async () => {
  board = await createBoard(server.baseUrl, 'Two people')
})

test('a note added by one person appears for the other, with its text', async ({ browser }) => {
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl)

  await alice.addNote('Sees an Instagram ad')
  await expect(bob.note('Sees an Instagram ad')).toBeAttached()
  await expect(bob.notes).toHaveCount(1)
})

test('two people typing into one note at once: both words survive, nothing doubles', async ({ browser }) => {
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await alice.addNote('Compares plans')
  await expect(bob.note('Compares plans')).toBeAttached()

  await alice.startEditing('Compares plans')
  await bob.startEditing('Compares plans')
  await alice.page.keyboard.press('End')
  await bob.page.keyboard.press('Home')
  // Character by character, at the same time, at both ends of the text.
  await Promise.all([
    alice.page.keyboard.type(' on the pricing page', { delay: 25 }),
    bob.page.keyboard.type('Often ', { delay: 25 }),
  ])
  const merged = 'Often Compares plans on the pricing page'
  await expect(alice.editor).toHaveValue(merged)
  await expect(bob.editor).toHaveValue(merged)
  await alice.page.keyboard.press('Escape')
  await bob.page.keyboard.press('Escape')
  await expect(alice.note(merged)).toBeAttached()
  await expect(bob.note(merged)).toBeAttached()
  await expect(bob.notes).toHaveCount(1)
})

test('a note dragged into another cell moves for both people', async ({ browser }) => {
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await alice.addNote('Unsure which plan fits')
  await expect(bob.note('Unsure which plan fits')).toBeAttached()
  const before = await bob.cellOf('Unsure which plan fits')

  const id = await alice.noteId('Unsure which plan fits')
  const from = await alice.noteCenterOnScreen(id)
  const to = await alice.cellCenterOnScreen('Purchase', 'Pain points')
  await alice.page.mouse.move(from.x, from.y)
  await alice.page.mouse.down()
  for (let i = 1; i <= 10; i++) {
    await alice.page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10)
  }
  await alice.page.mouse.up()

  const stageId = await alice.outline
    .getByRole('columnheader', { name: 'Purchase' })
    .getAttribute('data-stage-id')
  const laneId = await alice.outline.getByRole('row', { name: /Pain points/ }).getAttribute('data-lane-id')
  await expect.poll(() => alice.cellOf('Unsure which plan fits')).toEqual({ stageId, laneId })
  await expect.poll(() => bob.cellOf('Unsure which plan fits')).toEqual({ stageId, laneId })
  expect(before).not.toEqual({ stageId, laneId })
})
