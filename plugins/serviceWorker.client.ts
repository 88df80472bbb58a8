/**
 * Registers the service worker (public/sw.js) that lets an open report load again offline, and
 * hands it the assets this page loaded before the worker took control.
 */
export default defineNuxtPlugin(() => {
  if (import.meta.dev || !('serviceWorker' in navigator)) return
  navigator.serviceWorker.register('/sw.js').then(async () => {
    const ready = await navigator.serviceWorker.ready
    const urls = [location.href, ...performance.getEntriesByType('resource').map(e => e.name)]
    ready.active?.postMessage({ type: 'precache', urls, page: location.href })
  }).catch((error: Error) => console.warn('[chorus] offline support unavailable:', error.message))
})
