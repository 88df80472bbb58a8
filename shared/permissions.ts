/**
 * The role matrix of DESIGN.md, in one place. The server checks every HTTP request and every
 * websocket message against it; the browser uses the same table only to hide what a role may not do.
 */

export const ROLES = ['secretariat', 'author', 'reviewer', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const SECTION_STATUSES = ['draft', 'review', 'final'] as const
export type SectionStatus = (typeof SECTION_STATUSES)[number]

/** Actions that depend only on the role (no section or thread ownership involved). */
export type RoleAction =
  | 'report.read'
  | 'report.editMeta'
  | 'report.delete'
  | 'sections.manage'
  | 'text.edit'
  | 'text.editFinal'
  | 'text.suggest'
  | 'comments.write'
  | 'comments.resolveAny'
  | 'suggestions.decide'
  | 'members.manage'
  | 'versions.create'
  | 'versions.restore'
  | 'export'

const matrix: Record<RoleAction, readonly Role[]> = {
  'report.read': ['secretariat', 'author', 'reviewer', 'viewer'],
  'report.editMeta': ['secretariat'],
  'report.delete': ['secretariat'],
  'sections.manage': ['secretariat'],
  'text.edit': ['secretariat', 'author'],
  'text.editFinal': ['secretariat'],
  // Suggesting (tracked changes) in sections that are not final: whoever may comment.
  'text.suggest': ['secretariat', 'author', 'reviewer'],
  'comments.write': ['secretariat', 'author', 'reviewer'],
  'comments.resolveAny': ['secretariat', 'author'],
  'suggestions.decide': ['secretariat', 'author'],
  'members.manage': ['secretariat'],
  'versions.create': ['secretariat', 'author'],
  'versions.restore': ['secretariat'],
  'export': ['secretariat', 'author', 'reviewer', 'viewer'],
}

/** True when `role` may perform `action` anywhere in the report. */
export function can(role: Role | null | undefined, action: RoleAction): boolean {
  return role != null && matrix[action].includes(role)
}

/** May this role change the text of a section in this status? */
export function canEditSectionText(role: Role | null | undefined, status: SectionStatus): boolean {
  return status === 'final' ? can(role, 'text.editFinal') : can(role, 'text.edit')
}

/**
 * May this user set the status of a section? The secretariat for every section; an author for
 * the sections they own, and never to or from `final` (locking is the secretariat's decision).
 */
export function canSetSectionStatus(
  role: Role | null | undefined,
  userId: string,
  section: { ownerId?: string | null, status: SectionStatus },
  next: SectionStatus,
): boolean {
  if (can(role, 'sections.manage')) return true
  if (role !== 'author' || section.ownerId !== userId) return false
  return section.status !== 'final' && next !== 'final'
}

/** May this user resolve or reopen a thread started by `threadAuthorId`? */
export function canResolveThread(role: Role | null | undefined, userId: string, threadAuthorId: string): boolean {
  if (can(role, 'comments.resolveAny')) return true
  return role === 'reviewer' && userId === threadAuthorId
}

// Role names and descriptions are interface text: locales/*.json `roles.<role>.label` / `.description`.
