/** Report records: the row behind each report and the summary the dashboard lists. */
import type { SqlDriver } from '../store/driver'
import type { Role } from '#shared/permissions'
import type { ReportListItem, ReportSummary } from '#shared/types/report'

interface ReportRow {
  id: string
  title: string
  template_id: string
  summary: string
  created_at: number
  updated_at: number
}

/** Insert a report row and make its creator the secretariat, in one transaction. */
export async function insertReport(db: SqlDriver, r: { id: string, title: string, templateId: string, createdBy: string, summary: ReportSummary }): Promise<void> {
  const now = Date.now()
  await db.transaction(async (tx) => {
    await tx.run('INSERT INTO reports (id, title, template_id, summary, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      r.id, r.title, r.templateId, JSON.stringify(r.summary), r.createdBy, now, now,
    ])
    await tx.run('INSERT INTO memberships (report_id, user_id, role, created_at) VALUES (?, ?, ?, ?)', [r.id, r.createdBy, 'secretariat', now])
  })
}

/** Does a report exist? */
export async function reportExists(db: SqlDriver, id: string): Promise<boolean> {
  return Boolean(await db.get('SELECT id FROM reports WHERE id = ?', [id]))
}

/** Store a fresh summary (from the live document). */
export async function saveSummary(db: SqlDriver, id: string, summary: ReportSummary): Promise<void> {
  await db.run('UPDATE reports SET summary = ?, title = ?, updated_at = ? WHERE id = ?', [JSON.stringify(summary), summary.meta.title, Date.now(), id])
}

/** The stored summary of one report. */
export async function getSummary(db: SqlDriver, id: string): Promise<{ summary: ReportSummary, templateId: string, updatedAt: number } | undefined> {
  const row = await db.get<ReportRow>('SELECT * FROM reports WHERE id = ?', [id])
  return row && { summary: JSON.parse(row.summary) as ReportSummary, templateId: row.template_id, updatedAt: Number(row.updated_at) }
}

/** The reports a user belongs to, newest activity first. */
export async function listReportsFor(db: SqlDriver, userId: string): Promise<ReportListItem[]> {
  const rows = await db.all<ReportRow & { role: Role }>(
    'SELECT r.*, m.role FROM reports r JOIN memberships m ON m.report_id = r.id WHERE m.user_id = ? ORDER BY r.updated_at DESC',
    [userId],
  )
  return rows.map(r => ({ id: r.id, title: r.title, templateId: r.template_id, role: r.role, updatedAt: Number(r.updated_at), summary: JSON.parse(r.summary) as ReportSummary }))
}

/** Delete a report and everything stored for it (cascades). */
export async function deleteReport(db: SqlDriver, id: string): Promise<void> {
  await db.run('DELETE FROM reports WHERE id = ?', [id])
}
