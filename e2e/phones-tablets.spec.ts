import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { type Browser, devices, type Page } from '@playwright/test'
import { BoardPage, openBoardAs } from './fixtures/BoardPage'
import { createBoard, type RunningServer, startServer } from './fixtures/server'
import { expect, test } from './fixtures/test'

let server: RunningServer

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})

const outDir = () => process.env.DEVICES_E2E_OUT ?? mkdtempSync(join(tmpdir(), 'jb-e2e-devices-'))

/** A page emulating `device` (viewport, touch, pixel ratio, user agent) in the suite's Chromium. */
async function openOn(browser: Browser, device: (typeof devices)[string], url: string): Promise<BoardPage> {
  const { defaultBrowserType: _engine, ...context } = device
  const person = new BoardPage(await (await browser.newContext(context)).newPage())
  await person.open(server.baseUrl, url)
  return person
}

/** Serious or critical accessibility violations inside `selector` (none expected). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`)
}

/** The top bar holds its contents: nothing runs off the screen. */
const topBarFits = (person: BoardPage) =>
  person.page.locator('header.topbar').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)

test('on a phone (390×844) the top bar collapses into a menu that reaches export and presentation', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Journey on the go — a long board title')
  const editor = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await editor.addNote('Reads the link on the bus')
  const phone = await openOn(browser, devices['iPhone 13'], board.viewUrl)
  const { page } = phone
  const dir = outDir()
  expect(page.viewportSize()).toEqual({ width: 390, height: 664 })
  expect(await topBarFits(phone)).toBe(true)
  const menu = page.getByRole('button', { name: 'Menu' })
  await expect(menu).toBeVisible()
  await expect(page.getByRole('button', { name: 'Export…' })).toBeHidden()
  await page.screenshot({ path: join(dir, 'phone.png') })

  await menu.click()
  await expect(menu).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByRole('button', { name: 'Export…' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible()
  expect(await axeViolations(page, 'header.topbar')).toEqual([])
  await page.screenshot({ path: join(dir, 'phone-menu.png') })
  await page.getByRole('button', { name: 'Present' }).click()
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  const presentation = page.getByRole('region', { name: 'Presentation' })
  await expect(presentation.getByRole('heading', { level: 2 })).toHaveText('Awareness')
  expect(await axeViolations(page, 'section.presentation')).toEqual([])
  await page.screenshot({ path: join(dir, 'phone-presenting.png') })
  await presentation.getByRole('button', { name: 'Next →' }).tap()
  await expect(presentation.getByRole('heading', { level: 2 })).toHaveText('Consideration')
  await page.keyboard.press('Escape')

  await menu.click()
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export board' })
  await expect(dialog).toBeVisible()
  const fits = await dialog.evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth)
  expect(fits).toBe(true)
  expect(await axeViolations(page, 'dialog[open]')).toEqual([])
  await page.screenshot({ path: join(dir, 'phone-export.png') })
})

test('on a tablet (1024×768, touch) the whole top bar fits without a menu', async ({ browser }) => {
  const board = await createBoard(server.baseUrl, 'Workshop on a tablet')
  const tablet = await openOn(browser, devices['iPad (gen 7) landscape'], board.editUrl)
  const { page } = tablet
  expect(page.viewportSize()?.width).toBeGreaterThanOrEqual(1000)
  expect(await topBarFits(tablet)).toBe(true)
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Export…' })).toBeVisible()
  await page.screenshot({ path: join(outDir(), 'tablet.png') })
})

/** A finger on the page, through Chromium's own touch input (pointer events of type "touch" follow). */
async function fingers(page: BoardPage['page']) {
  const cdp = await page.context().newCDPSession(page)
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p, i) => ({ x: Math.round(p.x), y: Math.round(p.y), id: i + 1 })),
    })
  return {
    /** Press at `from`, move in `steps` to `to`, lift. */
    async drag(from: { x: number; y: number }, to: { x: number; y: number }, steps = 8) {
      await send('touchStart', [from])
      for (let i = 1; i <= steps; i++) {
        const t = i / steps
        await send('touchMove', [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }])
      }
      await send('touchEnd', [])
    },
    async longPress(at: { x: number; y: number }, ms = 800) {
      await send('touchStart', [at])
      await page.waitForTimeout(ms)
      await send('touchEnd', [])
    },
    /** Two fingers around `center`, from `from` px apart to `to` px apart (horizontally). */
    async pinch(center: { x: number; y: number }, from: number, to: number, steps = 10) {
      const pair = (d: number) => [
        { x: center.x - d / 2, y: center.y },
        { x: center.x + d / 2, y: center.y },
      ]
      await send('touchStart', pair(from))
      for (let i = 1; i <= steps; i++) await send('touchMove', pair(from + ((to - from) * i) / steps))
      await send('touchEnd', [])
    },
  }
}

/** The canvas's drawn scale and offset (the Konva stage's transform). */
const drawnView = (page: BoardPage['page']) =>
  page.evaluate(() => {
    const stage = (
      window as unknown as { Konva: { stages: { scaleX(): number; x(): number; y(): number }[] } }
    ).Konva.stages[0]
    return stage ? { scale: stage.scaleX(), x: stage.x(), y: stage.y() } : null
  })

test('on a tablet a finger taps a cell to add, drags a note to another cell, and long-presses for its menu', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Workshop with fingers')
  const desk = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const tablet = await openOn(browser, devices['iPad (gen 7) landscape'], board.editUrl)
  const { page } = tablet
  const finger = await fingers(page)

  await page.touchscreen.tap(
    ...(Object.values(await tablet.cellCenterOnScreen('Awareness', 'Customer actions')) as [number, number]),
  )
  await expect(tablet.editor).toBeFocused()
  await page.keyboard.type('Sees an ad on the tablet')
  await page.keyboard.press('Escape')
  const cellOfNew = await desk.cellOf('Sees an ad on the tablet')
  expect(cellOfNew.stageId).not.toBeNull()

  const id = await tablet.noteId('Sees an ad on the tablet')
  const from = await tablet.noteCenterOnScreen(id)
  // cellCenterOnScreen aims 30 px under the lane's title, a desktop zoom's offset; at a tablet's fit
  // that is the next lane, so aim at the title's own height.
  const aim = await tablet.cellCenterOnScreen('Consideration', 'Pain points')
  const to = { x: aim.x, y: aim.y - 30 }
  await finger.drag(from, to)
  await expect
    .poll(async () => (await desk.cellOf('Sees an ad on the tablet')).stageId)
    .not.toBe(cellOfNew.stageId)
  const moved = await desk.cellOf('Sees an ad on the tablet')
  await page.screenshot({ path: join(outDir(), 'tablet-dragged.png') })
  const column = desk.outline.getByRole('columnheader', { name: 'Consideration' })
  const row = desk.outline.locator('tr', { has: desk.page.getByRole('rowheader', { name: 'Pain points' }) })
  expect(moved.stageId).toBe(await column.getAttribute('data-stage-id'))
  expect(moved.laneId).toBe(await row.getAttribute('data-lane-id'))
  await page.screenshot({ path: join(outDir(), 'tablet-dragged.png') })

  await finger.longPress(await tablet.noteCenterOnScreen(id))
  const menu = page.getByRole('menu', { name: 'Note options: Sees an ad on the tablet' })
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: 'Edit text' })).toBeFocused()
  expect(await axeViolations(page, '[role="menu"]')).toEqual([])
  await page.screenshot({ path: join(outDir(), 'tablet-note-menu.png') })
  await menu.getByRole('menuitem', { name: 'Delete note' }).tap()
  await expect(desk.note('Sees an ad on the tablet')).toHaveCount(0)
})

test('on a phone a view link fits the board to the screen, one finger pans and two fingers pinch-zoom', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Pinch me')
  const phone = await openOn(browser, devices['Pixel 7'], board.viewUrl)
  const { page } = phone
  const canvas = page.locator('.board-canvas')
  const box = await canvas.boundingBox()
  if (!box) throw new Error('no canvas')
  const start = await drawnView(page)
  if (!start) throw new Error('no stage')
  // Fitted: the board's full width is on screen, and drawn larger than a sliver.
  const board0 = await page.evaluate(() => {
    const stage = (
      window as unknown as {
        Konva: {
          stages: { findOne(s: string): { getClientRect(): { x: number; width: number } } | undefined }[]
        }
      }
    ).Konva.stages[0]
    return stage?.findOne('Layer')?.getClientRect() ?? null
  })
  expect(board0).not.toBeNull()
  expect(board0?.x ?? -1).toBeGreaterThanOrEqual(-1)
  expect((board0?.x ?? 0) + (board0?.width ?? Infinity)).toBeLessThanOrEqual(box.width + 1)
  await page.screenshot({ path: join(outDir(), 'phone-fit.png') })

  const finger = await fingers(page)
  const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  await finger.pinch(center, 80, 240)
  await expect.poll(async () => (await drawnView(page))?.scale ?? 0).toBeGreaterThan(start.scale * 2.5)
  const zoomed = await drawnView(page)
  if (!zoomed) throw new Error('no stage')
  await finger.drag(center, { x: center.x - 120, y: center.y - 60 })
  await expect.poll(async () => (await drawnView(page))?.x ?? 0).toBeLessThan(zoomed.x - 100)
  const panned = await drawnView(page)
  expect(panned?.scale).toBeCloseTo(zoomed.scale)
  await page.screenshot({ path: join(outDir(), 'phone-pinched.png') })
  // A view link's finger never adds a note.
  await page.touchscreen.tap(center.x, center.y)
  await expect(phone.editor).toHaveCount(0)
  await expect(phone.notes).toHaveCount(0)
})
