/*
 * Shaping a journey map's structure by hand in a real browser: a stage's goal written under its
 * header, a stage widened and a lane made taller by dragging their headers' edges, a lane collapsed, a
 * note parked beside the grid, and an arrow selected by a click on its line and deleted. A colleague
 * sees every change; the screen is checked with axe and screenshotted.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
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

interface Drawn {
  x: number
  y: number
  width: number
  height: number
  scale: number
}

/** Where the canvas drew a text (a stage or lane title), in page pixels, and the board's scale. */
async function drawnText(page: Page, label: string): Promise<Drawn> {
  const found = await page.evaluate((label) => {
    type Node = {
      getClassName(): string
      text(): string
      getClientRect(): { x: number; y: number; width: number; height: number }
      getAbsoluteScale(): { x: number }
    }
    const konva = (
      window as unknown as {
        Konva: { stages: { find(fn: (n: Node) => boolean): Node[]; container(): HTMLElement }[] }
      }
    ).Konva
    const stage = konva.stages[0]
    const node = stage
      ?.find((n) => n.getClassName() === 'Text')
      .find((n) => (n.text() ?? '').replaceAll('\n', ' ').toUpperCase() === label.toUpperCase())
    if (!stage || !node) return null
    const rect = node.getClientRect()
    const origin = stage.container().getBoundingClientRect()
    return { ...rect, x: rect.x + origin.x, y: rect.y + origin.y, scale: node.getAbsoluteScale().x }
  }, label)
  if (!found) throw new Error(`"${label}" is not drawn on the canvas`)
  return found
}

/** A stage's or lane's field as the document holds it (what every peer reads). */
async function headerField(person: BoardPage, map: 'stages' | 'lanes', title: string, field: string) {
  return person.page.evaluate(
    ({ map, title, field }) => {
      let value: unknown
      window.__journeyboard?.doc.getMap(map).forEach((record) => {
        const fields = record as unknown as { get(key: string): unknown }
        if (fields.get('title') === title) value = fields.get(field)
      })
      return value
    },
    { map, title, field },
  )
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 4 })
  await page.mouse.up()
}

test('a facilitator writes a stage goal, resizes a stage and a lane, collapses a lane, parks a note and deletes an arrow; a colleague sees it all', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, { title: 'Structure', template: 'customer-lifecycle' })
  const ana = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: 'Ana' })
  const ben = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: 'Ben' })
  const { page } = ana

  // A goal under the Purchase header, from the stage's menu.
  await page.getByRole('button', { name: 'Stage options: Purchase' }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('menuitem', { name: 'Add description…' }).click()
  const field = page.getByRole('textbox', { name: 'Description of Purchase' })
  await expect(field).toBeFocused()
  await page.keyboard.type('Picks the plan that fits')
  await page.keyboard.press('Enter')
  await expect(field).toHaveCount(0)
  await expect
    .poll(() => headerField(ben, 'stages', 'Purchase', 'description'))
    .toBe('Picks the plan that fits')
  await expect(ben.outline.getByRole('columnheader', { name: 'Purchase' })).toHaveAccessibleDescription(
    'Picks the plan that fits',
  )

  await page.getByRole('button', { name: 'Zoom to fit' }).click()
  // Widen Awareness by dragging its header's right edge 120 px to the right.
  const awareness = await drawnText(page, 'Awareness')
  const before = Number((await headerField(ana, 'stages', 'Awareness', 'width')) ?? 0)
  expect(before).toBe(0)
  const edgeX = awareness.x + awareness.width + 20 * awareness.scale
  const edgeY = awareness.y + awareness.height / 2
  await page.mouse.move(edgeX, edgeY)
  await expect(page.locator('.board-canvas')).toHaveCSS('cursor', 'col-resize')
  await drag(page, { x: edgeX, y: edgeY }, { x: edgeX + 120, y: edgeY })
  await expect
    .poll(() => headerField(ben, 'stages', 'Awareness', 'width'))
    .toBeGreaterThan(awareness.width / awareness.scale + 40 + 100 / awareness.scale)

  // Make "Customer actions" taller by its header's bottom edge (just above the next lane's title).
  const actions = await drawnText(page, 'Customer actions')
  const next = await drawnText(page, 'Channels')
  const bottom = next.y - 22 * next.scale
  await drag(page, { x: actions.x + 20, y: bottom }, { x: actions.x + 20, y: bottom + 80 })
  await expect.poll(() => headerField(ben, 'lanes', 'Customer actions', 'height')).toBeGreaterThan(0)

  // Collapse "Opportunities" from its menu.
  await page.getByRole('button', { name: 'Lane options: Opportunities' }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('menuitem', { name: 'Collapse lane' }).click()
  await expect.poll(() => headerField(ben, 'lanes', 'Opportunities', 'collapsed')).toBe(true)

  // Two notes and an arrow between them (the Connect tool), then the arrow selected and deleted.
  await ana.addNote('Sees an ad')
  await ana.addNote('Visits the site')
  const adId = await ana.noteId('Sees an ad')
  const siteId = await ana.noteId('Visits the site')
  await page.keyboard.press('c')
  const from = await ana.noteCenterOnScreen(adId)
  const to = await ana.noteCenterOnScreen(siteId)
  await drag(page, from, to)
  await page.keyboard.press('v')
  const arrows = ben.page.getByRole('list', { name: 'Connectors' }).getByRole('listitem')
  await expect(arrows).toHaveCount(1)

  // The note "Visits the site" goes to the parking lot, right of the grid.
  const advocacy = await drawnText(page, 'Advocacy')
  const site = await ana.noteCenterOnScreen(siteId)
  const lot = { x: advocacy.x + advocacy.width + 160, y: site.y + 40 }
  await drag(page, site, lot)
  await expect(ben.outline.getByRole('rowheader', { name: 'Parking lot' })).toBeAttached()
  await expect(
    ben.outline.locator('tr[data-parking="true"]').getByRole('button', { name: 'Visits the site' }),
  ).toBeAttached()
  await page.getByRole('button', { name: 'Zoom to fit' }).click()
  await page.screenshot({ path: test.info().outputPath('structure.png') })

  // The arrow still joins the notes (it follows the parked one); a click on its line selects it.
  const a = await ana.noteCenterOnScreen(adId)
  const b = await ana.noteCenterOnScreen(siteId)
  await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2)
  await page.keyboard.press('Delete')
  await expect(arrows).toHaveCount(0)
  await expect(ben.note('Sees an ad')).toBeAttached()

  const axe = await new AxeBuilder({ page }).analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])
})
