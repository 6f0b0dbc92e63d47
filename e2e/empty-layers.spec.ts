import { expect, test } from '@playwright/test'
import { BoardPage } from './fixtures/BoardPage'
import { type CreatedBoard, createBoard, type RunningServer, startServer } from './fixtures/server'

/**
 * The selection and presence layers are hidden while they have nothing to draw: without a GPU,
 * Chromium hands every visible canvas to the compositor again on each frame that changes anything,
 * and with a workshop's cursors moving that is most frames (InteractionLayer.tsx, PresenceLayer.tsx).
 */
let server: RunningServer
let board: CreatedBoard

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})
test.beforeEach(async () => {
  board = await createBoard(server.baseUrl, 'Empty layers')
})

/** How many of the stage's canvases are shown (Konva hides a hidden layer's canvas with display: none). */
function visibleCanvases(person: BoardPage): Promise<number> {
  return person.page.evaluate(
    () =>
      [...document.querySelectorAll('.konvajs-content canvas')].filter(
        (canvas) => getComputedStyle(canvas).display !== 'none',
      ).length,
  )
}

test('a layer with nothing to draw is hidden, and shows again when it has something', async ({ browser }) => {
  const alice = new BoardPage(await (await browser.newContext()).newPage())
  const bob = new BoardPage(await (await browser.newContext()).newPage())
  await alice.open(server.baseUrl, board.editUrl)
  await bob.open(server.baseUrl, board.editUrl)
  await alice.addNote('Reads a review')
  await expect(bob.note('Reads a review')).toBeAttached()

  // Nothing selected anywhere: the grid and the notes, nothing else.
  await alice.page.keyboard.press('Escape')
  await expect.poll(() => visibleCanvases(alice)).toBe(2)
  await expect.poll(() => visibleCanvases(bob)).toBe(2)

  // Alice selects the note: her selection layer shows, and Bob's presence layer shows her ring.
  const center = await alice.noteCenterOnScreen(await alice.noteId('Reads a review'))
  await alice.page.mouse.click(center.x, center.y)
  await expect.poll(() => visibleCanvases(alice)).toBe(3)
  await expect.poll(() => visibleCanvases(bob)).toBe(3)

  await alice.page.keyboard.press('Escape')
  await expect.poll(() => visibleCanvases(alice)).toBe(2)
  await expect.poll(() => visibleCanvases(bob)).toBe(2)
})
