import { useStore } from '../../../../store'
import { reportImageBytes } from '../../../../repos/images'
import { IMAGE_TYPES, imageConfig } from '../../../../images/imageConfig'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam } from '../../../../utils/validate'

/**
 * The picture limits of this server and what the report uses of them, so the editor can refuse
 * an oversized picture before uploading it and say why (the server checks again on upload).
 */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  await requireReportAccess(event, reportId, 'report.read')
  const { db } = await useStore()
  return {
    types: IMAGE_TYPES,
    maxImageBytes: imageConfig.maxImageBytes,
    maxReportBytes: imageConfig.maxReportBytes,
    usedBytes: await reportImageBytes(db, reportId),
  }
})
