import { NOTE_SIZE } from '../../shared/src/board/limits'
import type { RunOptions, SectionResult } from '../infra/section'
import { type ReportRow, row } from '../report'
import { type OurServer, startOurServer } from '../sync/ourServer'
import { type AnchorName, anchorDistDir, anchorSpecs } from './anchors'
import { anchorDriver, ourDriver } from './appDrivers'
import { closeAllBrowsers, launchBrowser } from './browser'
import { measureScene, type SceneResult } from './measureScene'
import { prepareAnchors } from './prepareAnchors'
import { addRichJourney, RICH_JOURNEY } from './richJourney'
import { type BoardBuilder, seedBoard } from './seedBoard'
import { type StaticServer, serveStatic } from './staticServer'

/**
 * Section 2: our board at 500…20,000 notes against tldraw, Excalidraw and the plain react-konva floor,
 * in one browser, one scene after another. The references run only where they can (tldraw caps a page
 * below 5,000 shapes) and where they add a comparison, to keep the whole run under ten minutes.
 */
interface ReferenceScene {
  app: AnchorName
  notes: number
  readable: boolean
}

interface RenderPlan {
  ourSizes: number[]
  /** Sizes of the rich board (richJourney.ts), each beside the plain board of the same size. */
  richSizes: number[]
  references: ReferenceScene[]
  gestureMaxMs: number
}

const fullPlan: RenderPlan = {
  ourSizes: [500, 2_000, 5_000, 10_000, 20_000],
  richSizes: [10_000],
  // At 500 notes every app is smooth, so the references start at 2,000, where they begin to differ.
  references: [
    { app: 'konva-floor', notes: 2_000, readable: true },
    // tldraw takes ~15 s to load 2,000 notes and pans at a few fps: its fit view says enough.
    { app: 'tldraw', notes: 2_000, readable: false },
    { app: 'excalidraw', notes: 2_000, readable: true },
    { app: 'konva-floor', notes: 5_000, readable: false },
    { app: 'excalidraw', notes: 5_000, readable: false },
    { app: 'konva-floor', notes: 10_000, readable: true },
    { app: 'konva-floor', notes: 20_000, readable: false },
  ],
  gestureMaxMs: 3_000,
}

const quickPlan: RenderPlan = {
  ourSizes: [2_000, 10_000],
  richSizes: [10_000],
  references: [
    { app: 'tldraw', notes: 2_000, readable: false },
    { app: 'excalidraw', notes: 2_000, readable: false },
    { app: 'konva-floor', notes: 10_000, readable: false },
  ],
  gestureMaxMs: 3_000,
}

/** The anchors a run's plan compares with, so run.ts can install them ahead of time. */
export const referenceAnchors = (quick: boolean): AnchorName[] => [
  ...new Set((quick ? quickPlan : fullPlan).references.map((scene) => scene.app)),
]

export interface RenderData {
  plan: RenderPlan
  scenes: SceneResult[]
  /** Ours on the rich board; apart from `scenes`, whose rows look ours up by size. */
  richScenes: SceneResult[]
  failures: { app: string; notes: number; error: string }[]
  seeding: { notes: number; seedMs: number; encodedStateBytes: number }[]
}

/** The rich board at `noteCount` notes (the other figures as the issue gives them). */
const richBuilder: BoardBuilder = (doc, noteCount) =>
  addRichJourney(doc, { ...RICH_JOURNEY, notes: noteCount })

const message = (error: unknown) =>
  error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)

export async function runRenderSection(
  options: RunOptions,
  log: (line: string) => void,
): Promise<SectionResult<RenderData>> {
  const plan = options.quick ? quickPlan : fullPlan
  const notes: string[] = []
  const data: RenderData = { plan, scenes: [], richScenes: [], failures: [], seeding: [] }
  const prepared = await (options.anchors ?? prepareAnchors(referenceAnchors(options.quick), log))
  notes.push(...prepared.notes)
  const anchorsReady = prepared.ready
  const statics = new Map<AnchorName, StaticServer>()
  let server: OurServer | undefined
  try {
    for (const name of anchorsReady) statics.set(name, await serveStatic(anchorDistDir(name)))
    server = await startOurServer()
    const browser = await launchBrowser()
    for (const size of plan.ourSizes) {
      const ourServer = server
      try {
        const seeded = await seedBoard(ourServer, size)
        data.seeding.push({ notes: size, seedMs: seeded.seedMs, encodedStateBytes: seeded.encodedStateBytes })
        log(`render: ours, ${size} notes (seeded in ${seeded.seedMs} ms)`)
        const driver = ourDriver(
          () => `${ourServer.baseUrl}/b/${seeded.id}#token=${seeded.editToken}`,
          NOTE_SIZE.defaultW,
        )
        data.scenes.push(
          // At 500 notes the readable view shows about as much as at 2,000; measure it from 2,000 on.
          await measureScene(browser, driver, size, {
            readable: size >= 2_000,
            gestureMaxMs: plan.gestureMaxMs,
          }),
        )
      } catch (error) {
        data.failures.push({ app: 'ours', notes: size, error: message(error) })
        notes.push(`ours at ${size} notes failed: ${message(error)}`)
      }
      if (plan.richSizes.includes(size)) {
        try {
          const seeded = await seedBoard(ourServer, size, `Bench rich ${size} notes`, richBuilder)
          log(`render: ours, rich board of ${size} notes (seeded in ${seeded.seedMs} ms)`)
          const driver = ourDriver(
            () => `${ourServer.baseUrl}/b/${seeded.id}#token=${seeded.editToken}`,
            NOTE_SIZE.defaultW,
          )
          data.richScenes.push(
            await measureScene(browser, driver, size, { readable: true, gestureMaxMs: plan.gestureMaxMs }),
          )
        } catch (error) {
          data.failures.push({ app: 'ours-rich', notes: size, error: message(error) })
          notes.push(`ours on the rich board at ${size} notes failed: ${message(error)}`)
        }
      }
      for (const scene of plan.references.filter((s) => s.notes === size)) {
        const statics_ = statics.get(scene.app)
        if (!statics_) continue
        log(`render: ${anchorSpecs[scene.app].label}, ${size} notes`)
        try {
          const driver = anchorDriver(scene.app, statics_.url)
          data.scenes.push(
            await measureScene(browser, driver, size, {
              readable: scene.readable,
              gestureMaxMs: plan.gestureMaxMs,
            }),
          )
        } catch (error) {
          data.failures.push({ app: scene.app, notes: size, error: message(error) })
          notes.push(`${anchorSpecs[scene.app].label} at ${size} notes failed: ${message(error)}`)
        }
      }
    }
  } finally {
    await closeAllBrowsers()
    await server?.stop()
    for (const s of statics.values()) await s.close()
  }
  for (const scene of [...data.scenes, ...data.richScenes]) {
    if (scene.pageErrors.length > 0)
      notes.push(`${scene.label} at ${scene.notes} notes logged errors: ${scene.pageErrors.join(' | ')}`)
  }
  for (const scene of data.scenes.filter((s) => s.app !== 'ours')) {
    for (const view of [scene.fit, scene.readable]) {
      for (const stats of [view?.pan, view?.zoom]) {
        if (stats?.viewMoved === false)
          notes.push(
            `${scene.label} at ${scene.notes} notes: a gesture did not move the view; its fps is an idle page's.`,
          )
      }
    }
  }
  const invalid: string[] = []
  const rows = [...renderRows(plan, data, invalid), ...richRows(plan, data, invalid)]
  notes.push(
    ...invalid.map((line) => `INVALID: ${line} (its fps is an idle page's, so the row is marked not met).`),
  )
  return { data, rows, notes }
}

/** How many notes the view mounted as canvas nodes; none means the client drew them in one shape. */
const mountedText = (mounted: number | undefined): string =>
  mounted === undefined
    ? ''
    : mounted === 0
      ? ' (no per-note nodes)'
      : ` (${mounted.toLocaleString('en-US')} note nodes)`

type ViewKey = 'fit' | 'readable'
type GestureKey = 'pan' | 'zoom'

function renderRows(plan: RenderPlan, data: RenderData, invalid: string[]): ReportRow[] {
  const rows: ReportRow[] = []
  for (const size of plan.ourSizes) {
    const ours = data.scenes.find((s) => s.app === 'ours' && s.notes === size)
    const refs = data.scenes.filter((s) => s.app !== 'ours' && s.notes === size)
    const context = `${size.toLocaleString('en-US')} notes`
    const base = { section: 'render' as const, context }
    if (!ours) {
      const failure = data.failures.find((f) => f.app === 'ours' && f.notes === size)
      rows.push(
        row({
          ...base,
          figure: 'board load',
          unit: '',
          ours: `failed: ${failure?.error.slice(0, 80) ?? 'not run'}`,
        }),
      )
      continue
    }
    rows.push(
      row({
        ...base,
        figure: 'navigation → first full paint',
        unit: 'ms',
        ours: ours.timing.readyMs,
        references: refs.map((r) => ({ name: r.label, value: r.timing.readyMs })),
      }),
      row({
        ...base,
        figure: 'synced document → first full paint',
        unit: 'ms',
        ours: ours.timing.syncedToReadyMs,
        ...(size === 10_000 ? { target: '< 1,500 ms', judge: (o: number) => o < 1_500 } : {}),
      }),
      row({
        ...base,
        figure: 'JS heap after load',
        unit: 'MiB',
        ours: ours.heapMiB,
        references: refs.map((r) => ({ name: r.label, value: r.heapMiB })),
      }),
    )
    for (const view of ['fit', 'readable'] as ViewKey[]) {
      for (const gesture of ['pan', 'zoom'] as GestureKey[]) {
        const stats = ours[view]?.[gesture]
        if (!stats) continue
        const mounted = ours[view]?.mountedNotes
        const target =
          size === 10_000 ? 'p95 ≤ 17 ms (60 fps)' : size === 20_000 && view === 'fit' ? '≥ 55 fps' : ''
        if (stats.viewMoved === false)
          invalid.push(`ours at ${size} notes: ${gesture} in the ${view} view did not move the view`)
        const judge =
          stats.viewMoved === false
            ? () => false
            : size === 10_000
              ? () => stats.p95 <= 17
              : size === 20_000 && view === 'fit'
                ? (fps: number) => fps >= 55
                : undefined
        const refFigures = refs.flatMap((r) => {
          const refStats = r[view]?.[gesture]
          return refStats
            ? [
                {
                  name: r.label,
                  value: refStats.fps,
                  display: `${refStats.fps} fps, p50/p95 ${refStats.p50}/${refStats.p95} ms`,
                },
              ]
            : []
        })
        rows.push(
          row({
            ...base,
            figure: `${gesture}, ${view} view`,
            unit: 'fps',
            ours: stats.fps,
            oursDisplay: `${stats.fps} fps, p50/p95 ${stats.p50}/${stats.p95} ms${mountedText(mounted)}`,
            references: refFigures,
            higherIsBetter: true,
            target,
            ...(judge ? { judge } : {}),
          }),
        )
      }
    }
  }
  return rows
}

/** The JS heap the rich board may take: the plain board of the same size + 30 % (issue 15). */
const richHeapAllowance = 1.3

/**
 * The rich board's rows, each beside the plain board of the same size: first paint from a synced
 * document < 1.5 s, pan and zoom p95 ≤ 17 ms in both views, JS heap ≤ the plain board's + 30 %.
 */
function richRows(plan: RenderPlan, data: RenderData, invalid: string[]): ReportRow[] {
  const rows: ReportRow[] = []
  for (const size of plan.richSizes) {
    const rich = data.richScenes.find((s) => s.notes === size)
    const plain = data.scenes.find((s) => s.app === 'ours' && s.notes === size)
    const base = { section: 'render' as const, context: `${size.toLocaleString('en-US')} notes, rich board` }
    if (!rich) {
      const failure = data.failures.find((f) => f.app === 'ours-rich' && f.notes === size)
      rows.push(
        row({
          ...base,
          figure: 'board load',
          unit: '',
          ours: `failed: ${failure?.error.slice(0, 80) ?? 'not run'}`,
        }),
      )
      continue
    }
    const heapLimit = plain ? Math.round(plain.heapMiB * richHeapAllowance * 10) / 10 : undefined
    rows.push(
      row({
        ...base,
        figure: 'synced document → first full paint',
        unit: 'ms',
        ours: rich.timing.syncedToReadyMs,
        target: '< 1,500 ms',
        judge: (o: number) => o < 1_500,
      }),
      row({
        ...base,
        figure: 'JS heap after load',
        unit: 'MiB',
        ours: rich.heapMiB,
        ...(plain ? { references: [{ name: 'plain board', value: plain.heapMiB }] } : {}),
        ...(heapLimit !== undefined
          ? { target: `≤ ${heapLimit} MiB (plain + 30 %)`, judge: (o: number) => o <= heapLimit }
          : {}),
      }),
    )
    for (const view of ['fit', 'readable'] as ViewKey[]) {
      for (const gesture of ['pan', 'zoom'] as GestureKey[]) {
        const stats = rich[view]?.[gesture]
        if (!stats) continue
        if (stats.viewMoved === false)
          invalid.push(
            `ours on the rich board at ${size} notes: ${gesture} in the ${view} view did not move the view`,
          )
        const plainStats = plain?.[view]?.[gesture]
        rows.push(
          row({
            ...base,
            figure: `${gesture}, ${view} view`,
            unit: 'fps',
            ours: stats.fps,
            oursDisplay: `${stats.fps} fps, p50/p95 ${stats.p50}/${stats.p95} ms${mountedText(rich[view]?.mountedNotes)}`,
            references: plainStats
              ? [
                  {
                    name: 'plain board',
                    value: plainStats.fps,
                    display: `${plainStats.fps} fps, p50/p95 ${plainStats.p50}/${plainStats.p95} ms`,
                  },
                ]
              : [],
            higherIsBetter: true,
            target: 'p95 ≤ 17 ms (60 fps)',
            judge: () => stats.viewMoved !== false && stats.p95 <= 17,
          }),
        )
      }
    }
  }
  return rows
}
