/**
 * The few error factories every route uses, so responses are uniform:
 * `{ statusCode, message }` (h3 adds `statusMessage`; `data.field` names an invalid field).
 */
import { createError } from 'h3'

export const badRequest = (message: string, field?: string) =>
  createError({ statusCode: 400, message, data: field ? { field } : undefined })
export const unauthorized = (message = 'Sign in to continue') => createError({ statusCode: 401, message })
export const forbidden = (message = 'You do not have permission to do this') => createError({ statusCode: 403, message })
export const notFound = (what: string) => createError({ statusCode: 404, message: `No such ${what}` })
export const conflict = (message: string) => createError({ statusCode: 409, message })
export const tooLarge = (message: string) => createError({ statusCode: 413, message })
export const tooManyRequests = (retryAfterS: number, message = 'Too many attempts; try again later') =>
  createError({ statusCode: 429, message, data: { retryAfter: retryAfterS } })
