/**
 * The collaboration websocket, /api/collab/<reportId>: the y-websocket protocol with the session
 * checked on upgrade and every message guarded (server/collab/, docs/collaboration.md).
 */
import { collabHooks } from '../../collab/connection'

export default defineWebSocketHandler(collabHooks)
