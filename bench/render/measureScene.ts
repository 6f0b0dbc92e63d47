import type { Browser } from 'playwright-core'
import type { AppDriver, AppName } from './appDrivers'
import { newBenchPage } from './browser'
import { type FrameStats, measureHeapMiB, measurePan, measureZoom } from './framesProbe'
import type { LoadTiming } from './pageLoad'

/**
 * One app with one board size, in a fresh browser context: load, heap after load, then pan and zoom
 * in the fit view, switch to the readable view, pan and zoom again. Page errors are collected, since a
 * page that throws may be fast for the wrong reason.
 */
export interface ViewFrames {
  pan: FrameStats
  zoom: FrameStats | null
  /** Notes mounted on the canvas in this view before the gestures (ours only). */
  mountedNotes?: number
}

export interface SceneResult {
  app: AppName
  label: string
  notes: number
  timing: LoadTiming
  heapMiB: number
  fit: ViewFrames
  readable: ViewFrames | null
  /** Why the readable view was not measured, when it was asked for. */
  readableError?: string
  pageErrors: string[]
}

export interface SceneOptions {
  /** Skip the readable view (the reference pages at sizes where it adds nothing to compare with). */
  readable: boolean
  /** Upper bound of one gesture (pan or zoom), ms. */
  gestureMaxMs: number
}

export async function measureScene(
  browser: Browser,
  driver: AppDriver,
  notes: number,
  options: SceneOptions,
): Promise<SceneResult> {
  const page = await newBenchPage(browser)
  const pageErrors: string[] = []
  const keep = (text: string) => {
    // A handful of distinct messages says enough; blocked CDN fonts would repeat hundreds of times.
    if (pageErrors.length < 5 && !pageErrors.includes(text)) pageErrors.push(text)
  }
  page.on('pageerror', (error) => keep(error.message.slice(0, 200)))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('ERR_BLOCKED_BY_CLIENT'))
      keep(message.text().slice(0, 200))
  })
  try {
    const timing = await driver.open(page, notes)
    const heapMiB = await measureHeapMiB(page)
    const mounted = async () => (driver.mountedNotes ? { mountedNotes: await driver.mountedNotes(page) } : {})
    const fit: ViewFrames = {
      ...(await mounted()),
      pan: await measurePan(page, driver.panMode, options.gestureMaxMs),
      zoom: driver.zooms ? await measureZoom(page, options.gestureMaxMs) : null,
    }
    let readable: ViewFrames | null = null
    let readableError: string | undefined
    if (options.readable) {
      try {
        await driver.toReadable(page, notes)
        readable = {
          ...(await mounted()),
          pan: await measurePan(page, driver.panMode, options.gestureMaxMs),
          zoom: driver.zooms ? await measureZoom(page, options.gestureMaxMs) : null,
        }
      } catch (error) {
        // The fit-view figures stand on their own; say why the readable ones are missing.
        readableError = error instanceof Error ? error.message.split('\n')[0] : String(error)
      }
    }
    return {
      app: driver.name,
      label: driver.label,
      notes,
      timing,
      heapMiB,
      fit,
      readable,
      ...(readableError ? { readableError } : {}),
      pageErrors,
    }
  } finally {
    await page.context().close()
  }
}
