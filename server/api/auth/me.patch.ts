import { updatePreferencesSchema } from '#shared/schemas/preferences'
import { useStore } from '../../store'
import { setUserLocale } from '../../repos/users'
import { requireUser } from '../../utils/session'
import { validBody } from '../../utils/validate'

/** Change one's own preferences (the interface language); answers with the updated account. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { locale } = await validBody(event, updatePreferencesSchema)
  const { db } = await useStore()
  await setUserLocale(db, user.id, locale)
  return { user: { ...user, locale } }
})
