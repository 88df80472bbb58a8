import { useStore } from '../store'
import { countUsers } from '../repos/users'

/** Whether the workspace still needs its first (administrator) account. */
export default defineEventHandler(async () => {
  const { db } = await useStore()
  return { needed: (await countUsers(db)) === 0 }
})
