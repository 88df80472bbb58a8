/**
 * Opens a report's websocket when a navigation to its page begins — for a page load, as the app
 * starts — so the document is on its way while the app's code, the session and the page load
 * (composables/reportConnection.ts; the page adopts it in useReportDoc). The connection's code is
 * imported only then, so every other page's start stays as light as it was.
 */
export default defineNuxtPlugin({
  name: 'chorus:report-connection',
  // Before Nuxt's router plugin, which waits for the page's code (the editor: the largest chunks)
  // before any later plugin runs; the socket needs none of it.
  order: -25,
  setup(nuxtApp) {
    let started = false
    const follow = (path: string) => {
      const id = reportPageId(path)
      if (id) {
        started = true
        import('~/composables/reportConnection').then(m => m.openEarly(id)).catch(() => {})
      } else if (started) {
        // Left (or never reached) the report page: close a connection it did not adopt.
        import('~/composables/reportConnection').then(m => m.dropEarly()).catch(() => {})
      }
    }
    follow(location.pathname)
    // Later navigations, once the router exists. Only on entering a page: a query change on the
    // report page (?section=) keeps its connection.
    nuxtApp.hooks.hookOnce('app:created', () => {
      useRouter().beforeEach((to, from) => {
        if (to.path !== from.path) follow(to.path)
      })
    })
  },
})

/** The report id of a report page's path (`/reports/<id>`), or null for any other page. */
function reportPageId(path: string): string | null {
  const match = /^\/reports\/([^/]+)\/?$/.exec(path)
  if (!match || match[1] === 'new') return null
  try {
    return decodeURIComponent(match[1]!)
  } catch {
    return null
  }
}
