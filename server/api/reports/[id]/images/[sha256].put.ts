import { getHeader, readRawBody, setResponseStatus } from 'h3'
import { useStore } from '../../../../store'
import { audit } from '../../../../repos/audit'
import { imageInfo, putImage, reportImageBytes } from '../../../../repos/images'
import { checkImageUpload } from '../../../../images/checkImageUpload'
import { imageConfig } from '../../../../images/imageConfig'
import { imageIdParam } from '../../../../images/imageIdParam'
import { apiError } from '../../../../utils/errors'
import { logDenial } from '../../../../utils/logDenial'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam } from '../../../../utils/validate'

/**
 * Store a figure's image (the raw bytes, Content-Type image/png|jpeg|gif|webp) under the SHA-256
 * of its bytes. Only members who may edit text add pictures. The same bytes again are accepted
 * and change nothing (200 instead of 201), so a browser may retry an upload freely.
 */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const sha256 = imageIdParam(event)
  const { user } = await requireReportAccess(event, reportId, 'text.edit')
  // The body was read, within this route's limit (CHORUS_IMAGE_MAX_BYTES), by middleware/02.bodyLimit.ts.
  const bytes = (await readRawBody(event, false)) ?? new Uint8Array()
  let image
  try {
    image = checkImageUpload(bytes, getHeader(event, 'content-type'), sha256)
  } catch (error) {
    logDenial({ reason: `image refused: ${(error as { data?: { code?: string } }).data?.code ?? 'invalid'}`, userId: user.id, reportId, route: event.path })
    throw error
  }
  const { db } = await useStore()
  const known = await imageInfo(db, reportId, sha256)
  // Checked before the insert, not in one transaction with it: two uploads at the same moment may
  // pass the report's limit by one image, which bounds nothing that matters.
  if (!known && (await reportImageBytes(db, reportId)) + image.byteSize > imageConfig.maxReportBytes) {
    logDenial({ reason: 'report images over their limit', userId: user.id, reportId, route: event.path })
    throw apiError('reportImagesFull', { mib: Math.round(imageConfig.maxReportBytes / 1024 / 1024) })
  }
  const created = await putImage(db, reportId, { ...image, data: bytes }, user.id)
  if (created) {
    await audit(db, { actorId: user.id, reportId, action: 'image.upload', detail: { sha256, mime: image.mime, bytes: image.byteSize } })
    setResponseStatus(event, 201)
  }
  return { ...image, created }
})
