/*
 * Dot voting (issue 16) in real Chromium, "hidden means hidden": a facilitator and two participants.
 * The facilitator starts a vote; each participant places dots; before the reveal no other browser's
 * page or received frames hold anyone's dots (the facilitator sees only "2 people voted"); on reveal
 * the server's counts reach every page at once, as a ranked list.
 */
import AxeBuilder from '@axe-core/playwright'
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

/** Every frame the page receives (or sends) on any socket, as text, for searching what reached it. */
function frames(page: Page, direction: 'framereceived' | 'framesent' = 'framereceived'): string[] {
  const seen: string[] = []
  page.on('websocket', (ws) => {
    const record = ({ payload }: { payload: string | Buffer }) =>
      seen.push(typeof payload === 'string' ? payload : Buffer.from(payload).toString('latin1'))
    if (direction === 'framereceived') ws.on('framereceived', record)
    else ws.on('framesent', record)
  })
  return seen
}

test('dots stay private until the reveal, then every page shows the same ranked counts', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Voting journey')
  const facilitator = await openBoardAs(browser, server.baseUrl, board.facilitatorUrl, { name: 'Fran' })
  await facilitator.addNote('Slow checkout')
  await facilitator.addNote('Confusing pricing')
  await facilitator.addNote('Great support')
  const checkout = await facilitator.noteId('Slow checkout')
  const pricing = await facilitator.noteId('Confusing pricing')

  const ana = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: 'Ana' })
  const ben = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: 'Ben' })
  const seen = {
    facilitator: frames(facilitator.page),
    ana: frames(ana.page),
    ben: frames(ben.page),
  }
  const anaSent = frames(ana.page, 'framesent')
  // Frames are recorded from sockets opened after this point: reload so every socket is watched.
  for (const person of [facilitator, ana, ben]) {
    await person.page.reload()
    await person.ready()
  }

  const panel = (page: Page) => page.getByRole('complementary', { name: 'Dot voting' })
  await facilitator.page.getByRole('button', { name: /^Dot voting/ }).click()
  const controls = panel(facilitator.page)
  await controls.getByLabel('Dots per person').fill('3')
  await controls.getByLabel('Most dots per note').fill('2')
  await controls.getByRole('button', { name: 'Start vote' }).click()
  await expect(controls.getByText('0 people voted')).toBeVisible()
  const axeFacilitator = await new AxeBuilder({ page: facilitator.page }).include('.vote-panel').analyze()
  expect(axeFacilitator.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])

  for (const person of [ana, ben]) await person.page.getByRole('button', { name: /^Dot voting/ }).click()
  const anaPanel = panel(ana.page)
  await expect(anaPanel.getByText('3 of 3 dots left')).toBeVisible()
  await anaPanel.getByRole('button', { name: 'Add dot to Slow checkout' }).click()
  await anaPanel.getByRole('button', { name: 'Add dot to Slow checkout' }).click()
  await expect(anaPanel.getByText('1 of 3 dots left')).toBeVisible()
  await expect(anaPanel.getByRole('button', { name: 'Add dot to Slow checkout' })).toBeDisabled()
  await anaPanel.getByRole('button', { name: 'Add dot to Confusing pricing' }).click()
  await anaPanel.getByRole('button', { name: 'Remove dot from Confusing pricing' }).click()
  await expect(anaPanel.getByText('1 of 3 dots left')).toBeVisible()
  const axe = await new AxeBuilder({ page: ana.page }).include('.vote-panel').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  await ana.page.screenshot({ path: test.info().outputPath('vote-participant.png') })

  await panel(ben.page).getByRole('button', { name: 'Add dot to Confusing pricing' }).click()
  await expect(controls.getByText('2 people voted')).toBeVisible()
  await facilitator.page.screenshot({ path: test.info().outputPath('vote-facilitator.png') })

  // Before the reveal: Ana's dot key reached no one else, and no page shows anyone else's dots.
  const anaKeySuffix = `/${checkout}`
  const benKeySuffix = `/${pricing}`
  const holds = (frames: string[], suffix: string) =>
    frames.some((f) => /vote-[0-9a-z]+\//.test(f) && f.includes(suffix))
  expect(holds(seen.facilitator, anaKeySuffix)).toBe(false)
  expect(holds(seen.facilitator, benKeySuffix)).toBe(false)
  expect(holds(seen.ben, anaKeySuffix)).toBe(false)
  expect(holds(seen.ana, benKeySuffix)).toBe(false)
  // The search finds a dot key where one is: in what Ana's page sent to her private document.
  expect(holds(anaSent, anaKeySuffix)).toBe(true)
  await expect(panel(ben.page).getByRole('region', { name: 'Vote results' })).toHaveCount(0)
  await expect(controls.getByRole('region', { name: 'Vote results' })).toHaveCount(0)
  // The facilitator's own dot row (they may vote too) shows none: others' dots are not theirs to see.
  await expect(controls.locator('.vote-note__dots [aria-hidden]')).toHaveText(['', '', ''])
  await expect(panel(ben.page).locator('.vote-note__dots [aria-hidden]')).toHaveText(['', '●', ''])

  await controls.getByRole('button', { name: 'Reveal results' }).click()
  for (const person of [facilitator, ana, ben]) {
    const results = panel(person.page).getByRole('region', { name: 'Vote results' }).getByRole('listitem')
    await expect(results).toHaveText([/Slow checkout\s+2 dots/, /Confusing pricing\s+1 dot/])
  }
  await facilitator.page.screenshot({ path: test.info().outputPath('vote-results.png') })
  const axeResults = await new AxeBuilder({ page: ben.page }).include('.vote-panel').analyze()
  expect(axeResults.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  for (const person of [facilitator, ana, ben]) expect(person.pageErrors).toEqual([])
})

test('a private brainstorm stays with its author until the reveal, survives a reload, then lands for all at once', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Brainstorm journey')
  const facilitator = await openBoardAs(browser, server.baseUrl, board.facilitatorUrl, { name: 'Fran' })
  const ana = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: 'Ana' })
  const ben = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: 'Ben' })
  const seen = { facilitator: frames(facilitator.page), ben: frames(ben.page), ana: frames(ana.page) }
  for (const person of [facilitator, ana, ben]) {
    await person.page.reload()
    await person.ready()
  }
  const panel = (page: Page) => page.getByRole('complementary', { name: 'Private phase' })
  const openPanel = (page: Page) => page.getByRole('button', { name: /^Private phase/ }).click()
  await openPanel(facilitator.page)
  await panel(facilitator.page).getByRole('button', { name: 'Start private brainstorm' }).click()

  const write = async (page: Page, text: string) => {
    await panel(page).getByLabel('Private note', { exact: true }).fill(text)
    await panel(page).getByRole('button', { name: 'Add private note' }).click()
    await expect(panel(page).getByText(text)).toBeVisible()
  }
  await openPanel(ana.page)
  await write(ana.page, 'Ana hidden thought')
  await openPanel(ben.page)
  await write(ben.page, 'Ben hidden thought')
  await expect(panel(ana.page).getByText('Only you')).toBeVisible()
  const axe = await new AxeBuilder({ page: ana.page }).include('.private-panel').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  await ana.page.screenshot({ path: test.info().outputPath('private-brainstorm.png') })

  // Survives the author's reload.
  await ana.page.reload()
  await ana.ready()
  await openPanel(ana.page)
  await expect(panel(ana.page).getByText('Ana hidden thought')).toBeVisible()

  // Before the reveal: in no other page's DOM, board document (Yjs state) or received frames.
  const boardText = (person: typeof ana) =>
    person.page.evaluate(() => JSON.stringify(window.__journeyboard!.doc.toJSON()))
  for (const [person, other] of [
    [facilitator, 'Ana hidden thought'],
    [ben, 'Ana hidden thought'],
    [ana, 'Ben hidden thought'],
  ] as const) {
    await expect(person.page.locator('body')).not.toContainText(other)
    expect(await boardText(person)).not.toContain(other)
  }
  expect(seen.facilitator.some((f) => f.includes('hidden thought'))).toBe(false)
  expect(seen.ben.some((f) => f.includes('Ana hidden thought'))).toBe(false)
  expect(seen.ana.some((f) => f.includes('Ben hidden thought'))).toBe(false)

  await panel(facilitator.page).getByRole('button', { name: 'Reveal' }).click()
  for (const person of [facilitator, ana, ben]) {
    await expect
      .poll(async () => {
        const text = await boardText(person)
        return [text.includes('Ana hidden thought'), text.includes('Ben hidden thought')]
      })
      .toEqual([true, true])
    await expect(person.note(/Ana hidden thought/)).toHaveCount(1)
  }
  // The private copies are gone: each note is on the board once, not also in the author's panel.
  await expect(panel(ana.page).getByText('Only you')).toHaveCount(0)
  for (const person of [facilitator, ana, ben]) expect(person.pageErrors).toEqual([])
})

test('a private emotion rating shows each stage’s median and spread after the reveal, and becomes a persona’s curve', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Feelings journey')
  const facilitator = await openBoardAs(browser, server.baseUrl, board.facilitatorUrl, { name: 'Fran' })
  const ana = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: 'Ana' })
  const ben = await openBoardAs(browser, server.baseUrl, board.editUrl, { name: 'Ben' })
  const panel = (page: Page) => page.getByRole('complementary', { name: 'Private phase' })
  const openPanel = (page: Page) => page.getByRole('button', { name: /^Private phase/ }).click()
  await openPanel(facilitator.page)
  await panel(facilitator.page).getByRole('button', { name: 'Start private emotion rating' }).click()
  for (const [person, scores] of [
    [ana, ['-2', '1']],
    [ben, ['1', '1']],
  ] as const) {
    await openPanel(person.page)
    await panel(person.page).getByLabel('Your score for Awareness').selectOption(scores[0])
    await panel(person.page).getByLabel('Your score for Consideration').selectOption(scores[1])
  }
  const axe = await new AxeBuilder({ page: ana.page }).include('.private-panel').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  // Let both scores reach the server before the reveal.
  await expect(panel(ben.page).getByLabel('Your score for Consideration')).toHaveValue('1')
  await ben.page.waitForTimeout(500)
  await panel(facilitator.page).getByRole('button', { name: 'Reveal' }).click()
  for (const person of [facilitator, ana, ben]) {
    const results = panel(person.page).getByRole('region', { name: 'Emotion rating results' })
    await expect(results.getByText('Awareness: median -0.5 (from -2 to 1, 2 people)')).toBeVisible()
    await expect(results.getByText('Consideration: median 1 (from 1 to 1, 2 people)')).toBeVisible()
  }
  await facilitator.page.screenshot({ path: test.info().outputPath('emotion-results.png') })
  await panel(facilitator.page)
    .getByRole('button', { name: /^Adopt as .*’s curve$/ })
    .click()
  await expect
    .poll(() =>
      facilitator.page.evaluate(() => {
        const scores = window.__journeyboard!.doc.getMap('scores').toJSON() as Record<string, number>
        return Object.values(scores).sort()
      }),
    )
    .toEqual([0, 1]) // Awareness −0.5 rounds up to 0; Consideration 1
  for (const person of [facilitator, ana, ben]) expect(person.pageErrors).toEqual([])
})
