/**
 * The one way the server reaches a report's document (every route, the inbox, report creation).
 * Reads get a consistent copy: the live room's once its pending commits are stored, else the
 * store's, through the rooms' own load path. Changes run INSIDE the room's queue, on the live
 * document: the member's role is read again from the store there, and the route's own checks
 * (is the section final? does it exist?) judge that live document in the same transaction that
 * changes it. A check on a copy read earlier could be overtaken by a websocket edit or a role
 * change in between (check-then-act); here nothing can come between the check and the change.
 */
import * as Y from 'yjs'
import { can } from '#shared/permissions'
import type { Role, RoleAction } from '#shared/permissions'
import { summarize } from '#shared/reportDoc'
import type { PublicUser } from '#shared/types/user'
import type { ReportSummary } from '#shared/types/report'
import { changeRoomDoc, copyRoomDoc } from '../collab'
import { getRole } from '../repos/members'
import { saveSummary } from '../repos/reports'
import { useStore } from '../store'
import { forbidden, notFound } from '../utils/errors'
import { logDenial } from '../utils/logDenial'

/** Who makes a change, with the role the store gives them at the moment of the change. */
export interface DocActor {
  user: PublicUser
  role: Role
}

export interface ChangeOptions {
  /**
   * Runs in the room's queue before the change, on the same document (e.g. save a backup of it):
   * nothing else changes the document until the change is done.
   */
  before?: (doc: Y.Doc, actor: DocActor) => Promise<void>
}

/** Read a report's document: `read` gets a copy it may keep until it resolves (then it is destroyed). */
export async function readReportDoc<T>(reportId: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const doc = await copyRoomDoc(reportId)
  try {
    return await read(doc)
  } finally {
    doc.destroy()
  }
}

/**
 * Change a report's live document as `user`, who must hold a role allowed `action` when the
 * change runs (404 if no longer a member, 403 otherwise). `change` runs in one transaction on the
 * live document and must throw (403, 404, 409 …) BEFORE it changes anything; a change that throws
 * half-way is not kept (the room reloads from the store). The change is committed and delivered
 * to everyone connected before this resolves, and the report's stored summary is refreshed.
 */
export async function changeReportDoc<T>(reportId: string, user: PublicUser, action: RoleAction, change: (doc: Y.Doc, actor: DocActor) => T, options: ChangeOptions = {}): Promise<T> {
  const { db } = await useStore()
  const { result, summary } = await changeRoomDoc(reportId, async (doc) => {
    const role = await getRole(db, reportId, user.id)
    if (!role) {
      logDenial({ reason: 'not a member when the change ran', userId: user.id, reportId })
      throw notFound('report')
    }
    if (!can(role, action)) {
      logDenial({ reason: `role ${role} may not ${action} when the change ran`, userId: user.id, reportId })
      throw forbidden()
    }
    const actor = { user, role }
    await options.before?.(doc, actor)
    return actor
  }, (doc, actor) => ({ result: change(doc, actor), summary: summaryOf(doc, reportId) }))
  // The next page load shows the change at once (the hub's own refresh is debounced).
  if (summary) await saveSummary(db, reportId, summary)
  return result
}

/** The summary, read inside the change: a failure to read it must not undo the change (the hub refreshes it later). */
function summaryOf(doc: Y.Doc, reportId: string): ReportSummary | null {
  try {
    return summarize(doc)
  } catch (error) {
    console.error('[reportDocument] could not summarise', { reportId, message: (error as Error).message })
    return null
  }
}

/** Store a new report's first state, before any room can exist for it. */
export async function storeNewReportDoc(reportId: string, doc: Y.Doc): Promise<void> {
  const { docs } = await useStore()
  await docs.append(reportId, [Y.encodeStateAsUpdate(doc)])
}
