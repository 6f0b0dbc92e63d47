import { type Browser, chromium, type Page } from 'playwright-core'

/**
 * Headless Chromium exactly as the render anchors were measured (README of /work/shared/render-anchors):
 * Debian's /usr/bin/chromium, no GPU, nothing that phones home, 1600×900.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const viewport = { width: 1600, height: 900 } as const

const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

const open = new Set<Browser>()

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args })
  open.add(browser)
  browser.once('disconnected', () => open.delete(browser))
  return browser
}

/** Closes every browser still open (sections call it in `finally`). */
export async function closeAllBrowsers(): Promise<void> {
  await Promise.all([...open].map((browser) => browser.close().catch(() => undefined)))
}

/**
 * tsx compiles our functions with esbuild's keepNames, which wraps inner functions in `__name(…)`;
 * functions sent to the page with evaluate() would then fail there. The page gets a no-op `__name`.
 */
const keepNamesShim = 'globalThis.__name = globalThis.__name || ((target) => target)'

/** A fresh context and page at the benchmark's viewport. Closing the context closes the page. */
export async function newBenchPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport })
  await context.addInitScript(keepNamesShim)
  // Traffic stays on loopback: the anchors' fonts and icons from CDNs are refused before any lookup.
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort('blockedbyclient'),
  )
  return context.newPage()
}
