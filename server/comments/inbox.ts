/**
 * A user's inbox, derived from the review threads of their reports: messages that mention them
 * and replies in threads they started. Only the read marks are stored (per user).
 */
import type * as Y from 'yjs'
import { readThreads } from '#shared/commentsDoc'
import { readMeta } from '#shared/reportDoc'
import type { InboxItem } from '#shared/types/inbox'
import type { SqlDriver } from '../store/driver'
import { listReportsFor } from '../repos/reports'
import { readReportDoc } from '../reports/reportDocument'

const excerpt = (s: string) => (s.length > 160 ? s.slice(0, 157) + '…' : s)

/** Inbox items of one report for `userId`. */
export function reportInbox(reportId: string, userId: string): Promise<Omit<InboxItem, 'read'>[]> {
  return readReportDoc(reportId, doc => inboxItems(doc, reportId, userId))
}

function inboxItems(doc: Y.Doc, reportId: string, userId: string): Omit<InboxItem, 'read'>[] {
  const reportTitle = readMeta(doc).title
  const items: Omit<InboxItem, 'read'>[] = []
  for (const t of readThreads(doc)) {
    const base = { reportId, reportTitle, threadId: t.id, sectionId: t.sectionId }
    if (t.authorId !== userId && t.mentions.includes(userId)) {
      items.push({ ...base, id: `${reportId}:${t.id}`, kind: 'mention', authorName: t.authorName, excerpt: excerpt(t.body), createdAt: t.createdAt })
    }
    for (const r of t.replies) {
      if (r.deleted || r.authorId === userId) continue
      const mentioned = r.mentions.includes(userId)
      if (mentioned || t.authorId === userId) {
        items.push({ ...base, id: `${reportId}:${t.id}:${r.id}`, kind: mentioned ? 'mention' : 'reply', authorName: r.authorName, excerpt: excerpt(r.body), createdAt: r.createdAt })
      }
    }
  }
  return items
}

/** The whole inbox of a user across their reports, newest first, with read marks. */
export async function userInbox(db: SqlDriver, userId: string, onlyReportId?: string): Promise<InboxItem[]> {
  const reports = (await listReportsFor(db, userId)).filter(r => !onlyReportId || r.id === onlyReportId)
  const all = (await Promise.all(reports.map(r => reportInbox(r.id, userId)))).flat()
  const read = new Set((await db.all<{ item_id: string }>('SELECT item_id FROM inbox_reads WHERE user_id = ?', [userId])).map(r => r.item_id))
  return all.map(i => ({ ...i, read: read.has(i.id) })).sort((a, b) => b.createdAt - a.createdAt)
}

/** Mark items read for a user (idempotent). */
export async function markRead(db: SqlDriver, userId: string, itemIds: string[]): Promise<void> {
  const now = Date.now()
  await db.transaction(async (tx) => {
    for (const id of itemIds) {
      await tx.run('INSERT INTO inbox_reads (user_id, item_id, read_at) VALUES (?, ?, ?) ON CONFLICT (user_id, item_id) DO NOTHING', [userId, id, now])
    }
  })
}
