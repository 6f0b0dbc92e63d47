import { NOTE_SIZE } from '../../shared/src/board/limits'
import { type CpuProfile, selfTimes } from '../infra/cpuProfile'
import { startOurServer } from '../sync/ourServer'
import { ourDriver } from './appDrivers'
import { closeAllBrowsers, launchBrowser, newBenchPage } from './browser'
import { measurePan } from './framesProbe'
import { addRichJourney, RICH_JOURNEY } from './richJourney'
import { seedBoard } from './seedBoard'

/**
 * `npx tsx bench/render/profileRich.ts [notes] [fit|readable] [plain]`: the rich board (richJourney.ts) in the
 * built client, one pan measured with the page's CPU profiler on, then the page functions with the most
 * self time, so a change to the canvas can be checked against where a pan frame's time goes.
 */
const notes = Number(process.argv[2] ?? 10_000)
const view = process.argv[3] === 'readable' ? 'readable' : 'fit'
/** `plain`: today's plain board of the same size instead, to compare in the same run. */
const plain = process.argv[4] === 'plain'

const server = await startOurServer()
try {
  const seeded = plain
    ? await seedBoard(server, notes)
    : await seedBoard(server, notes, `Profile rich ${notes}`, (doc, n) =>
        addRichJourney(doc, { ...RICH_JOURNEY, notes: n }),
      )
  const browser = await launchBrowser()
  const page = await newBenchPage(browser)
  const driver = ourDriver(
    () => `${server.baseUrl}/b/${seeded.id}#token=${seeded.editToken}`,
    NOTE_SIZE.defaultW,
  )
  const timing = await driver.open(page, notes)
  console.log(`first paint ${JSON.stringify(timing)}`)
  if (view === 'readable') await driver.toReadable(page, notes)
  // Which layers draw from a still bitmap (useStillBitmap.ts), and how many nodes each holds.
  const layers = await page.evaluate(() => {
    type Node = { isCached(): boolean; getChildren(): Node[]; getClassName(): string }
    const konva = (window as unknown as { Konva: { stages: { getLayers(): Node[] }[] } }).Konva
    return (konva.stages[0]?.getLayers() ?? []).map((layer) =>
      layer
        .getChildren()
        .map((c) => `${c.getClassName()}${c.isCached() ? ' (bitmap)' : ''}×${c.getChildren?.().length ?? 0}`)
        .join(', '),
    )
  })
  console.log(`layers: ${JSON.stringify(layers)}`)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const pan = await measurePan(page, driver.panMode, 6_000)
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
  console.log(
    `pan (${view}): ${pan.fps.toFixed(1)} fps, p95 ${pan.p95.toFixed(1)} ms over ${pan.frames} frames`,
  )
  const totals = [...selfTimes(profile)].sort((a, b) => b[1] - a[1])
  const all = totals.reduce((sum, [, ms]) => sum + ms, 0)
  for (const [name, ms] of totals.slice(0, 30))
    console.log(`${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / all).toFixed(1).padStart(5)} %  ${name}`)
  await closeAllBrowsers()
} finally {
  await server.stop()
}
