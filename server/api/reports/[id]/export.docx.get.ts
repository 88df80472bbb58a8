import { setResponseHeader } from 'h3'
import { z } from 'zod'
import { readMeta } from '#shared/reportDoc'
import { useStore } from '../../../store'
import { audit } from '../../../repos/audit'
import { readReportDoc } from '../../../reports/reportDocument'
import { reportExportInputAsync } from '../../../docx/fromYDoc'
import { exportDocx } from '../../../docx/export/exportDocx'
import { requireReportAccess } from '../../../utils/reportAccess'
import { idParam, validQuery } from '../../../utils/validate'

const flag = z.enum(['0', '1']).transform(v => v === '1')
const querySchema = z.object({
  /** A review copy: every open comment as a Word comment on its range. */
  comments: flag.default(false),
  /** UN-style consecutive paragraph numbers; default from the report's settings. */
  numbered: flag.optional(),
  /** Leave out sections with no text; default: yes for the clean copy, no for the review copy. */
  skipEmpty: flag.optional(),
  /** A confidentiality line in every page's header; default: when the report is confidential. */
  confidentialHeader: flag.optional(),
})

/** The report as a Word file, in section order, from the same schema the editor uses. */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { user } = await requireReportAccess(event, reportId, 'export')
  const { comments, numbered, skipEmpty, confidentialHeader } = validQuery(event, querySchema)
  const { meta, input } = await readReportDoc(reportId, async doc => ({ meta: readMeta(doc), input: await reportExportInputAsync(doc, { skipComments: !comments }) }))
  const { buffer, warnings } = await exportDocx(input, { comments, numberedParagraphs: numbered ?? meta.numberedParagraphs, skipEmptySections: skipEmpty, confidentialHeader })
  if (warnings.length) console.warn('[export] degraded nodes', { reportId, warnings: warnings.length })
  const { db } = await useStore()
  await audit(db, { actorId: user.id, reportId, action: 'report.export', detail: { comments, warnings: warnings.length } })
  const slug = meta.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'report'
  setResponseHeader(event, 'Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  setResponseHeader(event, 'Content-Disposition', `attachment; filename="${slug}${comments ? '-review-copy' : ''}.docx"`)
  setResponseHeader(event, 'X-Chorus-Export-Warnings', String(warnings.length))
  return buffer
})
