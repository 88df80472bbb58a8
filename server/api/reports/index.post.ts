import { createReportSchema } from '#shared/schemas/report'
import { findTemplate } from '../../templates'
import { createReport } from '../../reports/createReport'
import { badRequest } from '../../utils/errors'
import { requireUser } from '../../utils/session'
import { validBody } from '../../utils/validate'

/** Create a report from a template; the creator becomes its secretariat. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const input = await validBody(event, createReportSchema)
  // The sections are seeded in the report's language (English when none is given).
  const template = findTemplate(input.templateId, input.language)
  if (!template) throw badRequest('noSuchTemplate', 'templateId')
  const id = await createReport(user, template, input)
  setResponseStatus(event, 201)
  return { id }
})
