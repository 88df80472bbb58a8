/**
 * The hub's log lines: a fixed message plus a context object (report, user, reason, root type).
 * Never document text, awareness contents or cookies.
 */
export type LogContext = Record<string, string | number | boolean | null | undefined>

export function logCollab(level: 'info' | 'warn' | 'error', message: string, context: LogContext = {}): void {
  console[level](`[collab] ${message}`, JSON.stringify(context))
}
