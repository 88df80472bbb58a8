/** Denials are logged with their context, never with document text or passwords. */
export function logDenial(context: { reason: string, userId?: string | null, reportId?: string, route?: string, ip?: string }): void {
  console.warn('[denied]', JSON.stringify(context))
}
