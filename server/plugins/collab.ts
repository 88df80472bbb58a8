/** Start the collaboration hub with the server, so membership changes reach open sockets on every instance from the first request. */
import { startCollabHub } from '../collab'

export default defineNitroPlugin(() => {
  startCollabHub()
})
