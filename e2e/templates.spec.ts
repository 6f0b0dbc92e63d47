/*
 * Templates as a person uses them: the home page's picker (every built-in, then the Saved group),
 * "Save as template…" in a board's Data menu, and a new board made from the saved one, which has the
 * source's structure and none of its notes. Axe checks the home page and the dialog.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { exportBoardJson } from '../shared/src/exchange/json'
import { richBoard } from '../shared/src/scene/testing/richBoard'
import { TEMPLATES } from '../shared/src/templates/applyTemplate'
import { TEMPLATE_IDS } from '../shared/src/templates/template'
import { BoardPage, openBoardAs } from './fixtures/BoardPage'
import { importBoard, type RunningServer, startServer } from './fixtures/server'
import { expect, test } from './fixtures/test'

let server: RunningServer

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})

async function expectNoSeriousViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page })
  const axe = await (include ? builder.include(include) : builder).analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])
}

/** On the home page: name the board, pick the template card by its title, create, and wait for the board. */
async function createFromHome(page: Page, boardTitle: string, templateTitle: string): Promise<BoardPage> {
  await page.goto(server.baseUrl)
  const form = page.getByRole('form', { name: 'New journey map' })
  await form.getByRole('textbox', { name: 'Title' }).fill(boardTitle)
  await form.getByRole('radio', { name: templateTitle }).check()
  await form.getByRole('button', { name: 'Create journey map' }).click()
  const board = new BoardPage(page)
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]+#token=/)
  await board.ready()
  return board
}

async function expectGrid(board: BoardPage, stages: readonly string[], lanes: readonly string[]) {
  const columns = board.outline.locator('thead th[scope="col"][data-stage-id]')
  await expect(columns).toHaveCount(stages.length)
  for (const [i, stage] of stages.entries()) await expect(columns.nth(i)).toHaveAttribute('aria-label', stage)
  for (const lane of lanes) await expect(board.outline.getByRole('rowheader', { name: lane })).toBeAttached()
}

test('the home page lists every built-in template as a card, and has no serious accessibility violation', async ({
  page,
}) => {
  await page.goto(server.baseUrl)
  const picker = page.getByRole('group', { name: 'Template' })
  for (const id of TEMPLATE_IDS) {
    const radio = picker.getByRole('radio', { name: TEMPLATES[id].title })
    await expect(radio).toBeVisible()
    await expect(picker.getByText(TEMPLATES[id].description)).toBeVisible()
  }
  await expect(picker.getByRole('radio', { name: 'Customer lifecycle' })).toBeChecked()
  await page.screenshot({ path: test.info().outputPath('home-templates.png'), fullPage: true })
  await expectNoSeriousViolations(page)
})

for (const id of TEMPLATE_IDS) {
  test(`create a board from the ${id} template on the home page`, async ({ page }) => {
    const template = TEMPLATES[id]
    const board = await createFromHome(page, `${template.title} workshop`, template.title)
    await expectGrid(
      board,
      template.stages,
      template.lanes.map((l) => l.title),
    )
    if (id === 'customer-lifecycle') {
      // The lifecycle's real emotion lane and channels lane, not notes lanes with those names.
      const kinds = template.lanes.map((l) => l.kind)
      expect(kinds).toContain('emotion-curve')
      expect(kinds).toContain('channels')
      await expect(board.outline.getByRole('rowheader', { name: 'Emotions' })).toBeAttached()
      await expect(board.outline.getByRole('rowheader', { name: 'Channels' })).toBeAttached()
      await expect(board.outline.getByRole('slider').first()).toBeAttached()
    }
    expect(board.pageErrors).toEqual([])
  })
}

test('save a board as a template, find it under Saved on the home page, and create a board from it', async ({
  browser,
}) => {
  const rich = richBoard()
  const source = await importBoard(server.baseUrl, exportBoardJson(rich.doc))
  const person = await openBoardAs(browser, server.baseUrl, source.editUrl)
  const { page } = person

  await page.getByRole('button', { name: 'Data ▾' }).click()
  await page.getByRole('menuitem', { name: 'Save as template…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Save as template' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'Template name' })).toHaveValue('Rich journey')
  await dialog.getByRole('textbox', { name: 'Template name' }).fill('Workshop shape')
  await dialog.getByRole('textbox', { name: 'Description (optional)' }).fill('Four stages, every lane kind')
  await page.screenshot({ path: test.info().outputPath('save-template-dialog.png') })
  await expectNoSeriousViolations(page, '.save-template')
  await dialog.getByRole('button', { name: 'Save template' }).click()
  await expect(dialog.getByRole('status')).toHaveText(/Saved “Workshop shape” as a template/)
  await page.screenshot({ path: test.info().outputPath('save-template-done.png') })
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()

  await page.goto(server.baseUrl)
  const saved = page.getByRole('group', { name: 'Saved' })
  await expect(saved.getByRole('radio', { name: 'Workshop shape' })).toBeVisible()
  await expect(saved.getByText('Four stages, every lane kind')).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('home-saved-template.png'), fullPage: true })
  await expectNoSeriousViolations(page)

  const board = await createFromHome(page, 'From my template', 'Workshop shape')
  await expectGrid(
    board,
    ['Awareness', 'Consideration', 'Purchase', 'Onboarding'],
    ['Customer actions', 'Channels', 'Emotions', 'Pain points', 'Line of visibility', 'Conversion', 'Goals'],
  )
  // Structure only: the source's notes did not come along.
  await expect(board.notes).toHaveCount(0)
  await expect(page.getByText('Sees an ad on social media')).toHaveCount(0)
  await page.getByRole('button', { name: 'Zoom to fit' }).click()
  await page.screenshot({ path: test.info().outputPath('board-from-saved-template.png') })
  expect(board.pageErrors).toEqual([])
})

test('a view link has no "Save as template…" (the server would refuse it too)', async ({ browser }) => {
  const source = await importBoard(server.baseUrl, exportBoardJson(richBoard().doc))
  const viewer = await openBoardAs(browser, server.baseUrl, source.viewUrl)
  await viewer.page.getByRole('button', { name: 'Data ▾' }).click()
  await expect(viewer.page.getByRole('menuitem', { name: 'Download JSON (lossless)' })).toBeVisible()
  await expect(viewer.page.getByRole('menuitem', { name: 'Save as template…' })).toHaveCount(0)
})
