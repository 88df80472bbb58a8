/*
 * Chorus's service worker: it lets a report page that was open once load again with the network
 * gone, so an author's offline edits (kept in IndexedDB by y-indexeddb) survive a reload.
 * - Built assets (/_nuxt/…) and interface messages (/_i18n/<hash>/<locale>/messages.json), both
 *   content-hashed, are served from the cache first.
 * - Pages and the few API reads a report page needs are fetched from the network first; the last
 *   good answer is kept and served only when the network fails.
 * Nothing else is cached; nothing is ever sent anywhere but this origin. Sign-out clears the data cache.
 */
const SHELL = 'chorus-shell-v1'
const DATA = 'chorus-data-v1'
const DATA_PATHS = [/^\/api\/auth\/me$/, /^\/api\/setup$/, /^\/api\/reports\/[\w-]+$/]
/** Files whose URL changes with their content: a cached copy is never stale. */
const isHashedAsset = pathname => pathname.startsWith('/_nuxt/') || /^\/_i18n\/[\w-]+\/[\w-]+\/messages\.json$/.test(pathname)

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()))

self.addEventListener('message', (event) => {
  const msg = event.data || {}
  if (msg.type === 'clear') event.waitUntil(caches.delete(DATA))
  // The page tells what it loaded before this worker controlled it: keep the same copies now.
  if (msg.type === 'precache' && Array.isArray(msg.urls)) {
    event.waitUntil(Promise.all(msg.urls.map(async (u) => {
      if (typeof u !== 'string') return
      const url = new URL(u, location.origin)
      if (url.origin !== location.origin) return
      try {
        if (isHashedAsset(url.pathname)) {
          // Content-hashed: a copy already kept is never stale, so it is not fetched again.
          const shell = await caches.open(SHELL)
          if (!(await shell.match(url.href))) await shell.add(url.href)
        }
        else if (DATA_PATHS.some(p => p.test(url.pathname))) await (await caches.open(DATA)).add(url.href)
        else if (u === msg.page) {
          const response = await fetch(url.href, { credentials: 'same-origin' })
          if (response.ok) {
            const shell = await caches.open(SHELL)
            await shell.put(url.href, response.clone())
            await shell.put('/__app-shell', response)
          }
        }
      } catch { /* offline already: nothing to keep */ }
    })))
  }
})

async function networkFirst(request, cacheName, fallbackKey) {
  const cache = await caches.open(cacheName)
  try {
    const response = await fetch(request)
    if (response.ok) {
      cache.put(request, response.clone())
      if (fallbackKey) cache.put(fallbackKey, response.clone())
    }
    return response
  } catch (error) {
    const cached = (await cache.match(request)) || (fallbackKey && (await cache.match(fallbackKey)))
    if (cached) return cached
    throw error
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL)
  const cached = await cache.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) cache.put(request, response.clone())
  return response
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== location.origin) return
  if (isHashedAsset(url.pathname)) event.respondWith(cacheFirst(request))
  // Every page is the same app shell; the last one fetched serves any page offline.
  else if (request.mode === 'navigate') event.respondWith(networkFirst(request, SHELL, '/__app-shell'))
  else if (DATA_PATHS.some(p => p.test(url.pathname))) event.respondWith(networkFirst(request, DATA))
})
