/*
 * Sharing (issue 20) in real Chromium: the share dialog hands out the links a role may share and
 * rotates them; a page that opened with a rotated link is closed and says why; a view link opens a
 * board no gesture can change, and nothing a viewer tries reaches another browser.
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

/** The board's content as this page's document holds it, for comparing before and after. */
const content = (person: BoardPage) =>
  person.page.evaluate(() => {
    const doc = window.__journeyboard!.doc
    return JSON.stringify(['meta', 'stages', 'lanes', 'notes'].map((name) => doc.getMap(name).toJSON()))
  })

/** Counts the y-websocket update frames (sync message, update) a page sends. */
function countUpdatesSent(page: Page): { count: number } {
  const sent = { count: 0 }
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload
      if (bytes[0] === 0 && bytes[1] === 2) sent.count++
    })
  })
  return sent
}

test('the facilitator shares every link, rotates one, and a page using the old link is closed and says why', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Shared journey')
  const facilitator = await openBoardAs(browser, server.baseUrl, board.facilitatorUrl)
  const viewer = await openBoardAs(browser, server.baseUrl, board.viewUrl)
  const editor = await openBoardAs(browser, server.baseUrl, board.editUrl)

  await facilitator.page.getByRole('button', { name: 'Share…' }).click()
  const dialog = facilitator.page.getByRole('dialog', { name: 'Share this board' })
  await expect(dialog).toBeVisible()
  for (const [label, url] of [
    ['Facilitator link', board.facilitatorUrl],
    ['Edit link', board.editUrl],
    ['View link', board.viewUrl],
  ] as const) {
    await expect(dialog.getByLabel(label, { exact: true })).toHaveValue(`${server.baseUrl}${url}`)
  }
  const axe = await new AxeBuilder({ page: facilitator.page }).include('.share-dialog').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  await facilitator.page.screenshot({ path: test.info().outputPath('share-dialog.png') })

  await dialog.getByRole('button', { name: 'Rotate view link' }).click()
  await dialog.getByRole('button', { name: 'Rotate view link' }).last().click()
  await expect(dialog.getByRole('status')).toHaveText(/View link rotated/)
  const fresh = await dialog.getByLabel('View link', { exact: true }).inputValue()
  expect(fresh).not.toBe(`${server.baseUrl}${board.viewUrl}`)

  // The open page that used the old view link is closed at once, and says why.
  await expect(viewer.page.getByRole('heading', { name: 'This link was rotated' })).toBeVisible()
  await viewer.page.screenshot({ path: test.info().outputPath('link-rotated.png') })
  // The editor's page is untouched; and the new view link opens the board read-only.
  await expect(editor.status).toHaveAttribute('data-status', 'connected')
  const again = await openBoardAs(browser, server.baseUrl, fresh.replace(server.baseUrl, ''))
  await expect(again.page.getByText('View only.')).toBeVisible()
  // Reopening the old link is refused with a clear message.
  const stale = await (await browser.newContext()).newPage()
  await stale.goto(`${server.baseUrl}${board.viewUrl}`)
  await expect(stale.getByRole('heading', { name: 'This link is not valid' })).toBeVisible()
})

test('an editor is handed only the view link and cannot rotate', async ({ browser }) => {
  const board = await createBoard(server.baseUrl, 'Editor shares')
  const editor = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await editor.page.getByRole('button', { name: 'Share…' }).click()
  const dialog = editor.page.getByRole('dialog', { name: 'Share this board' })
  await expect(dialog.getByLabel('View link', { exact: true })).toHaveValue(
    `${server.baseUrl}${board.viewUrl}`,
  )
  await expect(dialog.getByLabel('Edit link', { exact: true })).toHaveCount(0)
  await expect(dialog.getByLabel('Facilitator link', { exact: true })).toHaveCount(0)
  await expect(dialog.getByRole('button', { name: /Rotate/ })).toHaveCount(0)
})

test('a view link cannot change the board through any gesture, and nothing reaches another browser', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Read only')
  const editor = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await editor.addNote('Existing note')
  const viewer = await openBoardAs(browser, server.baseUrl, board.viewUrl)
  const sent = countUpdatesSent(viewer.page)
  // Reload so the counter sees the viewer's socket from its start.
  await viewer.page.reload()
  await viewer.ready()
  await expect(viewer.note('Existing note')).toBeAttached()
  const page = viewer.page

  await expect(page.getByText('View only.')).toBeVisible()
  await expect(page.getByRole('toolbar', { name: 'Board tools' })).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Share…' })).toHaveCount(0)
  const editorBefore = await content(editor)
  const viewerBefore = await content(viewer)
  // Loading the page's IndexedDB copy may have sent its (refused) catch-up; only the gestures count.
  const sentBefore = sent.count

  // Every editing gesture, by pointer and keyboard.
  const noteId = await viewer.noteId('Existing note')
  const note = await viewer.noteCenterOnScreen(noteId)
  const cell = await viewer.cellCenterOnScreen('Purchase', 'Pain points')
  await page.mouse.dblclick(cell.x, cell.y) // add a note
  await page.mouse.dblclick(note.x, note.y) // edit it
  await page.mouse.move(note.x, note.y) // drag it to another cell
  await page.mouse.down()
  await page.mouse.move(cell.x, cell.y, { steps: 8 })
  await page.mouse.up()
  await page.mouse.click(note.x, note.y)
  for (const key of [
    'Delete',
    'Backspace',
    'Control+z',
    'Control+Shift+z',
    'Control+y',
    'Control+d',
    'n',
    'ArrowRight',
  ]) {
    await page.keyboard.press(key)
  }
  await page.mouse.click(cell.x, cell.y, { button: 'right' }) // the header/cell menu
  await viewer.note('Existing note').focus()
  await page.keyboard.press('Enter')
  await expect(viewer.editor).toHaveCount(0)
  // A paste of notes (as another board's copy puts them on the clipboard) and of plain text.
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.setData('text/plain', 'Pasted text')
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
  })
  await page.keyboard.press('Control+v')

  // Nothing changed here, nothing was sent, nothing arrived at the editor.
  await page.waitForTimeout(300) // a window for a stray edit to be sent, if any gesture made one
  expect(await content(viewer)).toBe(viewerBefore)
  expect(sent.count - sentBefore).toBe(0)
  expect(await content(editor)).toBe(editorBefore)
  await expect(editor.notes).toHaveCount(1)

  // Zoom and export still work.
  const zoom = page.locator('.zoom__value')
  const before = await zoom.textContent()
  await page.getByRole('button', { name: 'Zoom in' }).click()
  await expect(zoom).not.toHaveText(before ?? '')
  await expect(page.getByRole('button', { name: 'Export…' })).toBeEnabled()
  await page.getByRole('button', { name: 'Data ▾' }).click()
  await expect(page.getByRole('menuitem', { name: 'Download CSV of notes' })).toBeVisible()
  await expect(page.getByRole('menuitem', { name: 'Import CSV…' })).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('view-only.png') })
  expect(viewer.pageErrors).toEqual([])
})

test('an editor imports notes from CSV after a preview, creating the missing stage and lane', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'CSV in')
  const editor = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const colleague = await openBoardAs(browser, server.baseUrl, board.editUrl)
  await editor.page.getByRole('button', { name: 'Data ▾' }).click()
  await editor.page.getByRole('menuitem', { name: 'Import CSV…' }).click()
  const dialog = editor.page.getByRole('dialog', { name: 'Import notes from CSV' })
  await dialog
    .getByLabel('Paste CSV')
    .fill(
      'stage,lane,text\r\nAwareness,Customer actions,"Sees an ad, clicks"\r\nAftercare,Feelings,"Says ""thanks""\nand leaves — ñ"\r\n',
    )
  await dialog.getByRole('button', { name: 'Preview' }).click()
  await expect(dialog.getByRole('status')).toHaveText('2 notes, new stages: Aftercare, new lanes: Feelings')
  const axe = await new AxeBuilder({ page: editor.page }).include('.csv-import').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  await editor.page.screenshot({ path: test.info().outputPath('csv-preview.png') })
  await dialog.getByRole('button', { name: 'Add 2 notes' }).click()
  await expect(dialog).toBeHidden()
  await expect(colleague.note(/^Sees an ad, clicks/)).toBeAttached()
  // The outline names a note by its first line; the whole text arrived in the document.
  await expect(colleague.note(/^Says "thanks"$/)).toBeAttached()
  expect(
    await colleague.page.evaluate(() => JSON.stringify(window.__journeyboard!.doc.getMap('notes').toJSON())),
  ).toContain(JSON.stringify(`Says "thanks"\nand leaves — ñ`).slice(1, -1))
})

test('the home page imports a board from a JSON file as a new board, and says what is wrong with a broken one', async ({
  page,
}) => {
  const source = await createBoard(server.baseUrl, 'Exported journey')
  const res = await fetch(`${server.baseUrl}/api/boards/${source.id}/export.json`, {
    headers: { authorization: `Bearer ${source.editToken}` },
  })
  const json = (await res.json()) as { notes: unknown[]; stages: { id: string }[]; lanes: { id: string }[] }
  json.notes.push({
    id: 'note:imported1',
    stageId: json.stages[0]!.id,
    laneId: json.lanes[0]!.id,
    order: 'V',
    color: 'green',
    w: 160,
    h: 110,
    text: 'Came in a file — ñ',
  })
  await page.goto(server.baseUrl)
  const picker = page.getByLabel('Import a board (JSON)…')
  const broken = structuredClone(json)
  ;(broken.notes[0] as { stageId: string }).stageId = 'stage:nope'
  await picker.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  })
  await expect(page.getByRole('alert')).toHaveText(/broken\.json: notes\[0\]\.stageId: unknown stage/)
  await page.screenshot({ path: test.info().outputPath('home-import-error.png') })
  await picker.setInputFiles({
    name: 'journey.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(json)),
  })
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}#token=/)
  expect(page.url()).not.toContain(source.id)
  await expect(page.locator('body[data-board-ready="true"]')).toBeAttached({ timeout: 20_000 })
  await expect(page.getByRole('grid').getByRole('button', { name: 'Came in a file — ñ' })).toBeAttached()
  // The importer opens it as its facilitator.
  await expect(page.getByRole('button', { name: 'Share…' })).toBeVisible()
})
