/*
 * The facilitator's toolkit with three people in their own browsers: a facilitator and two
 * participants, one of whose laptops runs two minutes fast. Everyone sees the same countdown to the
 * second (server time); pause and +1 min reach everyone; starting an agenda step starts its timer for
 * all; the spotlight dims the others' boards; summon and follow-me move their views; anyone can follow
 * anyone; participants see none of the controls; the panel passes axe.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser } from '@playwright/test'
import { BoardPage } from './fixtures/BoardPage'
import { createBoard, type RunningServer, startServer } from './fixtures/server'
import { expect, test } from './fixtures/test'

let server: RunningServer

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.kill('SIGTERM')
})

const SKEW_MS = 2 * 60_000

async function arrive(browser: Browser, url: string, name: string, skewMs = 0): Promise<BoardPage> {
  const page = await (await browser.newContext()).newPage()
  // This laptop's clock is off: Date (and the page's timers) run skewMs ahead of the server's.
  if (skewMs) await page.clock.install({ time: Date.now() + skewMs })
  const person = new BoardPage(page)
  await person.open(server.baseUrl, url, { name })
  return person
}

/** Seconds left on a person's top-bar timer ("12:34" → 754). */
async function secondsShown(person: BoardPage): Promise<number> {
  const text = (await person.page.getByRole('timer').textContent()) ?? ''
  const match = /(\d+):(\d\d)/.exec(text)
  if (!match) throw new Error(`no time in the timer pill: "${text}"`)
  return Number(match[1]) * 60 + Number(match[2])
}

/** Everyone's timer read at once; they agree to the second. */
async function expectSameTime(people: BoardPage[], near: number) {
  await expect(async () => {
    const shown = await Promise.all(people.map(secondsShown))
    expect(Math.max(...shown) - Math.min(...shown), `shown: ${shown.join(', ')}`).toBeLessThanOrEqual(1)
    expect(Math.abs(shown[0]! - near), `shown: ${shown.join(', ')}`).toBeLessThanOrEqual(3)
  }).toPass({ timeout: 5_000 })
}

async function viewScale(person: BoardPage): Promise<number> {
  return person.page.evaluate(
    () => (window as unknown as { Konva: { stages: { scaleX(): number }[] } }).Konva.stages[0]?.scaleX() ?? 0,
  )
}

test('a facilitator runs the timer, agenda, spotlight, summon and follow-me for everyone', async ({
  browser,
}) => {
  const board = await createBoard(server.baseUrl, 'Workshop')
  const outDir = process.env.FACILITATION_E2E_OUT ?? mkdtempSync(join(tmpdir(), 'jb-e2e-toolkit-'))
  const ana = await arrive(browser, board.facilitatorUrl, 'Ana')
  const ben = await arrive(browser, board.editUrl, 'Ben')
  const cleo = await arrive(browser, board.editUrl, 'Cleo', SKEW_MS)
  const everyone = [ana, ben, cleo]
  // Cleo's clock really is off.
  const cleoSkew = await cleo.page.evaluate(() => Date.now())
  expect(Math.abs(cleoSkew - Date.now() - SKEW_MS)).toBeLessThan(10_000)

  // Participants get no controls.
  for (const person of [ben, cleo]) {
    await expect(person.page.getByRole('button', { name: 'Facilitate', exact: true })).toHaveCount(0)
    await expect(person.page.getByRole('timer')).toHaveCount(0)
  }

  await ana.page.getByRole('button', { name: 'Facilitate', exact: true }).click()
  const panel = ana.page.getByRole('complementary', { name: 'Facilitate' })
  await expect(panel).toBeVisible()
  const axe = await new AxeBuilder({ page: ana.page }).include('#facilitator-panel').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])

  // Timer: 10 minutes, started; the same second on all three screens, Cleo's fast clock included.
  await panel.getByLabel('Minutes', { exact: true }).fill('10')
  await panel.getByRole('button', { name: 'Set' }).click()
  await panel.getByRole('button', { name: 'Start' }).click()
  for (const person of everyone) await expect(person.page.getByRole('timer')).toBeVisible()
  await expectSameTime(everyone, 600)

  await panel.getByRole('button', { name: 'Pause' }).click()
  for (const person of everyone)
    await expect(person.page.getByRole('timer', { name: 'Timer paused' })).toBeVisible()
  await panel.getByRole('button', { name: '+1 min' }).click()
  await expectSameTime(everyone, 660)
  await panel.getByRole('button', { name: 'Resume' }).click()
  for (const person of everyone)
    await expect(person.page.getByRole('timer', { name: 'Timer running' })).toBeVisible()

  // Agenda: the suggested steps; starting step 2 shows it to everyone and starts its 10-minute timer.
  await panel.getByRole('button', { name: 'Use the suggested steps' }).click()
  await expect(panel.getByRole('listitem')).toHaveCount(5)
  await panel.getByRole('button', { name: 'Stop' }).click()
  for (const person of everyone) await expect(person.page.getByRole('timer')).toHaveCount(0)
  await panel.getByRole('button', { name: 'Start step 2: Add emotions' }).click()
  for (const person of everyone) {
    await expect(person.page.getByRole('status', { name: 'Current agenda step' })).toHaveText(
      'Step 2/5: Add emotions',
    )
    await expect(person.page.getByRole('timer', { name: 'Timer running' })).toBeVisible()
  }
  await expectSameTime(everyone, 600)
  await ana.page.screenshot({ path: join(outDir, 'facilitator.png') })

  // Spotlight: everyone else's board dims around Purchase, and the outline says so.
  await panel.getByLabel('Stage').selectOption({ label: 'Purchase' })
  for (const person of [ben, cleo]) {
    await expect(person.page.locator('.spotlight__label')).toHaveText('Spotlight: Purchase')
    await expect(person.outline.locator('caption')).toHaveText('Spotlight: Purchase')
  }
  await ben.page.screenshot({ path: join(outDir, 'participant-spotlight.png') })
  // What participants see of the toolkit (timer, step, spotlight) passes axe too.
  const axeBen = await new AxeBuilder({ page: ben.page }).include('.topbar').include('.spotlight').analyze()
  expect(axeBen.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  await panel.getByLabel('Stage').selectOption({ label: 'None' })
  await expect(ben.page.locator('.spotlight')).toHaveCount(0)

  // Summon: Ana zooms in; "Bring everyone here" puts the others on her view once.
  for (let i = 0; i < 3; i++) await ana.page.getByRole('button', { name: 'Zoom in' }).click()
  const anaScale = await viewScale(ana)
  expect(await viewScale(ben)).not.toBeCloseTo(anaScale, 2)
  await panel.getByRole('button', { name: 'Bring everyone here' }).click()
  for (const person of [ben, cleo]) await expect.poll(() => viewScale(person)).toBeCloseTo(anaScale, 2)
  // Once: Ben zooms out and stays there.
  await ben.page.getByRole('button', { name: 'Zoom out' }).click()
  await expect.poll(() => viewScale(ben)).not.toBeCloseTo(anaScale, 2)

  // Follow me: Ben and Cleo track Ana's view until they break away.
  await panel.getByRole('button', { name: 'Everyone follow me' }).click()
  const banner = ben.page.getByRole('status').filter({ hasText: 'Following Ana' })
  await expect(banner).toBeVisible()
  await ben.page.screenshot({ path: join(outDir, 'follow-banner.png') })
  await ana.page.getByRole('button', { name: 'Zoom out' }).click()
  const anaNext = await viewScale(ana)
  for (const person of [ben, cleo]) await expect.poll(() => viewScale(person)).toBeCloseTo(anaNext, 2)
  // Ben breaks away by zooming on his own; Cleo with the button.
  await ben.page.getByRole('button', { name: 'Zoom in' }).click()
  await expect(banner).toHaveCount(0)
  await cleo.page.getByRole('button', { name: 'Stop following' }).click()
  await expect(cleo.page.getByText('Following Ana')).toHaveCount(0)
  await panel.getByRole('button', { name: 'Stop everyone following' }).click()

  // Anyone can follow anyone: Cleo follows Ben.
  await cleo.page.getByRole('button', { name: 'Follow someone' }).click()
  await cleo.page.getByRole('menuitemcheckbox', { name: 'Follow Ben' }).click()
  await expect(cleo.page.getByRole('status').filter({ hasText: 'Following Ben' })).toBeVisible()
  await ben.page.getByRole('button', { name: 'Zoom in' }).click()
  const benScale = await viewScale(ben)
  await expect.poll(() => viewScale(cleo)).toBeCloseTo(benScale, 2)

  // Time is up at the same moment for everyone: the pill reads 0:00 and flashes.
  await panel.getByLabel('Minutes', { exact: true }).fill('0.1')
  await panel.getByRole('button', { name: 'Set' }).click()
  await panel.getByRole('button', { name: 'Start', exact: true }).click()
  for (const person of everyone) {
    const pill = person.page.getByRole('timer', { name: 'Timer ended' })
    await expect(pill).toHaveText('0:00', { timeout: 10_000 })
    await expect(pill).toHaveClass(/timer-pill--flash/)
  }

  // At a tablet's width the facilitator's top bar still fits: the tools fold behind Menu.
  await ana.page.setViewportSize({ width: 1024, height: 768 })
  const fits = await ana.page.evaluate(() => {
    const bar = document.querySelector('.topbar')
    return bar ? bar.scrollWidth <= bar.clientWidth : false
  })
  expect(fits).toBe(true)
  await ana.page.getByRole('button', { name: 'Menu' }).click()
  await expect(ana.page.getByRole('button', { name: 'Facilitate', exact: true })).toBeVisible()

  for (const person of everyone) expect(person.pageErrors).toEqual([])
})
