import { setResponseHeader } from 'h3'
import { z } from 'zod'
import { INTERFACE_LOCALES } from '#shared/schemas/preferences'
import { readThreads } from '#shared/commentsDoc'
import { readMeta, readSections } from '#shared/reportDoc'
import { readSuggestions } from '#shared/editor/readSuggestions'
import { sectionFragmentName } from '#shared/docNames'
import { useStore } from '../../../store'
import { listMembers } from '../../../repos/members'
import { readReportDoc } from '../../../reports/reportDocument'
import { dispositionCsv, dispositionRows } from '../../../comments/dispositionCsv'
import { requireReportAccess } from '../../../utils/reportAccess'
import { idParam, validQuery } from '../../../utils/validate'

/** `?lang=` names the headings' language; without it, the account's own interface language. */
const querySchema = z.object({ lang: z.enum(INTERFACE_LOCALES).optional() })

/** The secretariat downloads the comment-disposition table of the review round as CSV. */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { user } = await requireReportAccess(event, reportId, 'members.manage')
  const lang = validQuery(event, querySchema).lang ?? INTERFACE_LOCALES.find(l => l === user.locale) ?? 'en'
  const { db } = await useStore()
  const names = new Map((await listMembers(db, reportId)).map(m => [m.userId, m.name]))
  const { csv, title } = await readReportDoc(reportId, (doc) => {
    const sections = readSections(doc)
    const titles = new Map(sections.map(s => [s.id, s.title]))
    // Open tracked changes through the reader the comments panel uses.
    const open = sections.flatMap(s => readSuggestions(doc.getXmlFragment(sectionFragmentName(s.id)), s.id))
    return { csv: dispositionCsv(dispositionRows(readThreads(doc), titles, names, open, lang), lang), title: readMeta(doc).title }
  })
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'report'
  setResponseHeader(event, 'Content-Type', 'text/csv; charset=utf-8')
  setResponseHeader(event, 'Content-Disposition', `attachment; filename="${slug}-comment-disposition.csv"`)
  return csv
})
