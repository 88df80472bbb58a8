/**
 * Any /api path that no route claims, for any method: a JSON 404. Without it the app's HTML
 * page answered 200, which a script takes for success. More specific routes (and the
 * /api/collab/<id> websocket) always win over this catch-all.
 */
import { apiError } from '../utils/errors'

export default defineEventHandler((event) => {
  // The method is named too: GET on a POST-only route lands here as well.
  throw apiError('routeNotFound', { route: `${event.method} ${event.path.split('?')[0]!.slice(0, 200)}` })
})
