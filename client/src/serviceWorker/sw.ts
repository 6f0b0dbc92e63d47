/*
 * The app shell for offline use: with it, a board page reloads without a network and shows the copy
 * kept in IndexedDB, and Export PDF still works. Pages are network-first (a deploy is picked up at once)
 * and fall back to the cached shell; hashed /assets/ files never change, so they are cache-first. The API
 * and the WebSocket are never touched: their data lives in IndexedDB, not here.
 *
 * Built by client/build/serviceWorkerPlugin.ts into dist/client/sw.js, with PRECACHE_ASSETS set to every
 * file of the build's /assets/ (the lazy PDF chunk and its fonts included). A deploy changes that list, so
 * browsers install the new worker, fetch only the files they lack and drop the old build's.
 *
 * Installing caches only the shell and what it loads at once. The rest (~3 MB, mostly the PDF renderer's
 * fonts) is fetched when the page says it has been idle for a while (a 'precache' message, main.tsx):
 * when a whole workshop opens a board at once, their network goes to the board, not to fonts.
 */
declare const PRECACHE_ASSETS: readonly string[]

// WebWorker's lib types `self` as a plain worker; this script only ever runs as a service worker.
const sw = self as unknown as ServiceWorkerGlobalScope
const CACHE = 'journeyboard-shell-v2'
const SHELL = '/'

/** The listed assets this cache lacks (a new build's worker finds most of them there already). */
async function cacheMissing(cache: Cache, assets: readonly string[]): Promise<void> {
  const cached = new Set((await cache.keys()).map((request) => new URL(request.url).pathname))
  await cache.addAll(assets.filter((asset) => !cached.has(asset)))
}

async function cacheShell(): Promise<void> {
  const cache = await caches.open(CACHE)
  const response = await fetch(SHELL, { cache: 'no-cache' })
  if (!response.ok) return
  const html = await response.clone().text()
  await cache.put(SHELL, response)
  const loadedAtOnce = new Set(html.match(/\/assets\/[^"'\s)]+/g) ?? [])
  await cacheMissing(
    cache,
    PRECACHE_ASSETS.filter((asset) => loadedAtOnce.has(asset)),
  )
}

async function cacheEverything(): Promise<void> {
  await cacheMissing(await caches.open(CACHE), PRECACHE_ASSETS)
}

/** Other caches (an older layout) and assets of earlier builds go; the shell and this build's stay. */
async function dropStale(): Promise<void> {
  const keys = await caches.keys()
  await Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))
  const cache = await caches.open(CACHE)
  const current = new Set(PRECACHE_ASSETS)
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname
    if (path.startsWith('/assets/') && !current.has(path)) await cache.delete(request)
  }
}

sw.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => sw.skipWaiting()))
})

sw.addEventListener('activate', (event) => {
  event.waitUntil(dropStale().then(() => sw.clients.claim()))
})

sw.addEventListener('message', (event) => {
  const data: unknown = event.data
  if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'precache') {
    event.waitUntil(cacheEverything())
  }
})

async function networkFirstPage(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE)
  try {
    const response = await fetch(request)
    if (response.ok) await cache.put(SHELL, response.clone())
    return response
  } catch (error) {
    const shell = await cache.match(SHELL)
    if (shell) return shell
    throw error
  }
}

async function cacheFirstAsset(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE)
  const cached = await cache.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}

sw.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== sw.location.origin) return
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirstPage(request))
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirstAsset(request))
  }
})
