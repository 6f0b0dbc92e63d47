/**
 * The app shell for offline use: with it, a board page reloads without a network and shows the copy
 * kept in IndexedDB. Pages are network-first (a deploy is picked up at once) and fall back to the
 * cached shell; hashed /assets/ files never change, so they are cache-first. The API and the WebSocket
 * are never touched: their data lives in IndexedDB, not here.
 */
const CACHE = 'journeyboard-shell-v1'
const SHELL = '/'

/** The shell and every hashed asset it references, so the first visit already works offline. */
async function cacheShell() {
  const cache = await caches.open(CACHE)
  const response = await fetch(SHELL, { cache: 'no-cache' })
  if (!response.ok) return
  const html = await response.clone().text()
  await cache.put(SHELL, response)
  const assets = [...new Set(html.match(/\/assets\/[^"'\s)]+/g) ?? [])]
  await cache.addAll(assets)
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  )
})

async function networkFirstPage(request) {
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

async function cacheFirstAsset(request) {
  const cache = await caches.open(CACHE)
  const cached = await cache.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirstPage(request))
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirstAsset(request))
  }
})
