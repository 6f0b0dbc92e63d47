/*
 * A facilitator reshapes the grid during a workshop while a colleague watches: rename a stage in place,
 * add a lane of a chosen kind, move a stage, delete a lane holding a note (it goes to "Unsorted", for
 * both), and undo the delete (the lane and its note come back, for both). The colleague reads the grid
 * through the accessible outline's column and row headers, in order.
 */
import type { Locator, Page } from '@playwright/test'
import { type BoardPage, openBoardAs } from './fixtures/BoardPage'
import { createBoard, type RunningServer, startServer } from './fixtures/server'
import { expect, test } from './fixtures/test'

let server: RunningServer

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})

const STAGES = ['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Retention', 'Advocacy']
const LANES = ['Customer actions', 'Channels', 'Thoughts', 'Emotions', 'Pain points', 'Opportunities']

/** Column headers of the outline, left to right, without the lane-title column. */
async function stageHeaders(person: BoardPage): Promise<string[]> {
  const names = await person.outline
    .getByRole('columnheader')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? cell.textContent ?? ''))
  return names.slice(1)
}

async function laneHeaders(person: BoardPage): Promise<string[]> {
  return person.outline
    .getByRole('rowheader')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? cell.textContent ?? ''))
}

function unsortedRow(person: BoardPage): Locator {
  return person.outline
    .getByRole('row')
    .filter({ has: person.page.getByRole('rowheader', { name: 'Unsorted', exact: true }) })
}

/** Opens a header's menu from the outline, as a keyboard user would (focus its options button, Enter). */
async function openHeaderMenu(person: BoardPage, name: string): Promise<Locator> {
  await person.outline.getByRole('button', { name, exact: true }).focus()
  await person.page.keyboard.press('Enter')
  const menu = person.page.getByRole('menu', { name })
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('menuitem').first()).toBeFocused()
  return menu
}

/** Deletes the stage holding the note (through its menu and the confirmation); returns its title. */
async function deleteStageOf(person: BoardPage, noteText: string): Promise<string | null> {
  const { stageId } = await person.cellOf(noteText)
  const stageTitle = await person.outline.locator(`th[data-stage-id="${stageId}"]`).getAttribute('aria-label')
  const menu = await openHeaderMenu(person, `Stage options: ${stageTitle}`)
  await menu.getByRole('menuitem', { name: 'Delete stage…' }).click()
  await person.page.getByRole('dialog').getByRole('button', { name: 'Delete stage' }).click()
  return stageTitle
}

/** Screen point of a stage header's title, read from what the canvas drew. */
function stageHeaderOnScreen(page: Page, title: string): Promise<{ x: number; y: number }> {
  return textOnScreen(page, title.toUpperCase())
}

/** Screen point near the start of a text the canvas drew (a header's title). */
async function textOnScreen(page: Page, drawnText: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((label) => {
    type Node = { getClassName(): string; text(): string; getClientRect(): DOMRect }
    const konva = (
      window as unknown as {
        Konva: { stages: { find(fn: (n: Node) => boolean): Node[]; container(): HTMLElement }[] }
      }
    ).Konva
    const stage = konva.stages[0]
    // The canvas draws a text as the lines it breaks it into.
    const text = stage?.find(
      (n) => n.getClassName() === 'Text' && n.text().replaceAll('\n', ' ') === label,
    )[0]
    if (!stage || !text) return null
    const rect = text.getClientRect()
    const origin = stage.container().getBoundingClientRect()
    return { x: origin.x + rect.x + 20, y: origin.y + rect.y + Math.min(rect.height / 2, 10) }
  }, drawnText)
  if (!point) throw new Error(`"${drawnText}" is not drawn`)
  return point
}

test('a facilitator renames, adds, moves and deletes stages and lanes; a colleague sees each change live', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Workshop grid')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await expect.poll(() => stageHeaders(bob)).toEqual(STAGES)

  // Rename in place: double-click the header on the canvas, type, Enter.
  const retention = await stageHeaderOnScreen(alice.page, 'Retention')
  await alice.page.mouse.dblclick(retention.x, retention.y)
  const nameField = alice.page.getByRole('textbox', { name: 'Stage name' })
  await expect(nameField).toBeFocused()
  await expect(nameField).toHaveValue('Retention')
  await nameField.fill('Loyalty')
  await alice.page.keyboard.press('Enter')
  await expect(nameField).toHaveCount(0)
  const renamed = STAGES.map((s) => (s === 'Retention' ? 'Loyalty' : s))
  await expect.poll(() => stageHeaders(bob)).toEqual(renamed)

  // Add a lane at the end from the "+" under the grid, choosing its kind.
  await alice.page.locator('.grid-add--lane').click()
  const form = alice.page.getByRole('form', { name: /Add a lane/ })
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused()
  await alice.page.keyboard.type('Moments of truth')
  await form.getByRole('radio', { name: 'Custom' }).check()
  await form.getByRole('button', { name: 'Add lane' }).click()
  await expect(form).toHaveCount(0)
  await expect.poll(() => laneHeaders(bob)).toEqual([...LANES, 'Moments of truth'])

  // Move "Advocacy" one place left from its menu.
  const advocacyMenu = await openHeaderMenu(alice, 'Stage options: Advocacy')
  await expect(advocacyMenu.getByRole('menuitem', { name: 'Move right' })).toBeDisabled()
  await advocacyMenu.getByRole('menuitem', { name: 'Move left' }).click()
  await expect(advocacyMenu).toHaveCount(0)
  const moved = ['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Advocacy', 'Loyalty']
  await expect.poll(() => stageHeaders(bob)).toEqual(moved)
  await expect.poll(() => stageHeaders(alice)).toEqual(moved)

  // Delete a lane that holds a note: the confirmation counts it, and the note moves to "Unsorted".
  await alice.addNote('Calls support twice')
  await expect(bob.note('Calls support twice')).toBeAttached()
  const { laneId, stageId } = await alice.cellOf('Calls support twice')
  const laneTitle = await alice.outline.locator(`tr[data-lane-id="${laneId}"] th`).getAttribute('aria-label')
  if (!laneTitle) throw new Error('the note is in no lane')
  const laneMenu = await openHeaderMenu(alice, `Lane options: ${laneTitle}`)
  await laneMenu.getByRole('menuitem', { name: 'Delete lane…' }).click()
  const confirm = alice.page.getByRole('dialog', { name: `Delete the lane “${laneTitle}”?` })
  await expect(confirm).toBeVisible()
  await expect(confirm).toContainText('It holds 1 note')
  await expect(confirm).toContainText('Unsorted')
  await confirm.getByRole('button', { name: 'Delete lane' }).click()
  await expect(confirm).toHaveCount(0)

  const lanesAfter = [...LANES, 'Moments of truth']
  const withoutLane = lanesAfter.filter((l) => l !== laneTitle)
  for (const person of [alice, bob]) {
    await expect.poll(() => laneHeaders(person)).toEqual([...withoutLane, 'Unsorted'])
    await expect(unsortedRow(person).getByRole('button', { name: 'Calls support twice' })).toBeAttached()
    await expect(person.notes).toHaveCount(1)
  }

  // One undo brings the lane back, in its place, with its note in its cell — for both.
  await alice.page.keyboard.press('Control+z')
  for (const person of [alice, bob]) {
    await expect.poll(() => laneHeaders(person)).toEqual(lanesAfter)
    await expect(unsortedRow(person)).toHaveCount(0)
    expect(await person.cellOf('Calls support twice')).toEqual({ stageId, laneId })
  }
  // The rename, the new lane and the move were separate steps: they are still there.
  await expect.poll(() => stageHeaders(bob)).toEqual(moved)
})

test('a view link gets no grid controls', async ({ browser }) => {
  const board = await createBoard(server.baseUrl, 'Read only grid')
  const viewer = await openBoardAs(browser, server.baseUrl, board.viewUrl)
  await expect.poll(() => stageHeaders(viewer)).toEqual(STAGES)
  await expect(viewer.page.getByRole('button', { name: /options:|Add stage|Add lane/ })).toHaveCount(0)
  const retention = await stageHeaderOnScreen(viewer.page, 'Retention')
  await viewer.page.mouse.dblclick(retention.x, retention.y)
  await expect(viewer.page.getByRole('textbox', { name: 'Stage name' })).toHaveCount(0)
})

test('a note left in "Unsorted" by a removed stage is dragged back into a cell by a colleague', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Unsorted and back')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await alice.addNote('Asks a friend')
  const stageTitle = await deleteStageOf(alice, 'Asks a friend')
  await expect(unsortedRow(bob).getByRole('button', { name: 'Asks a friend' })).toBeAttached()

  const target = STAGES.find((s) => s !== stageTitle) as string
  const from = await bob.noteCenterOnScreen(await bob.noteId('Asks a friend'))
  const to = await bob.cellCenterOnScreen(target, 'Pain points')
  await bob.page.mouse.move(from.x, from.y)
  await bob.page.mouse.down()
  for (let i = 1; i <= 10; i++) {
    await bob.page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10)
  }
  await bob.page.mouse.up()

  const targetId = await bob.outline.getByRole('columnheader', { name: target }).getAttribute('data-stage-id')
  const laneId = await bob.outline
    .locator('tr', { has: bob.page.getByRole('rowheader', { name: 'Pain points' }) })
    .getAttribute('data-lane-id')
  for (const person of [alice, bob]) {
    await expect.poll(() => person.cellOf('Asks a friend')).toEqual({ stageId: targetId, laneId })
    await expect(unsortedRow(person)).toHaveCount(0)
  }
})

test('a keyboard user brings an "Unsorted" note back onto the grid with the up arrow', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Unsorted by keyboard')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await alice.addNote('Calls support')
  await deleteStageOf(alice, 'Calls support')
  await expect(unsortedRow(alice).getByRole('button', { name: 'Calls support' })).toBeAttached()

  await alice.note('Calls support').focus()
  await alice.page.keyboard.press('ArrowUp')
  await expect(unsortedRow(alice)).toHaveCount(0)
  const bottomLane = await alice.outline.locator('tr[data-lane-id]').last().getAttribute('data-lane-id')
  await expect.poll(async () => (await alice.cellOf('Calls support')).laneId).toBe(bottomLane)
})

test('a facilitator changes what a lane holds from its menu; a colleague sees the new kind', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Lane kinds')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const menu = await openHeaderMenu(alice, 'Lane options: Opportunities')
  await expect(menu.getByRole('menuitemradio', { name: 'Holds: Opportunities' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await menu.getByRole('menuitemradio', { name: 'Holds: Pain points' }).click()
  await expect(menu).toHaveCount(0)

  const bobMenu = await openHeaderMenu(bob, 'Lane options: Opportunities')
  await expect(bobMenu.getByRole('menuitemradio', { name: 'Holds: Pain points' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await expect(bobMenu.getByRole('menuitemradio', { checked: true })).toHaveCount(1)
})

test('dragging a stage header moves its column for both people; one undo puts it back', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Drag a header')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const from = await stageHeaderOnScreen(alice.page, 'Awareness')
  const to = await stageHeaderOnScreen(alice.page, 'Purchase')
  await alice.page.mouse.move(from.x, from.y)
  await alice.page.mouse.down()
  // Past the middle of "Purchase": the column lands after it.
  const end = { x: to.x + 200, y: to.y }
  for (let i = 1; i <= 10; i++) {
    await alice.page.mouse.move(from.x + ((end.x - from.x) * i) / 10, from.y)
  }
  await alice.page.mouse.up()
  const dragged = ['Consideration', 'Purchase', 'Awareness', 'Onboarding', 'Retention', 'Advocacy']
  await expect.poll(() => stageHeaders(bob)).toEqual(dragged)
  await alice.page.keyboard.press('Control+z')
  await expect.poll(() => stageHeaders(bob)).toEqual(STAGES)
})

test('a lane title longer than its lane ends in "…" inside the lane on the canvas; the outline keeps all of it', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Long lane title')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const long =
    'Every question the support team hears in the first week after signup, by channel, with how long the answer took and what the customer did next: renewed, churned or zebrafinch'
  const lane = await textOnScreen(alice.page, 'Customer actions')
  await alice.page.mouse.dblclick(lane.x, lane.y)
  const nameField = alice.page.getByRole('textbox', { name: 'Lane name' })
  await expect(nameField).toBeFocused()
  await nameField.fill(long)
  await alice.page.keyboard.press('Enter')
  await expect.poll(async () => (await laneHeaders(alice))[0]).toBe(long)

  const drawn = await alice.page.evaluate((title) => {
    type TextNode = {
      getClassName(): string
      text(): string
      height(): number
      fontSize(): number
      lineHeight(): number
      textArr: { text: string }[]
    }
    const konva = (
      window as unknown as { Konva: { stages: { find(fn: (n: TextNode) => boolean): TextNode[] }[] } }
    ).Konva
    // Drawn as its lines, the last one cut: found by its first words.
    const node = konva.stages[0]?.find(
      (n) => n.getClassName() === 'Text' && n.text().replaceAll('\n', ' ').startsWith(title),
    )[0]
    if (!node) return null
    return {
      lines: node.textArr.map((line) => line.text),
      textHeight: node.textArr.length * node.fontSize() * node.lineHeight(),
      boxHeight: node.height(),
    }
  }, 'Every question the support')
  expect(drawn).not.toBeNull()
  expect(drawn!.lines.length).toBeGreaterThan(1)
  expect(drawn!.lines.at(-1)).toMatch(/…$/)
  expect(drawn!.lines.join(' ')).not.toContain('zebrafinch')
  expect(drawn!.textHeight).toBeLessThanOrEqual(drawn!.boxHeight)
})
