/**
 * One export request, for the Word file and for its PDF: the query's options (validated), the
 * access check, the report read as one consistent copy, the Word file made, and the export
 * audited. The two routes differ only in what they send back.
 */
import type { H3Event } from 'h3'
import { z } from 'zod'
import { readMeta } from '#shared/reportDoc'
import type { ReportMeta } from '#shared/schemas/report'
import { useStore } from '../../store'
import { audit } from '../../repos/audit'
import { loadExportImages } from './loadExportImages'
import { readReportDoc } from '../../reports/reportDocument'
import { requireReportAccess } from '../../utils/reportAccess'
import { idParam, validQuery } from '../../utils/validate'
import { reportExportInputAsync } from '../fromYDoc'
import { exportDocx } from './exportDocx'

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

export interface ReportExport {
  reportId: string
  meta: ReportMeta
  comments: boolean
  buffer: Buffer
  warnings: number
  /** The file name without its extension: the title as ASCII words, "-review-copy" for a review copy. */
  baseName: string
}

/**
 * Check, read and make the Word file of the report in the request; `format` goes to the audit log.
 * `ready` runs once the person is allowed and the query valid, before any work (the PDF route
 * refuses there when the server has no converter).
 */
export async function exportReport(event: H3Event, format: 'docx' | 'pdf', ready?: () => Promise<void>): Promise<ReportExport> {
  const reportId = idParam(event, 'id')
  const { user } = await requireReportAccess(event, reportId, 'export')
  const { comments, numbered, skipEmpty, confidentialHeader } = validQuery(event, querySchema)
  await ready?.()
  const { meta, input } = await readReportDoc(reportId, async doc => ({ meta: readMeta(doc), input: await reportExportInputAsync(doc, { skipComments: !comments }) }))
  const { db } = await useStore()
  input.images = await loadExportImages(db, reportId, input.sections)
  const { buffer, warnings } = await exportDocx(input, { comments, numberedParagraphs: numbered ?? meta.numberedParagraphs, skipEmptySections: skipEmpty, confidentialHeader })
  if (warnings.length) console.warn('[export] degraded nodes', { reportId, warnings: warnings.length })
  await audit(db, { actorId: user.id, reportId, action: 'report.export', detail: { format, comments, warnings: warnings.length } })
  const slug = meta.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'report'
  return { reportId, meta, comments, buffer, warnings: warnings.length, baseName: `${slug}${comments ? '-review-copy' : ''}` }
}
