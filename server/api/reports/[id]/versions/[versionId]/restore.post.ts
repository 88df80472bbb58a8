import * as Y from 'yjs'
import { useStore } from '../../../../../store'
import { saveVersion, versionData } from '../../../../../repos/versions'
import { audit } from '../../../../../repos/audit'
import { changeReportDoc, loadReportDoc } from '../../../../../reports/docAccess'
import { restoreInto } from '../../../../../reports/restoreVersion'
import { notFound } from '../../../../../utils/errors'
import { requireReportAccess } from '../../../../../utils/reportAccess'
import { idParam } from '../../../../../utils/validate'

/**
 * The secretariat restores a named version. The current state is saved first as a version
 * ("Before restoring …"), so a restore can itself be undone.
 */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const versionId = idParam(event, 'versionId')
  const { user } = await requireReportAccess(event, reportId, 'versions.restore')
  const { db } = await useStore()
  const version = await versionData(db, reportId, versionId)
  if (!version) throw notFound('version')
  const current = await loadReportDoc(reportId)
  const backup = await saveVersion(db, { reportId, name: `Before restoring “${version.name}”`, data: Y.encodeStateAsUpdate(current), createdBy: user.id })
  current.destroy()
  await changeReportDoc(reportId, doc => restoreInto(doc, version.data))
  await audit(db, { actorId: user.id, reportId, action: 'version.restore', detail: { versionId, backupId: backup.id } })
  return { ok: true, backupVersionId: backup.id }
})
