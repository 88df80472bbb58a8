/**
 * Registers the service worker (public/sw.js) that lets an open report load again offline, and
 * hands it the assets and reads this page made before the worker took control.
 */
export default defineNuxtPlugin(() => {
  if (import.meta.dev || !('serviceWorker' in navigator)) return
  // Two seconds after the page has loaded: the worker's copies re-fetch every asset the page
  // loaded, and on the server they competed with opening the report itself (docs/performance.md).
  const start = () => setTimeout(register, REGISTER_DELAY_MS)
  if (document.readyState === 'complete') start()
  else window.addEventListener('load', start, { once: true })
})

const REGISTER_DELAY_MS = 2000

function register() {
  navigator.serviceWorker.register('/sw.js').then(async () => {
    const ready = await navigator.serviceWorker.ready
    const precache = () => {
      const urls = [location.href, ...performance.getEntriesByType('resource').map(e => e.name)]
      ready.active?.postMessage({ type: 'precache', urls, page: location.href })
    }
    precache()
    // What loads between that list and the moment the worker takes control goes past the worker:
    // list it again then (afterwards the worker keeps copies itself).
    if (!navigator.serviceWorker.controller) navigator.serviceWorker.addEventListener('controllerchange', precache, { once: true })
  }).catch((error: Error) => console.warn('[chorus] offline support unavailable:', error.message))
}
