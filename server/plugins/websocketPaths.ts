/**
 * Websocket upgrades are for the collaboration hub only. Without this, the websocket layer
 * (crossws) accepts an upgrade on any path that has no websocket handler, e.g. /api/health,
 * and leaves the socket open with nobody reading it. Every other path now answers 404.
 */
import { parseCollabPath } from '#shared/collabContract'
import { logDenial } from '../utils/logDenial'

export default defineNitroPlugin((nitroApp) => {
  const websocket = nitroApp.h3App.websocket
  websocket.hooks = {
    ...websocket.hooks,
    upgrade(request) {
      const path = new URL(request.url).pathname
      if (parseCollabPath(path)) return
      logDenial({ reason: 'websocket upgrade on a path without a websocket', route: path.slice(0, 200) })
      return new Response('Not found', { status: 404 })
    },
  }
})
