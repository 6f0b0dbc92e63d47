/*
 * The canvas's pointer gestures, one after another as a person would use them, each checked by what it
 * did to the board or the view: double-click a cell to add a note and a note to edit it, resize a note
 * by its handle, select with a shift+drag box, clear the selection with a click on empty space, pan
 * with space+drag pressed on a note (the note stays), and open a header's menu with a right-click.
 */
import type { Page } from '@playwright/test'
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

type Box = { x: number; y: number; width: number; height: number }
type KonvaWindow = {
  Konva: {
    stages: {
      x(): number
      container(): HTMLElement
      findOne(
        fn: (n: { id(): string; name(): string }) => boolean,
      ): { getClientRect(o?: object): Box } | undefined
      find(fn: (n: { getClassName(): string; text?: () => string }) => boolean): { getClientRect(): Box }[]
    }[]
  }
  __journeyboard: { doc: { getMap(name: string): Map<string, Map<string, unknown>> } }
}

/** A note's box on the page (its shadow left out, as the resize handles do). */
function noteBox(page: Page, id: string): Promise<Box> {
  return page.evaluate((noteId) => {
    const stage = (window as unknown as KonvaWindow).Konva.stages[0]!
    const rect = stage
      .findOne((n) => n.id() === noteId && n.name() === 'note')
      ?.getClientRect({ skipShadow: true })
    if (!rect) throw new Error(`note ${noteId} is not drawn`)
    const origin = stage.container().getBoundingClientRect()
    return { ...rect, x: origin.x + rect.x, y: origin.y + rect.y }
  }, id)
}

/** A stored field of a note, as a second peer would read it. */
const noteField = (page: Page, id: string, field: string) =>
  page.evaluate(
    ({ noteId, key }) =>
      (window as unknown as KonvaWindow).__journeyboard.doc.getMap('notes').get(noteId)?.get(key),
    { noteId: id, key: field },
  )

const stageX = (page: Page) => page.evaluate(() => (window as unknown as KonvaWindow).Konva.stages[0]!.x())

/** A point on a stage header's drawn title. */
function stageHeaderOnScreen(page: Page, title: string): Promise<{ x: number; y: number }> {
  return page.evaluate((label) => {
    const stage = (window as unknown as KonvaWindow).Konva.stages[0]!
    const rect = stage.find((n) => n.getClassName() === 'Text' && n.text?.() === label)[0]?.getClientRect()
    if (!rect) throw new Error(`"${label}" is not drawn`)
    const origin = stage.container().getBoundingClientRect()
    return { x: origin.x + rect.x + 20, y: origin.y + rect.y + rect.height / 2 }
  }, title.toUpperCase())
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  for (let i = 1; i <= 6; i++)
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 6, from.y + ((to.y - from.y) * i) / 6)
  await page.mouse.up()
}

test('double-click, resize, box select, click away, space+drag and right-click do what they say', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Canvas gestures')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const page = alice.page
  const swatch = page.getByRole('button', { name: 'Color blue' })

  // Double-click an empty cell: a note there, its editor open.
  const cell = await alice.cellCenterOnScreen('Purchase', 'Pain points')
  await page.mouse.dblclick(cell.x, cell.y)
  await expect(alice.editor).toBeFocused()
  await page.keyboard.type('Coupon code fails')
  await page.keyboard.press('Escape')
  const purchase = await alice.outline
    .getByRole('columnheader', { name: 'Purchase' })
    .getAttribute('data-stage-id')
  expect((await alice.cellOf('Coupon code fails')).stageId).toBe(purchase)
  const id = await alice.noteId('Coupon code fails')

  // Double-click the note: its editor, with its text.
  let box = await noteBox(page, id)
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2)
  await expect(alice.editor).toHaveValue('Coupon code fails')
  await page.keyboard.press('Escape')

  // Click it, then drag its bottom-right handle: a bigger note, one undo step.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect(swatch).toBeEnabled()
  const [w, h] = [await noteField(page, id, 'w'), await noteField(page, id, 'h')]
  await drag(
    page,
    { x: box.x + box.width - 1, y: box.y + box.height - 1 },
    { x: box.x + box.width + 60, y: box.y + box.height + 40 },
  )
  await expect.poll(() => noteField(page, id, 'w')).toBeGreaterThan(w as number)
  expect(await noteField(page, id, 'h')).toBeGreaterThan(h as number)
  await page.keyboard.press('Control+z')
  await expect.poll(() => noteField(page, id, 'w')).toBe(w)

  // A click on an empty cell clears the selection; a shift+drag box over the note selects it.
  box = await noteBox(page, id)
  await page.mouse.click(box.x + box.width + 30, box.y + box.height + 20)
  await expect(swatch).toBeDisabled()
  await page.keyboard.down('Shift')
  await drag(page, { x: box.x - 10, y: box.y - 10 }, { x: box.x + 20, y: box.y + 20 })
  await page.keyboard.up('Shift')
  await expect(swatch).toBeEnabled()

  // Space+drag pressed on the note pans the board; the note stays in its cell.
  const before = await stageX(page)
  const cellBefore = await alice.cellOf('Coupon code fails')
  await page.keyboard.down('Space')
  await drag(
    page,
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    { x: box.x + box.width / 2 + 120, y: box.y + box.height / 2 },
  )
  await page.keyboard.up('Space')
  await expect.poll(async () => (await stageX(page)) - before).toBeCloseTo(120, 0)
  expect(await alice.cellOf('Coupon code fails')).toEqual(cellBefore)

  // Right-click a stage header: its menu.
  const header = await stageHeaderOnScreen(page, 'Retention')
  await page.mouse.click(header.x, header.y, { button: 'right' })
  await expect(page.getByRole('menu', { name: 'Stage options: Retention' })).toBeVisible()
})
