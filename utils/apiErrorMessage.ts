/**
 * The user-facing message of a failed `$fetch`, in the interface language: the server's stable
 * `data.code` (shared/apiErrors.ts) translated, a field it names shown by its label; else, in
 * English, the server's own message; else a generic one.
 */
import { IMPORT_ERROR_CODES, isApiErrorCode } from '#shared/apiErrors'
import { interfaceHas, interfaceLocale, interfaceT } from './interfaceI18n'

export function apiErrorMessage(error: unknown): string {
  const e = error as { data?: { message?: string, data?: { code?: string, params?: Record<string, unknown> } }, statusCode?: number, message?: string }
  const code = e?.data?.data?.code
  if (isApiErrorCode(code)) {
    const params = { ...e.data?.data?.params }
    // A field named in an error is shown by its label in the language ("title" → "Название").
    if (typeof params.field === 'string' && interfaceHas(`fields.${params.field}`)) params.field = interfaceT(`fields.${params.field}`)
    return interfaceT(`apiErrors.${code}`, params)
  }
  if ((IMPORT_ERROR_CODES as readonly string[]).includes(code ?? '')) return interfaceT(`apiErrors.import.${code}`)
  if (e?.statusCode === 0 || /fetch failed|NetworkError/i.test(e?.message ?? '')) return interfaceT('errors.unreachable')
  if (e?.data?.message && interfaceLocale() === 'en') return e.data.message
  return interfaceT('errors.generic')
}
