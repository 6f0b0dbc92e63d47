import type { Browser } from '@playwright/test'
import { type BoardPage, openBoardAs } from './fixtures/BoardPage'
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
  board = await createBoard(server.baseUrl, 'Workshop')
})

/** A first-time visitor in their own browser profile, who answers the name dialog. */
async function join(browser: Browser, name: string): Promise<BoardPage> {
  const person = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: null })
  await expect(person.nameDialog).toBeVisible()
  await person.setName(name)
  return person
}

const headcount = (person: BoardPage) => person.participants.getByRole('status', { name: 'People here' })
const personEntry = (viewer: BoardPage, name: string) =>
  viewer.people.getByRole('listitem').filter({ hasText: name })

/** The texts drawn on a page's canvas that match `pattern` (read from Konva's scene graph, not pixels). */
async function canvasTexts(person: BoardPage, pattern: string): Promise<string[]> {
  return person.page.evaluate((source) => {
    const konva = (
      window as unknown as {
        Konva: { stages: { find(fn: (n: { getClassName(): string }) => boolean): { text(): string }[] }[] }
      }
    ).Konva
    const texts = konva.stages[0]?.find((n) => n.getClassName() === 'Text') ?? []
    return texts.map((t) => t.text()).filter((t) => new RegExp(source).test(t))
  }, pattern)
}

/** The other people's pointers shown over a page's canvas. */
const remoteCursors = (person: BoardPage) => person.page.locator('.remote-cursor')

async function stageViewport(person: BoardPage) {
  return person.page.evaluate(() => {
    const stage = (
      window as unknown as { Konva: { stages: { x(): number; y(): number; scaleX(): number }[] } }
    ).Konva.stages[0]
    return stage ? { x: stage.x(), y: stage.y(), scale: stage.scaleX() } : null
  })
}

test('three people on one board see each other: names, cursors, who edits what, and who left', async ({
  browser,
}) => {
  const alice = await join(browser, 'Alice Adams')
  const bob = await join(browser, 'Bob')
  const carol = await join(browser, 'Carol')

  for (const [person, others] of [
    [alice, ['Bob', 'Carol']],
    [bob, ['Alice Adams', 'Carol']],
    [carol, ['Alice Adams', 'Bob']],
  ] as const) {
    await expect(headcount(person)).toHaveText('3')
    for (const name of others) {
      await expect(person.participants.getByRole('button', { name: `Go to ${name}` })).toBeVisible()
      await expect(personEntry(person, name)).toHaveCount(1)
    }
  }
  await expect(bob.participants.getByRole('button', { name: 'Go to Alice Adams' })).toHaveText('AA')

  // Alice moves her pointer over the canvas: Bob and Carol see her cursor, labelled with her name.
  const canvas = await alice.page.locator('.board-canvas').boundingBox()
  if (!canvas) throw new Error('no canvas')
  await alice.page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2)
  await alice.page.mouse.move(canvas.x + canvas.width / 2 + 120, canvas.y + canvas.height / 2 + 60, {
    steps: 8,
  })
  for (const viewer of [bob, carol]) {
    await expect(personEntry(viewer, 'Alice Adams')).toHaveAttribute('data-cursor', 'shown')
    await expect(personEntry(viewer, 'Alice Adams')).toContainText('pointer on the board')
    // Cursors are drawn over the canvas, not on it (canvas/RemoteCursors.tsx).
    await expect(remoteCursors(viewer)).toHaveText(['Alice Adams'])
  }
  await expect(personEntry(bob, 'Carol')).toHaveAttribute('data-cursor', 'hidden')

  // Alice edits a note: Bob sees "Alice Adams is editing" on it, in the outline and on the canvas.
  await alice.addNote('Compares plans')
  await expect(bob.note('Compares plans')).toBeAttached()
  await alice.startEditing('Compares plans')
  await expect(bob.note('Compares plans')).toHaveAttribute('aria-description', 'Alice Adams is editing')
  await expect(personEntry(bob, 'Alice Adams')).toContainText('editing “Compares plans”')
  await expect.poll(() => canvasTexts(bob, 'is editing')).toEqual(['✎ Alice Adams is editing'])
  await alice.page.keyboard.press('Escape')
  await expect(bob.note('Compares plans')).not.toHaveAttribute('aria-description', /editing/)

  // Alice closes her page: she is gone for the others.
  await alice.page.context().close()
  for (const viewer of [bob, carol]) {
    await expect(headcount(viewer)).toHaveText('2')
    await expect(personEntry(viewer, 'Alice Adams')).toHaveCount(0)
    await expect(viewer.participants.getByRole('button', { name: 'Go to Alice Adams' })).toHaveCount(0)
  }
  await expect.poll(() => canvasTexts(bob, 'Alice')).toEqual([])
  await expect(remoteCursors(bob)).toHaveCount(0)
})

test('a name is asked once and remembered; clicking a person jumps to where they are looking', async ({
  browser,
}) => {
  const alice = await join(browser, 'Alice')
  await alice.page.reload()
  await alice.ready({ keepNameDialog: true })
  await expect(alice.nameDialog).toHaveCount(0)

  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: null })
  await bob.nameDialog.getByRole('button', { name: 'Skip' }).click()
  // Skipping keeps a friendly generated name, which the others see.
  await expect(alice.people.getByRole('listitem')).toHaveText(/^[A-Z][a-z]+ [A-Z][a-z]+/)

  // Alice zooms in on a corner of the board; Bob clicks her avatar and sees the same place.
  await alice.page.getByRole('button', { name: 'Zoom in' }).click()
  await alice.page.getByRole('button', { name: 'Zoom in' }).click()
  const aliceView = await stageViewport(alice)
  await expect.poll(async () => (await stageViewport(bob))?.scale).not.toBeCloseTo(aliceView?.scale ?? 0, 2)
  // Same viewport size, so the same view: the same scale and origin. Alice's view reaches Bob within a
  // presence flush (100 ms) of her zoom; a click before then goes where she was, so he clicks again.
  await expect(async () => {
    await bob.participants.getByRole('button', { name: 'Go to Alice' }).click()
    await expect
      .poll(async () => (await stageViewport(bob))?.scale, { timeout: 2_000 })
      .toBeCloseTo(aliceView?.scale ?? 0, 2)
  }).toPass()
  const bobView = await stageViewport(bob)
  expect(Math.abs((bobView?.x ?? 0) - (aliceView?.x ?? 0))).toBeLessThan(2)
  expect(Math.abs((bobView?.y ?? 0) - (aliceView?.y ?? 0))).toBeLessThan(2)
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

// Without a GPU, Chromium hands every visible canvas to the compositor again on each frame that changes
// anything, and with a workshop's cursors moving that is most frames (InteractionLayer.tsx).
test('the selection and presence layers are hidden while they have nothing to draw', async ({ browser }) => {
  const alice = await join(browser, 'Alice')
  const bob = await join(browser, 'Bob')
  await alice.addNote('Reads a review')
  await expect(bob.note('Reads a review')).toBeAttached()

  // Nothing selected anywhere: the grid and the notes, nothing else.
  await alice.page.keyboard.press('Escape')
  await expect.poll(() => visibleCanvases(alice)).toBe(2)
  await expect.poll(() => visibleCanvases(bob)).toBe(2)

  // Alice selects the note: her selection layer shows, and Bob's presence layer shows her ring.
  const id = await alice.noteId('Reads a review')
  const center = await alice.noteCenterOnScreen(id)
  // No wait for the note to reach a hit canvas: the canvas finds notes from the layout.
  await alice.page.mouse.click(center.x, center.y)
  await expect.poll(() => visibleCanvases(alice)).toBe(3)
  await expect.poll(() => visibleCanvases(bob)).toBe(3)

  await alice.page.keyboard.press('Escape')
  await expect.poll(() => visibleCanvases(alice)).toBe(2)
  await expect.poll(() => visibleCanvases(bob)).toBe(2)
})
