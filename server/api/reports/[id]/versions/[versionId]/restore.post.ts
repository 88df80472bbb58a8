import * as Y from 'yjs'
import { useStore } from '../../../../../store'
import { saveVersion, versionData } from '../../../../../repos/versions'
import { audit } from '../../../../../repos/audit'
import { changeReportDoc } from '../../../../../reports/reportDocument'
import { restoreInto } from '../../../../../reports/restoreVersion'
import { backupVersionName } from '../../../../../reports/backupVersionName'
import { notFound } from '../../../../../utils/errors'
import { requireReportAccess } from '../../../../../utils/reportAccess'
import { idParam } from '../../../../../utils/validate'

/**
 * The secretariat restores a named version. The current state is saved first as a version
 * ("Before restoring …", in the restorer's language), so a restore can itself be undone: saved inside the change, from the
 * live document, so that no edit made just before the restore is missing from the backup.
 */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const versionId = idParam(event, 'versionId')
  const { user } = await requireReportAccess(event, reportId, 'versions.restore')
  const { db } = await useStore()
  const version = await versionData(db, reportId, versionId)
  if (!version) throw notFound('version')
  let backupId = ''
  await changeReportDoc(reportId, user, 'versions.restore', doc => restoreInto(doc, version.data), {
    before: async (doc) => {
      backupId = (await saveVersion(db, { reportId, name: backupVersionName(version.name, user.locale), data: Y.encodeStateAsUpdate(doc), createdBy: user.id })).id
    },
  })
  await audit(db, { actorId: user.id, reportId, action: 'version.restore', detail: { versionId, backupId } })
  return { ok: true, backupVersionId: backupId }
})
