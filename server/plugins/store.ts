/** Open and migrate the store at start-up, so the first request does not pay for it and a bad DATABASE_URL fails loudly. */
import { useStore } from '../store'

export default defineNitroPlugin(async () => {
  const { db } = await useStore()
  console.info('[store] ready', { engine: db.dialect })
})
