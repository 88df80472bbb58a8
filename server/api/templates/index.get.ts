import { templatesQuerySchema } from '#shared/schemas/template'
import { listTemplates } from '../../templates'
import { requireUser } from '../../utils/session'
import { validQuery } from '../../utils/validate'

/**
 * The report templates: `[{ id, title, description, wordLimit, sections, language, languages }]`,
 * their texts in `?lang=` (a report language; English when not given).
 */
export default defineEventHandler(async (event) => {
  await requireUser(event)
  const { lang } = validQuery(event, templatesQuerySchema)
  return listTemplates(lang)
})
