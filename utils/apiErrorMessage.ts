/**
 * The user-facing message of a failed `$fetch`, in the interface language: the server's stable
 * `data.code` (shared/apiErrors.ts) translated, else — for English, or a message with no code —
 * the server's own message, else a generic one.
 */
import { IMPORT_ERROR_CODES, isApiErrorCode } from '#shared/apiErrors'
import { interfaceLocale, interfaceT } from './interfaceI18n'

export function apiErrorMessage(error: unknown): string {
  const e = error as { data?: { message?: string, data?: { code?: string, params?: Record<string, unknown> } }, statusCode?: number, message?: string }
  const code = e?.data?.data?.code
  if (isApiErrorCode(code)) return interfaceT(`apiErrors.${code}`, e.data?.data?.params ?? {})
  if ((IMPORT_ERROR_CODES as readonly string[]).includes(code ?? '')) return interfaceT(`apiErrors.import.${code}`)
  if (e?.statusCode === 0 || /fetch failed|NetworkError/i.test(e?.message ?? '')) return interfaceT('errors.unreachable')
  if (e?.data?.message && interfaceLocale() === 'en') return e.data.message
  return interfaceT('errors.generic')
}
