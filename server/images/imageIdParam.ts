/** The `:sha256` route parameter of image routes: the lowercase hex SHA-256 a figure's `imageId` holds. */
import { getRouterParam } from 'h3'
import type { H3Event } from 'h3'
import { badRequest } from '../utils/errors'

/** A figure's image id: the SHA-256 of its bytes, 64 lowercase hex digits. */
export const IMAGE_ID_PATTERN = /^[0-9a-f]{64}$/

/** The validated `:sha256` parameter. */
export function imageIdParam(event: H3Event, name = 'sha256'): string {
  const value = getRouterParam(event, name, { decode: true }) ?? ''
  if (!IMAGE_ID_PATTERN.test(value)) throw badRequest('invalidImageId', name)
  return value
}
