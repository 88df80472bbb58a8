import { endSession } from '../../utils/session'

/** Sign out (revokes the session on the server too). */
export default defineEventHandler(async (event) => {
  await endSession(event)
  return { ok: true }
})
