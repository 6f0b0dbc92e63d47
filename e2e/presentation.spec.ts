import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

test('a stakeholder on a view link presents the map stage by stage with keys, a remote and clicks', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Presented journey')
  const editor = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await editor.addNote('Sees an ad on the train')
  const viewer = await openBoardAs(browser, server.baseUrl, board.viewUrl)
  await expect(viewer.note('Sees an ad on the train')).toBeAttached()
  const { page } = viewer
  const outDir = process.env.PRESENT_E2E_OUT ?? mkdtempSync(join(tmpdir(), 'jb-e2e-present-'))
  const scaleBefore = await page.locator('.zoom__value').textContent()

  await page.getByRole('button', { name: 'Present' }).click()
  const presentation = page.getByRole('region', { name: 'Presentation' })
  const heading = presentation.getByRole('heading', { level: 2 })
  await expect(heading).toHaveText('Awareness')
  await expect(presentation).toContainText('Stage 1 of 6')
  // The stage fills the screen: zoomed in past the whole-board fit.
  await expect(page.locator('.zoom__value')).not.toHaveText(scaleBefore ?? '')
  await page.screenshot({ path: join(outDir, 'presentation.png') })

  await page.keyboard.press('ArrowRight')
  await expect(heading).toHaveText('Consideration')
  await page.keyboard.press('PageDown')
  await expect(heading).toHaveText('Purchase')
  await page.keyboard.press('PageUp')
  await expect(heading).toHaveText('Consideration')
  await page.keyboard.press('ArrowLeft')
  await expect(heading).toHaveText('Awareness')
  await expect(presentation.getByRole('button', { name: '← Previous' })).toBeDisabled()
  // A click on the dimmed board steps forward.
  await page.mouse.click(20, (page.viewportSize()?.height ?? 800) / 2)
  await expect(heading).toHaveText('Consideration')
  await page.keyboard.press('End')
  await expect(heading).toHaveText('Advocacy')
  await expect(presentation.getByRole('button', { name: 'Next →' })).toBeDisabled()

  // Keys while presenting never reach the board's shortcuts (Delete, n), and Escape ends.
  await page.keyboard.press('Escape')
  await expect(presentation).toHaveCount(0)
  await expect(viewer.note('Sees an ad on the train')).toBeAttached()
})

test('an editor presenting cannot edit by accident: the board shortcuts are held while it runs', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Editor presents')
  const editor = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await editor.addNote('Stays put')
  const { page } = editor
  await page.getByRole('button', { name: 'Present' }).click()
  const presentation = page.getByRole('region', { name: 'Presentation' })
  await expect(presentation).toBeVisible()
  await expect(page.locator('.toolbar')).toBeHidden()
  // Space goes forward instead of panning or adding.
  await page.keyboard.press(' ')
  await expect(presentation.getByRole('heading', { level: 2 })).toHaveText('Consideration')
  await page.keyboard.press('Escape')
  await expect(page.locator('.toolbar')).toBeVisible()
  await expect(editor.note('Stays put')).toBeAttached()
})

test('others follow the presenter from a banner, step with them, and can break away', async ({ browser }) => {
  const board = await createBoard(server.baseUrl, 'Followed journey')
  const presenter = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const viewer = await openBoardAs(browser, server.baseUrl, board.viewUrl)
  const outDir = process.env.PRESENT_E2E_OUT ?? mkdtempSync(join(tmpdir(), 'jb-e2e-present-'))

  await presenter.page.getByRole('button', { name: 'Present' }).click()
  const banner = viewer.page.locator('.follow-banner')
  await expect(banner).toContainText('is presenting: Awareness')
  await viewer.page.screenshot({ path: join(outDir, 'follow-banner.png') })
  await banner.getByRole('button', { name: 'Follow' }).click()
  const heading = viewer.page.getByRole('region', { name: 'Presentation' }).getByRole('heading', { level: 2 })
  await expect(heading).toHaveText('Awareness')
  await expect(banner).toContainText('Following')

  await presenter.page.keyboard.press('ArrowRight')
  await expect(heading).toHaveText('Consideration')
  await presenter.page.keyboard.press('PageDown')
  await expect(heading).toHaveText('Purchase')
  // A follower's own arrow keys do not step away from the presenter.
  await viewer.page.keyboard.press('ArrowRight')
  await expect(heading).toHaveText('Purchase')

  await banner.getByRole('button', { name: 'Stop following' }).click()
  await expect(heading).toHaveCount(0)
  await presenter.page.keyboard.press('ArrowRight')
  await expect(banner).toContainText('is presenting: Onboarding')
  await expect(heading).toHaveCount(0)

  // When the presenter ends, the offer goes away.
  await presenter.page.keyboard.press('Escape')
  await expect(banner).toHaveCount(0)
})
