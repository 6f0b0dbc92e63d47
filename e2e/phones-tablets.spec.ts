import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, devices } from '@playwright/test'
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
  await page.screenshot({ path: join(dir, 'phone-menu.png') })
  await page.getByRole('button', { name: 'Present' }).click()
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  const presentation = page.getByRole('region', { name: 'Presentation' })
  await expect(presentation.getByRole('heading', { level: 2 })).toHaveText('Awareness')
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
