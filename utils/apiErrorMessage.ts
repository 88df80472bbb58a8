/** The user-facing message of a failed `$fetch` (the server's `message`, else a generic one). */
export function apiErrorMessage(error: unknown): string {
  const e = error as { data?: { message?: string }, statusCode?: number, message?: string }
  if (e?.data?.message) return e.data.message
  if (e?.statusCode === 0 || /fetch failed|NetworkError/i.test(e?.message ?? '')) return 'The server cannot be reached; check your connection.'
  return 'Something went wrong. Try again.'
}
