import * as Y from 'yjs'
import { useStore } from '../../../../../store'
import { versionData } from '../../../../../repos/versions'
import { readableText } from '../../../../../reports/readableText'
import { notFound } from '../../../../../utils/errors'
import { requireReportAccess } from '../../../../../utils/reportAccess'
import { idParam } from '../../../../../utils/validate'

/** A named version's text, read-only, for every member: sections as ProseMirror JSON with their authors. */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const versionId = idParam(event, 'versionId')
  await requireReportAccess(event, reportId, 'report.read')
  const { db } = await useStore()
  const version = await versionData(db, reportId, versionId)
  if (!version) throw notFound('version')
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, version.data)
    return { name: version.name, ...await readableText(reportId, doc) }
  } finally {
    doc.destroy()
  }
})
