import type { Page } from 'playwright-core'

/**
 * Load timing measured inside the page, on its own clock (performance.now() counts from navigation
 * start), so the figure is "navigation → first full paint" without Playwright's round trips in it.
 * An init script, run before any of the page's code, polls the page's ready flag every animation frame
 * and notes when the last large WebSocket message arrived before it (the end of the board's content,
 * sent as one sync step 2 or in chunks), which gives "synced document → first paint" too.
 */
export interface LoadTiming {
  /** Navigation start → the page's ready flag, ms. */
  readyMs: number
  /** Arrival of the last large WebSocket message (the end of the synced document) → ready flag, ms. */
  syncedToReadyMs: number | null
  /** Bytes of all large messages before ready (the document, whole or in chunks). */
  syncMessageBytes: number | null
}

interface TimingWindow {
  __benchReadyAt?: number
  __benchSyncAt?: number
  __benchSyncBytes?: number
}

/** Runs in the page before its scripts; must be self-contained. */
function installTimingProbe(readyExpression: string): void {
  // Awareness and small sync replies are under this; a board's content is far over it.
  const syncMessageMinBytes = 4096
  const w = window as unknown as TimingWindow & { WebSocket: typeof WebSocket }
  const Native = w.WebSocket
  w.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      this.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as ArrayBuffer | Blob | string
        const bytes =
          data instanceof ArrayBuffer ? data.byteLength : data instanceof Blob ? data.size : data.length
        // The document may arrive in several chunks: the last large message before ready completes it.
        if (w.__benchReadyAt === undefined && bytes >= syncMessageMinBytes) {
          w.__benchSyncBytes = (w.__benchSyncBytes ?? 0) + bytes
          w.__benchSyncAt = performance.now()
        }
      })
    }
  }
  // The expression comes from the benchmark itself, never from the page.
  const isReady = new Function(`return (${readyExpression})`) as () => boolean
  const tick = () => {
    try {
      if (isReady()) {
        w.__benchReadyAt = performance.now()
        return
      }
    } catch {
      // Not ready: the objects the expression reads do not exist yet.
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

export async function openAndWaitReady(
  page: Page,
  url: string,
  readyExpression: string,
  timeoutMs: number,
): Promise<LoadTiming> {
  await page.addInitScript(installTimingProbe, readyExpression)
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as TimingWindow).__benchReadyAt !== undefined, null, {
    timeout: timeoutMs,
    polling: 100,
  })
  const timing = await page.evaluate(() => {
    const w = window as unknown as TimingWindow
    return { readyAt: w.__benchReadyAt ?? Number.NaN, syncAt: w.__benchSyncAt, syncBytes: w.__benchSyncBytes }
  })
  return {
    readyMs: Math.round(timing.readyAt),
    syncedToReadyMs: timing.syncAt === undefined ? null : Math.round(timing.readyAt - timing.syncAt),
    syncMessageBytes: timing.syncBytes ?? null,
  }
}
