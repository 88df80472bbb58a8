/**
 * The few error factories every route uses, so responses are uniform:
 * `{ statusCode, message, data: { code, params?, field? } }` (h3 adds `statusMessage`). `message`
 * is English for API clients; `data.code` is a stable key from shared/apiErrors.ts that the
 * browser translates (utils/apiErrorMessage.ts). A factory given text that is not a code keeps it
 * as the message under the status's generic code (so a new route still answers clearly before its
 * code is added to the table).
 */
import { createError } from 'h3'
import { API_ERRORS, apiErrorText, isApiErrorCode } from '#shared/apiErrors'
import type { ApiErrorCode } from '#shared/apiErrors'

type Params = Record<string, string | number>
type CodeOrText = ApiErrorCode | (string & {})

/** An error from the table: its status, its English message, and the code for the browser. */
export function apiError(code: ApiErrorCode, params: Params = {}, data: Record<string, unknown> = {}) {
  const hasParams = Object.keys(params).length > 0
  return createError({
    statusCode: API_ERRORS[code].status,
    message: apiErrorText(code, params),
    data: { code, ...(hasParams ? { params } : {}), ...data },
  })
}

function fromCodeOrText(status: number, value: CodeOrText, params: Params = {}, data: Record<string, unknown> = {}) {
  if (isApiErrorCode(value)) return apiError(value, params, data)
  return createError({ statusCode: status, message: value, data: Object.keys(data).length ? data : undefined })
}

export const badRequest = (codeOrText: CodeOrText, field?: string, params?: Params) =>
  fromCodeOrText(400, codeOrText, params, field ? { field } : {})
export const unauthorized = (codeOrText: CodeOrText = 'signInRequired') => fromCodeOrText(401, codeOrText)
export const forbidden = (codeOrText: CodeOrText = 'forbidden') => fromCodeOrText(403, codeOrText)
/** 404 for one kind of thing: `notFound('report')` answers "No such report" (code `reportNotFound`). */
export const notFound = (what: 'report' | 'section' | 'member' | 'invitation' | 'version' | 'account' | (string & {})) => {
  const code = `${what}NotFound`
  return isApiErrorCode(code) ? apiError(code) : createError({ statusCode: 404, message: `No such ${what}` })
}
export const conflict = (codeOrText: CodeOrText, params?: Params) => fromCodeOrText(409, codeOrText, params)
export const tooLarge = (codeOrText: CodeOrText, params?: Params) => fromCodeOrText(413, codeOrText, params)
export const tooManyRequests = (retryAfterS: number, codeOrText: CodeOrText = 'tooManyAttempts', params?: Params) =>
  fromCodeOrText(429, codeOrText, params, { retryAfter: retryAfterS })
