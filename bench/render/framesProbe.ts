import type { Page } from 'playwright-core'
import { viewport } from './browser'

/**
 * Frame timing while the view moves, with the method of /work/shared/render-anchors/panbench.mjs so
 * that our figures and the README's are comparable: requestAnimationFrame intervals are sampled while
 * 120 input events are sent and acknowledged one by one; fps = frames / wall time of the gesture;
 * the first two intervals (before the gesture starts) are dropped. One change: a gesture also stops
 * after `maxMs`, so a page at 5 fps cannot stall the run; `events` says how many were sent.
 */
export interface FrameStats {
  /** Whether the view (camera) changed during the gesture; null if the page exposes no camera to read. */
  viewMoved: boolean | null
  events: number
  frames: number
  gestureMs: number
  fps: number
  p50: number
  p95: number
  max: number
}

/** How a page pans: middle-button drag (ours, tldraw, Excalidraw) or left drag on a draggable stage. */
export type PanMode = 'middle' | 'hand'

interface ProbeWindow {
  __benchFrames: number[]
  __benchSampling: boolean
  /** Camera [x, y, scale] seen at the first frame and whether any later frame differed. */
  __benchView: { first: number[] | null; moved: boolean }
  Konva?: { stages: { x(): number; y(): number; scaleX(): number }[] }
  editor?: { getCamera(): { x: number; y: number; z: number } }
  api?: { getAppState(): { scrollX: number; scrollY: number; zoom: { value: number } } }
}

const gestureEvents = 120

async function startSampling(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow
    w.__benchFrames = []
    w.__benchSampling = true
    w.__benchView = { first: null, moved: false }
    // A gesture the page ignored would measure an idle page at 60 fps: read the camera every frame.
    const camera = (): number[] | null => {
      const stage = w.Konva?.stages[0]
      if (stage) return [stage.x(), stage.y(), stage.scaleX()]
      const tl = w.editor?.getCamera()
      if (tl) return [tl.x, tl.y, tl.z]
      const ex = w.api?.getAppState()
      return ex ? [ex.scrollX, ex.scrollY, ex.zoom.value] : null
    }
    let last = performance.now()
    const tick = (t: number) => {
      w.__benchFrames.push(t - last)
      last = t
      const now = camera()
      if (now && !w.__benchView.first) w.__benchView.first = now
      else if (now && w.__benchView.first?.some((v, i) => Math.abs(v - (now[i] ?? v)) > 1e-6))
        w.__benchView.moved = true
      if (w.__benchSampling) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

async function stopSampling(page: Page, gestureMs: number, events: number): Promise<FrameStats> {
  const { frames, viewMoved } = await page.evaluate(() => {
    const w = window as unknown as ProbeWindow
    w.__benchSampling = false
    return { frames: w.__benchFrames.slice(2), viewMoved: w.__benchView.first ? w.__benchView.moved : null }
  })
  frames.sort((a, b) => a - b)
  const at = (p: number) =>
    Number((frames[Math.min(frames.length - 1, Math.floor(frames.length * p))] ?? Number.NaN).toFixed(1))
  return {
    viewMoved,
    events,
    frames: frames.length,
    gestureMs: Math.round(gestureMs),
    fps: Number(((1000 * frames.length) / gestureMs).toFixed(1)),
    p50: at(0.5),
    p95: at(0.95),
    max: at(0.999),
  }
}

const center = { x: viewport.width / 2, y: viewport.height / 2 }

/** panbench.mjs's drag: 120 moves along an ellipse around the center. */
export async function measurePan(page: Page, mode: PanMode, maxMs: number): Promise<FrameStats> {
  await page.mouse.move(center.x, center.y)
  await startSampling(page)
  const button = mode === 'middle' ? 'middle' : 'left'
  await page.mouse.down({ button })
  const started = performance.now()
  let events = 0
  while (events < gestureEvents && performance.now() - started < maxMs) {
    await page.mouse.move(center.x + Math.sin(events / 10) * 300, center.y + Math.cos(events / 10) * 200)
    events++
  }
  const gestureMs = performance.now() - started
  await page.mouse.up({ button })
  return stopSampling(page, gestureMs, events)
}

/**
 * Zooming with ctrl+wheel at the center (what a trackpad pinch sends): 120 wheel events, in groups of
 * ten in and ten out, so the view swings between its start and ~2.5× closer and ends where it began.
 * Events are sent back to back, each acknowledged by the page before the next, like panbench's moves.
 */
export async function measureZoom(page: Page, maxMs: number, deltaPerEvent = 40): Promise<FrameStats> {
  await page.mouse.move(center.x, center.y)
  await startSampling(page)
  await page.keyboard.down('Control')
  const started = performance.now()
  let events = 0
  while (events < gestureEvents && performance.now() - started < maxMs) {
    const zoomingIn = Math.floor(events / 10) % 2 === 0
    await page.mouse.wheel(0, zoomingIn ? -deltaPerEvent : deltaPerEvent)
    events++
  }
  const gestureMs = performance.now() - started
  await page.keyboard.up('Control')
  return stopSampling(page, gestureMs, events)
}

/** JS heap in use after a full GC, from the DevTools protocol (the figure the Memory panel shows). */
export async function measureHeapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN
    return Number((used / 2 ** 20).toFixed(1))
  } finally {
    await cdp.detach().catch(() => undefined)
  }
}
