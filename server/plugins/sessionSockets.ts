/** Listen from the start for sessions ended on other instances, so their sockets here close too (scaled mode). */
import { startSessionSockets } from '../collab/sessionSockets'

export default defineNitroPlugin(() => {
  void startSessionSockets()
})
