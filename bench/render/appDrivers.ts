import type { Page } from 'playwright-core'
import { sleep, waitFor } from '../infra/waitFor'
import { type AnchorName, anchorSpecs } from './anchors'
import { viewport } from './browser'
import type { PanMode } from './framesProbe'
import { type LoadTiming, openAndWaitReady } from './pageLoad'

/**
 * How each app is opened, switched to the readable view, panned and zoomed. Views: "fit" (the whole
 * board on screen, where each app lands after load) and "readable" (notes ~70 px wide on screen: our
 * 160-unit notes at scale 0.4375, the anchors' 200-unit notes at 0.35, the README's `?zoom=0.35`).
 */
export type AppName = 'ours' | AnchorName

export interface AppDriver {
  name: AppName
  label: string
  panMode: PanMode
  /** Whether ctrl+wheel zooms (the react-konva floor page has no zoom handler). */
  zooms: boolean
  open(page: Page, noteCount: number): Promise<LoadTiming>
  toReadable(page: Page, noteCount: number): Promise<void>
  /** Notes mounted as canvas nodes now (ours only): says what a frame has to draw. */
  mountedNotes?(page: Page): Promise<number>
}

export const readableNotePx = 70
const readyTimeoutMs = 120_000
const settleMs = 500
const anchorNoteSize = 200
/** The anchors lay notes out 60 per row, 220 apart. */
const anchorCenter = (n: number) => ({ x: (Math.min(n, 60) * 220) / 2, y: (Math.ceil(n / 60) * 220) / 2 })
const anchorReadableScale = readableNotePx / anchorNoteSize

interface KonvaWindow {
  Konva?: { stages: { scaleX(): number; find(selector: string): unknown[] }[] }
}

const mountedNoteNodes = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as KonvaWindow).Konva?.stages[0]?.find('.note').length ?? 0)

const stageScale = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as KonvaWindow).Konva?.stages[0]?.scaleX() ?? Number.NaN)

/**
 * Ours: zoom to the readable scale the way a person would, with ctrl+wheel at the center, reading the
 * Konva stage's scale back (it is the viewport scale) and correcting for whatever zoom law the client uses.
 */
async function zoomOursTo(page: Page, targetScale: number): Promise<void> {
  await page.mouse.move(viewport.width / 2, viewport.height / 2)
  await page.keyboard.down('Control')
  try {
    for (let attempt = 0; attempt < 30; attempt++) {
      const scale = await stageScale(page)
      if (!Number.isFinite(scale)) throw new Error('ours: no Konva stage to read the zoom from')
      if (Math.abs(scale / targetScale - 1) < 0.03) return
      // Small steps: 100 px of wheel is one notch of a mouse wheel.
      const notch = Math.max(-100, Math.min(100, -Math.log(targetScale / scale) * 400))
      await page.mouse.wheel(0, notch)
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      )
    }
    throw new Error(
      `ours: could not reach zoom ${targetScale} with ctrl+wheel (now ${await stageScale(page)})`,
    )
  } finally {
    await page.keyboard.up('Control')
  }
}

export function ourDriver(boardUrl: (noteCount: number) => string, noteWidth: number): AppDriver {
  return {
    name: 'ours',
    label: 'Journeyboard',
    panMode: 'middle',
    zooms: true,
    async open(page, noteCount) {
      // A returning person: the "what should we call you?" dialog would otherwise cover the board.
      await page.addInitScript(() => localStorage.setItem('journeyboard.person.name', 'Bench viewer'))
      const timing = await openAndWaitReady(
        page,
        boardUrl(noteCount),
        "document.body?.dataset.boardReady === 'true' || window.__journeyboard?.ready === true",
        readyTimeoutMs,
      )
      // Any modal left open (a welcome dialog) would swallow the gestures.
      if (await page.locator('dialog[open]').count()) await page.keyboard.press('Escape')
      await sleep(settleMs)
      return timing
    },
    async toReadable(page) {
      // Back to the whole board first (the fit-view gestures moved it), so the zoom lands on its center.
      const fit = page.getByRole('button', { name: 'Zoom to fit' })
      if (await fit.isVisible()) await fit.click()
      else await page.keyboard.press('Shift+Digit1')
      await sleep(settleMs)
      await zoomOursTo(page, readableNotePx / noteWidth)
      // React re-renders the culled notes after the zoom; measure only once they are on the canvas.
      await waitFor(async () => (await mountedNoteNodes(page)) > 0, readyTimeoutMs, 50)
      await sleep(settleMs)
    },
    mountedNotes: mountedNoteNodes,
  }
}

interface TldrawWindow {
  editor: {
    setCamera(camera: { x: number; y: number; z: number }, options?: { immediate?: boolean }): void
  }
}
interface ExcalidrawWindow {
  api: {
    updateScene(scene: { appState: { zoom: { value: number }; scrollX: number; scrollY: number } }): void
  }
}

export function anchorDriver(name: AnchorName, baseUrl: string): AppDriver {
  const spec = anchorSpecs[name]
  const open = async (page: Page, url: string) => {
    const timing = await openAndWaitReady(page, url, spec.readyExpression, readyTimeoutMs)
    await sleep(settleMs)
    return timing
  }
  // Screen = (page + camera) × zoom in both tldraw and Excalidraw: center the board at the readable zoom.
  const cameraFor = (n: number) => {
    const c = anchorCenter(n)
    const z = anchorReadableScale
    return { x: viewport.width / 2 / z - c.x, y: viewport.height / 2 / z - c.y, z }
  }
  return {
    name,
    label: spec.label,
    panMode: name === 'konva-floor' ? 'hand' : 'middle',
    zooms: name !== 'konva-floor',
    open: (page, n) => open(page, `${baseUrl}/?n=${n}${name === 'konva-floor' ? '&mode=naive' : ''}`),
    async toReadable(page, n) {
      if (name === 'konva-floor') {
        await open(page, `${baseUrl}/?n=${n}&mode=naive&zoom=${anchorReadableScale}`)
        return
      }
      const camera = cameraFor(n)
      if (name === 'tldraw') {
        await page.evaluate(
          (cam) => (window as unknown as TldrawWindow).editor.setCamera(cam, { immediate: true }),
          camera,
        )
      } else {
        await page.evaluate(
          (cam) =>
            (window as unknown as ExcalidrawWindow).api.updateScene({
              appState: { zoom: { value: cam.z }, scrollX: cam.x, scrollY: cam.y },
            }),
          camera,
        )
      }
      await sleep(settleMs)
    },
  }
}
