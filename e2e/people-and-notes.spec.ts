/*
 * Personas, note details and the note filter, by UI only, with two people on one board: Ana edits the
 * personas panel, tags and types notes through the note menu, and filters; Ben sees each change arrive,
 * keeps his own filter over the shared one, and finds it all again after a reload. The panel, the menu
 * and the filter bar are screenshotted and checked with axe on the way.
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

/** Serious or critical accessibility violations inside `selector` (none expected). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

/** The opacity the canvas draws a note's node with (1 bright, 0.25 dimmed by a filter). */
async function noteOpacity(person: BoardPage, noteId: string): Promise<number | null> {
  return person.page.evaluate((id) => {
    const konva = (
      window as unknown as { Konva: { stages: { findOne(fn: (n: { id(): string }) => boolean): unknown }[] } }
    ).Konva
    const node = konva.stages[0]?.findOne((n) => n.id() === id) as { opacity(): number } | undefined
    return node ? node.opacity() : null
  }, noteId)
}

/** What a second peer reads from the document: each persona's name, photo and pin, in panel order. */
async function personasInDoc(person: BoardPage) {
  return person.page.evaluate(() => {
    const doc = window.__journeyboard?.doc
    if (!doc) return []
    const rows: { name: string; order: string; photo?: string; pinned: boolean; pinX?: number }[] = []
    doc.getMap('personas').forEach((value) => {
      const map = value as unknown as { get(key: string): unknown }
      rows.push({
        name: String(map.get('name')),
        order: String(map.get('order')),
        photo: map.get('photo') as string | undefined,
        pinned: map.get('pinned') === true,
        pinX: map.get('pinX') as number | undefined,
      })
    })
    return rows.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
  })
}

/** A PNG of w × h made in the page (a canvas), as the bytes a person would pick from their disk. */
async function pngBytes(page: Page, w: number, h: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    ({ w, h }) => {
      const canvas = document.createElement('canvas')
      canvas.width = w
      canvas.height = h
      const ctx = canvas.getContext('2d')!
      const gradient = ctx.createLinearGradient(0, 0, w, h)
      gradient.addColorStop(0, '#0f766e')
      gradient.addColorStop(1, '#f59e0b')
      ctx.fillStyle = gradient
      ctx.fillRect(0, 0, w, h)
      return canvas.toDataURL('image/png').split(',')[1]!
    },
    { w, h },
  )
  return Buffer.from(base64, 'base64')
}

/** Opens a note's menu from the outline with Shift+F10, as a keyboard user would. */
async function openNoteMenu(person: BoardPage, name: string | RegExp) {
  await person.note(name).focus()
  await person.page.keyboard.press('Shift+F10')
  const menu = person.page.getByRole('menu', { name: /^Note options:/ })
  await expect(menu).toBeVisible()
  return menu
}

test('personas, note kinds and tags, and a filter, edited by one person and seen by another', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const board = await createBoard(server.baseUrl, 'People and notes')
  const ana = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: 'Ana' })
  const ben = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: 'Ben' })
  const shot = (person: BoardPage, name: string) =>
    person.page.screenshot({ path: test.info().outputPath(`${name}.png`) })
  const { page } = ana

  await ana.addNote('Pricing page is confusing')
  await ana.addNote('Try a free tier')
  await ana.addNote('Too slow to sign up')

  // ——— The personas panel, with the tags ———
  const opener = page.getByRole('button', { name: 'Personas', exact: true })
  await opener.click()
  await expect(opener).toHaveAttribute('aria-expanded', 'true')
  const panel = page.getByRole('complementary', { name: 'Personas' })
  await expect(panel).toBeVisible()

  // Tags first (beside the template's defaults): the note menu lists every board tag.
  const tagName = panel.getByRole('textbox', { name: 'New tag name' })
  for (const [name, color] of [
    ['Pricing team', 'green'],
    ['Care team', 'orange'],
    ['Legal', 'red'],
  ] as const) {
    await tagName.fill(name)
    await panel.getByRole('combobox', { name: 'New tag color' }).selectOption(color)
    await panel.getByRole('button', { name: 'Add tag' }).click()
  }
  await panel.getByRole('textbox', { name: 'Tag name: Legal' }).fill('Compliance')
  await panel.getByRole('textbox', { name: 'Tag name: Legal' }).press('Enter')
  await panel.getByRole('combobox', { name: 'Color of Compliance' }).selectOption('purple')
  await expect(ben.page.getByRole('button', { name: 'Compliance', exact: true })).toBeVisible()
  await panel.getByRole('button', { name: 'Remove tag Compliance' }).click()
  await expect(ben.page.getByRole('button', { name: 'Compliance', exact: true })).toHaveCount(0)

  // The default persona, renamed and described; Ben sees the goals as they are typed.
  const customer = panel.getByRole('region', { name: 'Persona: Customer' })
  await customer.getByRole('textbox', { name: 'Name' }).fill('Ana Lima')
  await customer.getByRole('textbox', { name: 'Name' }).press('Enter')
  const anaCard = panel.getByRole('region', { name: 'Persona: Ana Lima' })
  await anaCard.getByRole('textbox', { name: 'Role' }).fill('First-time buyer')
  await anaCard.getByRole('textbox', { name: 'Role' }).press('Enter')
  await anaCard.getByRole('textbox', { name: 'Goals' }).fill('Pay less')
  await anaCard.getByRole('radio', { name: 'teal' }).check()
  // The default persona always exists.
  await expect(anaCard.getByRole('button', { name: 'Remove Ana Lima' })).toBeDisabled()

  await panel.getByRole('button', { name: 'Add persona' }).click()
  const added = panel.getByRole('region', { name: 'Persona: New persona' })
  await added.getByRole('textbox', { name: 'Name' }).fill('Bruno Costa')
  await added.getByRole('textbox', { name: 'Name' }).press('Enter')
  const bruno = panel.getByRole('region', { name: 'Persona: Bruno Costa' })
  await bruno.getByRole('textbox', { name: 'Initials' }).fill('BC')
  await bruno.getByRole('textbox', { name: 'Initials' }).press('Enter')
  await bruno.getByRole('textbox', { name: 'Frustrations' }).fill('Hidden fees')

  // A big photo is downscaled to at most 160 px and stored as a JPEG; a file that is no image is refused.
  await bruno
    .getByLabel('Photo')
    .setInputFiles({ name: 'bruno.png', mimeType: 'image/png', buffer: await pngBytes(page, 1200, 900) })
  await expect(bruno.getByRole('img', { name: 'Bruno Costa' })).toBeVisible()
  await bruno
    .getByLabel('Photo')
    .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image') })
  await expect(bruno.getByRole('alert')).toContainText('could not be read as an image')

  await bruno.getByRole('button', { name: 'Move Bruno Costa up' }).click()
  await expect(panel.getByRole('region').first()).toHaveAccessibleName('Persona: Bruno Costa')
  await expect(bruno.getByRole('button', { name: 'Move Bruno Costa up' })).toBeDisabled()
  await bruno.getByRole('checkbox', { name: 'Pin on board' }).check()

  await expect
    .poll(async () => (await personasInDoc(ben)).map((p) => [p.name, p.pinned]))
    .toEqual([
      ['Bruno Costa', true],
      ['Ana Lima', false],
    ])
  const stored = (await personasInDoc(ben))[0]!
  expect(stored.photo).toMatch(/^data:image\/jpeg;base64,/)
  expect(stored.pinX).toBeGreaterThan(0)
  const photoSize = await ben.page.evaluate(async (src) => {
    const img = new Image()
    img.src = src
    await img.decode()
    return [img.naturalWidth, img.naturalHeight]
  }, stored.photo!)
  expect(photoSize).toEqual([160, 120])

  // Ben's own panel shows the typed texts, bound live to the document.
  await ben.page.getByRole('button', { name: 'Personas', exact: true }).click()
  const benPanel = ben.page.getByRole('complementary', { name: 'Personas' })
  await expect(
    benPanel.getByRole('region', { name: 'Persona: Ana Lima' }).getByRole('textbox', { name: 'Goals' }),
  ).toHaveValue('Pay less')
  await benPanel
    .getByRole('region', { name: 'Persona: Ana Lima' })
    .getByRole('textbox', { name: 'Goals' })
    .press('End')
  await ben.page.keyboard.type(' and see the price up front')
  await expect(anaCard.getByRole('textbox', { name: 'Goals' })).toHaveValue(
    'Pay less and see the price up front',
  )

  await shot(ana, 'personas-panel')
  expect(await axeViolations(page, 'aside[aria-label="Personas"]')).toEqual([])
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(opener).toBeFocused()
  await ben.page.getByRole('button', { name: 'Close personas panel' }).click()

  // ——— Note details from the note menu ———
  let menu = await openNoteMenu(ana, 'Pricing page is confusing')
  await expect(menu.getByRole('menuitemradio', { name: 'Plain' })).toHaveAttribute('aria-checked', 'true')
  await expect(menu.getByRole('menuitemradio', { name: 'Severity 1' })).toHaveCount(0)
  await menu.getByRole('menuitemradio', { name: 'Pain point' }).click()
  menu = await openNoteMenu(ana, /Pricing page is confusing/)
  await menu.getByRole('menuitemradio', { name: 'Severity 2' }).click()
  menu = await openNoteMenu(ana, /Pricing page is confusing/)
  // Tags stay in an open menu, so several can be set in a row.
  await menu.getByRole('menuitemcheckbox', { name: 'Pricing team' }).click()
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Pricing team' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await menu.getByRole('menuitemcheckbox', { name: 'Care team' }).click()
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Care team' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await expect(menu.getByRole('menuitemradio', { name: 'Severity 2' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await shot(ana, 'note-menu')
  expect(await axeViolations(page, '[role="menu"]')).toEqual([])
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  const painName = 'Pain point, severity 2: Pricing page is confusing (tags: Pricing team, Care team)'
  await expect(ben.note(painName)).toHaveCount(1)

  menu = await openNoteMenu(ana, 'Try a free tier')
  await menu.getByRole('menuitemradio', { name: 'Idea' }).click()
  menu = await openNoteMenu(ana, 'Too slow to sign up')
  await menu.getByRole('menuitemradio', { name: 'Quote' }).click()
  menu = await openNoteMenu(ana, /Too slow to sign up/)
  await menu.getByRole('menuitem', { name: 'Source…' }).click()
  const source = page.getByRole('textbox', { name: 'Quote source' })
  await expect(source).toBeFocused()
  await source.fill('Bruno, interview 3')
  await shot(ana, 'quote-source')
  await source.press('Enter')
  await expect(source).toHaveCount(0)
  await expect(ben.note('Quote from Bruno, interview 3: Too slow to sign up')).toHaveCount(1)
  await expect(ben.note('Idea: Try a free tier')).toHaveCount(1)

  // ——— The filter bar: Ana's own filter, then shared with everyone; Ben's own wins on his screen ———
  const pain = await ana.noteId(painName)
  const idea = await ana.noteId('Idea: Try a free tier')
  const quote = await ana.noteId(/^Quote from/)
  const bar = page.getByRole('toolbar', { name: 'Filter notes' })
  await bar.getByRole('button', { name: 'Care team' }).click()
  await expect(bar.getByRole('button', { name: 'Care team' })).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => noteOpacity(ana, idea)).toBe(0.25)
  expect(await noteOpacity(ana, pain)).toBe(1)
  expect(await noteOpacity(ana, quote)).toBe(0.25)
  // Only for Ana so far.
  expect(await noteOpacity(ben, idea)).toBe(1)
  await expect(bar).toContainText('1 of 3 notes highlighted')
  await shot(ana, 'filter-local')
  expect(await axeViolations(page, '[role="toolbar"][aria-label="Filter notes"]')).toEqual([])

  await bar.getByRole('radio', { name: 'Everyone' }).check()
  await bar.getByRole('button', { name: 'Quote' }).click()
  await expect.poll(() => noteOpacity(ben, idea)).toBe(0.25)
  expect(await noteOpacity(ben, quote)).toBe(1)
  expect(await noteOpacity(ben, pain)).toBe(1)
  await expect(ben.page.getByRole('toolbar', { name: 'Filter notes' })).toContainText('for everyone')
  await shot(ben, 'filter-shared')

  const benBar = ben.page.getByRole('toolbar', { name: 'Filter notes' })
  await benBar.getByRole('button', { name: 'Idea' }).click()
  await expect.poll(() => noteOpacity(ben, idea)).toBe(1)
  expect(await noteOpacity(ben, pain)).toBe(0.25)
  // Ben's own filter leaves Ana's screen as the shared filter has it.
  expect(await noteOpacity(ana, idea)).toBe(0.25)
  await shot(ben, 'filter-own-over-shared')

  // ——— A reload keeps it all ———
  await ben.page.reload()
  await ben.ready()
  await expect(ben.note(painName)).toHaveCount(1)
  await expect.poll(() => noteOpacity(ben, idea)).toBe(0.25)
  await ben.page.getByRole('button', { name: 'Personas', exact: true }).click()
  await expect(
    ben.page.getByRole('complementary', { name: 'Personas' }).getByRole('region').first(),
  ).toHaveAccessibleName('Persona: Bruno Costa')
  await shot(ben, 'after-reload')
  await bar.getByRole('button', { name: 'Clear' }).click()
  await expect.poll(() => noteOpacity(ben, idea)).toBe(1)

  // ——— The menu acts on every selected note: right-click one of three selected ———
  await page.keyboard.press('Control+a')
  const at = await ana.noteCenterOnScreen(idea)
  await page.mouse.click(at.x, at.y, { button: 'right' })
  menu = page.getByRole('menu', { name: 'Note options: Try a free tier' })
  await expect(menu.getByRole('menuitem', { name: 'Duplicate 3 notes' })).toBeVisible()
  // Only one of the three carries Pricing team; no kind is common to all of them.
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Pricing team' })).toHaveAttribute(
    'aria-checked',
    'mixed',
  )
  await expect(
    menu.getByRole('group', { name: 'Kind' }).locator('[role="menuitemradio"][aria-checked="true"]'),
  ).toHaveCount(0)
  // The one pain point among them has severity 2: the severity shown is that of the pain points.
  await expect(menu.getByRole('menuitemradio', { name: 'Severity 2' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await menu.getByRole('menuitemradio', { name: 'Question' }).click()
  await expect(ben.note('Question: Pricing page is confusing (tags: Pricing team, Care team)')).toHaveCount(1)
  await expect(ben.note('Question: Try a free tier')).toHaveCount(1)
  await expect(ben.note('Question: Too slow to sign up')).toHaveCount(1)

  // Zoomed out to blocks, the filter still dims (one shape draws every block).
  await ben.page
    .getByRole('toolbar', { name: 'Filter notes' })
    .getByRole('button', { name: 'Care team' })
    .click()
  for (let i = 0; i < 8; i++) await ben.page.getByRole('button', { name: 'Zoom out' }).click()
  await shot(ben, 'filter-blocks')

  // On a phone-sized window the bar stays one row (it scrolls sideways) and leaves the board visible.
  await ben.page.getByRole('button', { name: 'Close personas panel' }).click()
  await ben.page.setViewportSize({ width: 390, height: 740 })
  const benBarBox = await ben.page.getByRole('toolbar', { name: 'Filter notes' }).boundingBox()
  expect(benBarBox?.height).toBeLessThan(48)
  await shot(ben, 'filter-phone')
  expect(ana.pageErrors).toEqual([])
  expect(ben.pageErrors).toEqual([])
})
