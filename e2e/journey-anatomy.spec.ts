/*
 * The journey map's anatomy in a real browser: a board with every lane kind, every note kind, two
 * personas' curves and connectors is drawn, reachable by keyboard and screen reader, and free of
 * serious accessibility violations.
 */
import AxeBuilder from '@axe-core/playwright'
import { exportBoardJson } from '../shared/src/exchange/json'
import { richBoard } from '../shared/src/scene/testing/richBoard'
import { type BoardPage, openBoardAs } from './fixtures/BoardPage'
import { createBoard, importBoard, type RunningServer, startServer } from './fixtures/server'
import { expect, test } from './fixtures/test'

let server: RunningServer

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})

test('a rich board draws every lane kind and note kind, and has no serious accessibility violation', async ({
  browser,
}) => {
  const board = await importBoard(server.baseUrl, exportBoardJson(richBoard().doc))
  const person = await openBoardAs(browser, server.baseUrl, board.editUrl)
  const { page } = person
  await page.getByRole('button', { name: 'Zoom to fit' }).click()
  await page.screenshot({ path: test.info().outputPath('rich-board.png') })
  const axe = await new AxeBuilder({ page }).analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])
})

/** Adds a lane of `kind` at the end from the "+" under the grid. */
async function addLane(person: BoardPage, name: string, kind: string): Promise<void> {
  const { page } = person
  await page.locator('.grid-add--lane').click()
  const form = page.getByRole('form', { name: /Add a lane/ })
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused()
  await page.keyboard.type(name)
  // The radio itself is visually hidden inside its chip: a person clicks the chip.
  await form.getByText(kind, { exact: true }).click()
  await expect(form.getByRole('radio', { name: kind, exact: true })).toBeChecked()
  await form.getByRole('button', { name: 'Add lane' }).click()
  await expect(form).toHaveCount(0)
}

/** Sets a persona's point by keyboard on the outline's slider: from no score, ↑ starts at 0. */
async function setPoint(person: BoardPage, stage: string, persona: string, presses: string[]) {
  const slider = person.page.getByRole('slider', { name: new RegExp(`^${stage}, ${persona}:`) })
  await slider.focus()
  for (const key of presses) await person.page.keyboard.press(key)
}

test('a facilitator builds a journey map from the blank template by UI only; it survives a reload and reaches a colleague', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, { title: 'Built by hand', template: 'blank' })
  const alice = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: 'Alice' })
  const { page } = alice
  await addLane(alice, 'Channels', 'Channels')
  await addLane(alice, 'Feelings', 'Emotion curve')
  await addLane(alice, 'Conversion', 'Metrics')
  await addLane(alice, 'Goals', 'Text')
  await addLane(alice, 'Pains', 'Pain points')

  // A second persona from the personas panel.
  await page.getByRole('button', { name: 'Personas' }).click()
  const panel = page.getByRole('complementary', { name: 'Personas' })
  await panel.getByRole('button', { name: 'Add persona' }).click()
  await expect(panel.getByRole('region', { name: /^Persona: / })).toHaveCount(2)
  const personaNames = await panel
    .getByRole('textbox', { name: 'Name', exact: true })
    .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))
  const [first = '', second = ''] = personaNames
  await page.getByRole('button', { name: 'Close personas panel' }).click()

  // Two curves that diverge on the one stage: +2 against −1.
  await setPoint(alice, 'Stage 1', first, ['ArrowUp', 'ArrowUp', 'ArrowUp'])
  await setPoint(alice, 'Stage 1', second, ['ArrowDown', 'ArrowDown', 'ArrowDown'])
  await expect(page.getByRole('slider', { name: `Stage 1, ${first}: +2, delighted` })).toBeAttached()
  await expect(page.getByRole('slider', { name: `Stage 1, ${second}: −2, frustrated` })).toBeAttached()
  await expect(alice.outline.getByText('Personas diverge here')).toBeAttached()

  // A channel chip and a metric from the cell editor.
  // The outline is visually hidden: a keyboard user reaches its buttons, as this does.
  await page.getByRole('button', { name: 'Edit channels: Channels, Stage 1' }).focus()
  await page.keyboard.press('Enter')
  const chips = page.getByRole('dialog', { name: 'Channels · Stage 1' })
  await chips.getByRole('button', { name: 'Email' }).click()
  await chips.getByRole('textbox', { name: 'Custom channel' }).fill('Trade fair')
  await chips.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(chips.getByRole('list', { name: 'Channels here' }).getByRole('listitem')).toHaveCount(2)
  const axeChips = await new AxeBuilder({ page }).include('.cell-editor').analyze()
  expect(axeChips.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  await page.screenshot({ path: test.info().outputPath('chip-picker.png') })
  await chips.getByRole('button', { name: 'Done' }).click()

  await page.getByRole('button', { name: 'Edit value: Conversion, Stage 1' }).focus()
  await page.keyboard.press('Enter')
  const metric = page.getByRole('dialog', { name: 'Conversion · Stage 1' })
  await metric.getByRole('textbox', { name: 'Value' }).fill('42')
  await metric.getByRole('textbox', { name: 'Unit' }).fill('%')
  await metric.getByRole('button', { name: 'Save' }).click()
  await expect(alice.outline.getByText('Conversion: 42 %')).toBeAttached()

  // A pain point with severity 2, and a connector from it to a plain note.
  await alice.addNote('Cannot find pricing')
  await alice.addNote('Asks a friend')
  const painId = await alice.noteId('Cannot find pricing')
  const friendId = await alice.noteId('Asks a friend')
  await alice.note('Cannot find pricing').focus()
  await page.keyboard.press('Shift+F10')
  const menu = page.getByRole('menu', { name: /Note options: Cannot find pricing/ })
  await menu.getByRole('menuitemradio', { name: 'Pain point' }).click()
  await alice.note(/Cannot find pricing/).focus()
  await page.keyboard.press('Shift+F10')
  await page
    .getByRole('menu', { name: /Note options/ })
    .getByRole('menuitemradio', { name: 'Severity 2' })
    .click()
  await expect(alice.note(/Pain point, severity 2: Cannot find pricing/)).toBeAttached()

  await page.getByRole('button', { name: 'Zoom to fit' }).click()
  await page.keyboard.press('c')
  const from = await alice.noteCenterOnScreen(painId)
  const to = await alice.noteCenterOnScreen(friendId)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 4 })
  await page.mouse.up()
  await page.keyboard.press('v')
  const connectors = page.getByRole('list', { name: 'Connectors' })
  await expect(connectors.getByRole('listitem')).toHaveCount(1)
  await expect(connectors.getByRole('listitem')).toContainText(
    'Connector from Cannot find pricing to Asks a friend',
  )

  // A tag filter highlights a kind; the rest dims (local to Alice).
  await page
    .getByRole('toolbar', { name: 'Filter notes' })
    .getByRole('button', { name: 'Pain point' })
    .click()
  await page.screenshot({ path: test.info().outputPath('built-from-blank.png') })

  // Reload: everything is still there; and a colleague sees the same map.
  await page.reload()
  await alice.ready()
  await expect(page.getByRole('slider', { name: `Stage 1, ${first}: +2, delighted` })).toBeAttached()
  await expect(alice.outline.getByText('Channels: Email, Trade fair')).toBeAttached()
  const bob = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: 'Bob' })
  await expect(bob.page.getByRole('slider', { name: `Stage 1, ${second}: −2, frustrated` })).toBeAttached()
  await expect(bob.outline.getByText('Conversion: 42 %')).toBeAttached()
  await expect(bob.outline.getByText('Personas diverge here')).toBeAttached()
  await expect(bob.page.getByRole('list', { name: 'Connectors' }).getByRole('listitem')).toHaveCount(1)
  await expect(bob.note(/Pain point, severity 2: Cannot find pricing/)).toBeAttached()
  await bob.page.getByRole('button', { name: 'Zoom to fit' }).click()
  await bob.page.screenshot({ path: test.info().outputPath('colleague-view.png') })
})
