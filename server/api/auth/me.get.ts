import { currentUser } from '../../utils/session'

/** Who am I: the signed-in account, or null. */
export default defineEventHandler(async event => ({ user: await currentUser(event) }))
