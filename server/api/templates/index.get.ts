import { listTemplates } from '../../templates'
import { requireUser } from '../../utils/session'

/** The report templates: `[{ id, title, description, wordLimit, sections }]`. */
export default defineEventHandler(async (event) => {
  await requireUser(event)
  return listTemplates()
})
