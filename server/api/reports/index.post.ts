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
  const template = findTemplate(input.templateId)
  if (!template) throw badRequest('templateId: no such template', 'templateId')
  const id = await createReport(user, template, input)
  setResponseStatus(event, 201)
  return { id }
})
