/** The audit log: who did what to which report. Details hold ids and roles, never document text. */
import type { SqlDriver } from '../store/driver'

/** Record one action. */
export async function audit(db: SqlDriver, entry: { actorId: string | null, reportId?: string | null, action: string, detail?: Record<string, unknown> }): Promise<void> {
  await db.run('INSERT INTO audit_log (at, actor_id, report_id, action, detail) VALUES (?, ?, ?, ?, ?)', [
    Date.now(), entry.actorId, entry.reportId ?? null, entry.action, JSON.stringify(entry.detail ?? {}),
  ])
}
