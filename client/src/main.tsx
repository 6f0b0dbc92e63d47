import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ErrorBoundary } from './panels/ErrorBoundary'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <ErrorBoundary area="Journeyboard">
    <App />
  </ErrorBoundary>,
)

// The offline app shell (client/src/serviceWorker/sw.ts), so a board reloads without a network. Built app only:
// in the dev server it would cache modules that change on every edit.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => whenSettled(() => registration.active?.postMessage({ type: 'precache' })))
      .catch(() => {
        // No service worker (private mode, http on a LAN address): the app works, just not offline.
      })
  })
}

/** Once the page has been open a while and the main thread is idle: the worker then caches the rest. */
function whenSettled(run: () => void): void {
  setTimeout(() => {
    if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 10_000 })
    else run()
  }, 10_000)
}
