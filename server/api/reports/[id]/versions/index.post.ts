import * as Y from 'yjs'
import { z } from 'zod'
import { useStore } from '../../../../store'
import { saveVersion } from '../../../../repos/versions'
import { audit } from '../../../../repos/audit'
import { readReportDoc } from '../../../../reports/reportDocument'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam, validBody } from '../../../../utils/validate'

const bodySchema = z.object({ name: z.string().trim().min(1, 'Name the version').max(120) })

/** Save the report as it is now under a name (secretariat and authors), e.g. "Sent for peer review". */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { user } = await requireReportAccess(event, reportId, 'versions.create')
  const { name } = await validBody(event, bodySchema)
  // The document as stored right now, including a change that was still waiting for its commit.
  const data = await readReportDoc(reportId, doc => Y.encodeStateAsUpdate(doc))
  const { db } = await useStore()
  const { id, createdAt } = await saveVersion(db, { reportId, name, data, createdBy: user.id })
  await audit(db, { actorId: user.id, reportId, action: 'version.create', detail: { versionId: id } })
  setResponseStatus(event, 201)
  return { version: { id, name, createdBy: user.id, createdByName: user.name, createdAt } }
})
