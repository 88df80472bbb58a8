import { getHeader, setResponseHeaders, setResponseStatus } from 'h3'
import { useStore } from '../../../../store'
import { getImage } from '../../../../repos/images'
import { imageIdParam } from '../../../../images/imageIdParam'
import { notFound } from '../../../../utils/errors'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam } from '../../../../utils/validate'

/**
 * A figure's image, to the report's members only (the report's own access check). The bytes never
 * change under their SHA-256, so the browser may keep them for good; the headers make sure they
 * are only ever read as the image they are (no sniffing, no script, no sub-resources).
 */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const sha256 = imageIdParam(event)
  await requireReportAccess(event, reportId, 'report.read')
  const etag = `"${sha256}"`
  const headers = {
    'Cache-Control': 'private, max-age=31536000, immutable',
    'ETag': etag,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': 'default-src \'none\'',
  }
  const { db } = await useStore()
  // A conditional request still passes the access check above: a former member learns nothing.
  if (getHeader(event, 'if-none-match')?.split(',').some(t => t.trim().replace(/^W\//, '') === etag)) {
    setResponseHeaders(event, headers)
    setResponseStatus(event, 304)
    return null
  }
  const image = await getImage(db, reportId, sha256)
  if (!image) throw notFound('image')
  setResponseHeaders(event, { ...headers, 'Content-Type': image.mime, 'Content-Length': String(image.byteSize) })
  return Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength)
})
