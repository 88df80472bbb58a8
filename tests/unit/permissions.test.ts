import { describe, expect, it } from 'vitest'
import { ROLES, can, canEditSectionText, canResolveThread, canSetSectionStatus } from '#shared/permissions'

describe('role matrix', () => {
  it('lets only the secretariat manage structure, members and metadata', () => {
    for (const action of ['sections.manage', 'members.manage', 'report.editMeta', 'versions.restore'] as const) {
      expect(ROLES.filter(r => can(r, action))).toEqual(['secretariat'])
    }
  })

  it('lets every member read and export, and nobody without a role', () => {
    for (const r of ROLES) expect(can(r, 'report.read') && can(r, 'export')).toBe(true)
    expect(can(null, 'report.read')).toBe(false)
  })

  it('locks final sections for authors but not for the secretariat', () => {
    expect(canEditSectionText('author', 'draft')).toBe(true)
    expect(canEditSectionText('author', 'review')).toBe(true)
    expect(canEditSectionText('author', 'final')).toBe(false)
    expect(canEditSectionText('secretariat', 'final')).toBe(true)
    expect(canEditSectionText('reviewer', 'draft')).toBe(false)
    expect(canEditSectionText('viewer', 'draft')).toBe(false)
  })

  it('lets an author move only their own sections between draft and review', () => {
    const own = { ownerId: 'u1', status: 'draft' as const }
    expect(canSetSectionStatus('author', 'u1', own, 'review')).toBe(true)
    expect(canSetSectionStatus('author', 'u1', own, 'final')).toBe(false)
    expect(canSetSectionStatus('author', 'u1', { ownerId: 'u1', status: 'final' }, 'draft')).toBe(false)
    expect(canSetSectionStatus('author', 'u2', own, 'review')).toBe(false)
    expect(canSetSectionStatus('reviewer', 'u1', own, 'review')).toBe(false)
    expect(canSetSectionStatus('secretariat', 'u9', { ownerId: 'u1', status: 'final' }, 'draft')).toBe(true)
  })

  it('lets a reviewer resolve only the threads they started', () => {
    expect(canResolveThread('reviewer', 'r1', 'r1')).toBe(true)
    expect(canResolveThread('reviewer', 'r1', 'a1')).toBe(false)
    expect(canResolveThread('author', 'a1', 'r1')).toBe(true)
    expect(canResolveThread('viewer', 'v1', 'v1')).toBe(false)
  })
})
