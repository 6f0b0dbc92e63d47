/*
 * Dragging several selected notes at once, at both levels of detail the canvas draws notes at: readable
 * notes (a node each) and the zoomed-out blocks (one shape for all). Both go through the same pointer
 * drag: mid-drag the selection is drawn on the drag layer under the pointer, and the drop moves it,
 * in its reading order, into the cell under the pointer, for everyone.
 */
import type { Page } from '@playwright/test'
import { type BoardPage, openBoardAs } from './fixtures/BoardPage'
import { frames } from './fixtures/frames'
import { createBoard, type RunningServer, startServer } from './fixtures/server'
import { expect, test } from './fixtures/test'

let server: RunningServer

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})

type Point = { x: number; y: number }
interface KonvaNode {
  id(): string
  x(): number
  y(): number
  name(): string
  visible(): boolean
  getChildren(): KonvaNode[]
  find(selector: string): KonvaNode[]
  findOne(selector: string | ((n: KonvaNode) => boolean)): KonvaNode | undefined
  getCanvas(): { _canvas: HTMLCanvasElement; getPixelRatio(): number }
}
interface KonvaStage extends KonvaNode {
  scaleX(): number
  container(): HTMLElement
}
type KonvaWindow = { Konva: { stages: KonvaStage[] } }

/**
 * A point in the right half of a note (board units), read from its node while notes are drawn as nodes:
 * notes dropped there go after it. (Its very center could round to either side when zoomed out.)
 */
function afterPointOf(page: Page, id: string): Promise<Point> {
  return page.evaluate((noteId) => {
    const stage = (window as unknown as KonvaWindow).Konva.stages[0]!
    const node = stage.findOne((n) => n.id() === noteId && n.name() === 'note')
    const rect = node?.getChildren()[0] as unknown as { width(): number; height(): number } | undefined
    if (!node || !rect) throw new Error(`note ${noteId} is not drawn as a node`)
    return { x: node.x() + (rect.width() * 3) / 4, y: node.y() + rect.height() / 2 }
  }, id)
}

/** A board point on the page, under the stage's current transform. */
function toScreen(page: Page, p: Point): Promise<Point> {
  return page.evaluate((point) => {
    const stage = (window as unknown as KonvaWindow).Konva.stages[0]!
    const origin = stage.container().getBoundingClientRect()
    return {
      x: origin.x + stage.x() + point.x * stage.scaleX(),
      y: origin.y + stage.y() + point.y * stage.scaleX(),
    }
  }, p)
}

/** What the drag layer shows: whether it is visible, its note nodes, and whether it has ink at a page point. */
function dragLayerAt(page: Page, p: Point): Promise<{ visible: boolean; nodes: number; inked: boolean }> {
  return page.evaluate((point) => {
    const stage = (window as unknown as KonvaWindow).Konva.stages[0]!
    const layer = stage.findOne('.drag-layer')
    if (!layer) throw new Error('no drag layer')
    const canvas = layer.getCanvas()
    const ratio = canvas.getPixelRatio()
    const origin = stage.container().getBoundingClientRect()
    const alpha = canvas._canvas
      .getContext('2d')
      ?.getImageData(Math.round((point.x - origin.x) * ratio), Math.round((point.y - origin.y) * ratio), 1, 1)
      .data[3]
    return { visible: layer.visible(), nodes: layer.find('.note').length, inked: (alpha ?? 0) > 0 }
  }, p)
}

const zoomPercent = async (page: Page) =>
  Number((await page.locator('.zoom__value').textContent())?.replace('%', ''))
const noteNodes = (page: Page) =>
  page.evaluate(() => (window as unknown as KonvaWindow).Konva.stages[0]!.find('.note').length)

/** The texts of an outline cell's notes, in its reading order. */
async function cellTexts(person: BoardPage, ofNote: string): Promise<string[]> {
  const cell = person.note(ofNote).locator('xpath=ancestor::td[1]')
  return cell
    .locator('[data-note-id]')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''))
}

/**
 * Presses on `from`, moves to `to` in 10 steps, and checks the drag layer mid-way (drawing the selection
 * under the pointer, `nodes` of them as nodes); releases at `to`.
 */
async function dragVia(page: Page, from: Point, to: Point, nodes: number): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  const at = (i: number) => ({
    x: from.x + ((to.x - from.x) * i) / 10,
    y: from.y + ((to.y - from.y) * i) / 10,
  })
  for (let i = 1; i <= 5; i++) await page.mouse.move(at(i).x, at(i).y)
  await frames(page, 2)
  expect(await dragLayerAt(page, at(5))).toEqual({ visible: true, nodes, inked: true })
  for (let i = 6; i <= 10; i++) await page.mouse.move(at(i).x, at(i).y)
  await page.mouse.up()
  await expect.poll(async () => (await dragLayerAt(page, to)).visible).toBe(false)
}

test('a selection of notes is dragged into another cell at full detail and as blocks, for everyone', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Drag a selection')
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl)
  for (const text of ['Anchor', 'First', 'Second', 'Third', 'Target']) await alice.addNote(text)
  // Target goes two lanes down and one stage on; the others stay together in the first cell.
  await alice.note('Target').focus()
  await alice.page.keyboard.press('ArrowDown')
  await alice.page.keyboard.press('ArrowDown')
  await alice.page.keyboard.press('Shift+ArrowRight')
  await expect
    .poll(async () => (await alice.cellOf('Target')).laneId)
    .not.toBe((await alice.cellOf('Anchor')).laneId)

  // Click the first, shift+click the others: three selected.
  const ids = await Promise.all(['First', 'Second', 'Third'].map((t) => alice.noteId(t)))
  for (const [i, id] of ids.entries()) {
    const center = await alice.noteCenterOnScreen(id)
    if (i > 0) await alice.page.keyboard.down('Shift')
    await alice.page.mouse.click(center.x, center.y)
    if (i > 0) await alice.page.keyboard.up('Shift')
  }

  // Readable notes: dragged by the middle one, dropped on Target.
  const target = await afterPointOf(alice.page, await alice.noteId('Target'))
  await dragVia(alice.page, await alice.noteCenterOnScreen(ids[1]!), await toScreen(alice.page, target), 3)
  for (const person of [alice, bob])
    await expect.poll(() => cellTexts(person, 'Target')).toEqual(['Target', 'First', 'Second', 'Third'])

  // Zoomed out until notes are blocks; the selection goes back onto Anchor.
  const anchor = await afterPointOf(alice.page, await alice.noteId('Anchor'))
  const second = await afterPointOf(alice.page, ids[1]!)
  for (let i = 0; i < 12 && (await zoomPercent(alice.page)) > 22; i++) await alice.page.keyboard.press('-')
  await expect.poll(() => noteNodes(alice.page)).toBe(0)
  await dragVia(alice.page, await toScreen(alice.page, second), await toScreen(alice.page, anchor), 0)
  for (const person of [alice, bob])
    await expect.poll(() => cellTexts(person, 'Anchor')).toEqual(['Anchor', 'First', 'Second', 'Third'])
  await expect(alice.note('Target')).toBeAttached()
  expect(await cellTexts(alice, 'Target')).toEqual(['Target'])
})
