/**
 * The data-access layer on both engines: the same suite against SQLite (a temp file) and
 * PostgreSQL (a fresh schema on the machine's server).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openStore } from '../../server/store'
import type { Store } from '../../server/store'
import { migrations } from '../../server/store/migrations'
import { createUser, findUserForLogin, countUsers } from '../../server/repos/users'
import { insertReport, listReportsFor } from '../../server/repos/reports'
import { getRole, setMember, removeMember } from '../../server/repos/members'
import { consumeInvitation, createInvitation, findInvitationByToken } from '../../server/repos/invitations'
import { verifyPassword } from '../../server/auth/password'
import { freshPostgresUrl, postgresAvailable } from '../support/databases'

const engines: Array<{ name: string, open: () => Promise<{ store: Store, cleanup: () => Promise<void> }> }> = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'chorus-store-'))
      process.env.DATA_DIR = dir
      const store = await openStore('')
      return { store, cleanup: async () => { await store.db.close(); rmSync(dir, { recursive: true, force: true }) } }
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const { url, drop } = await freshPostgresUrl()
      const store = await openStore(url)
      return { store, cleanup: async () => { await store.db.close(); await drop() } }
    },
  },
]

const pgReachable = await postgresAvailable()
if (!pgReachable && process.env.REQUIRE_SERVICES === '1') throw new Error('PostgreSQL is required (REQUIRE_SERVICES=1) but not reachable')

for (const engine of engines) {
  describe.skipIf(engine.name === 'postgres' && !pgReachable)(`store on ${engine.name}`, () => {
    let store: Store
    let cleanup: () => Promise<void>
    beforeAll(async () => {
      ({ store, cleanup } = await engine.open())
    })
    afterAll(async () => cleanup?.())

    it('applies every migration once and records it', async () => {
      const rows = await store.db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      expect(rows.map(r => Number(r.version))).toEqual(migrations.map(m => m.version))
    })

    it('stores accounts with a scrypt hash, never the password', async () => {
      const before = await countUsers(store.db)
      const user = await createUser(store.db, { name: 'Ada', email: 'Ada@Example.org', password: 'a long password' })
      expect(await countUsers(store.db)).toBe(before + 1)
      const found = await findUserForLogin(store.db, 'ada@example.org')
      expect(found?.id).toBe(user.id)
      expect(found?.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/)
      expect(found?.passwordHash).not.toContain('a long password')
      expect(await verifyPassword('a long password', found!.passwordHash)).toBe(true)
      expect(await verifyPassword('wrong password', found!.passwordHash)).toBe(false)
      await expect(createUser(store.db, { name: 'Dup', email: 'ada@example.org', password: 'another password' })).rejects.toThrow()
    })

    it('appends document updates in order and compacts them into one snapshot atomically', async () => {
      const owner = await createUser(store.db, { name: 'Owner', email: `o-${engine.name}@example.org`, password: 'a long password' })
      const reportId = `rep_${engine.name}_1`
      await insertReport(store.db, { id: reportId, title: 'R', templateId: 'blank', createdBy: owner.id, summary: { meta: {} as never, sections: [], totalWords: 0 } })
      const doc = new Y.Doc()
      const updates: Uint8Array[] = []
      doc.on('update', (u: Uint8Array) => updates.push(u))
      for (let i = 0; i < 20; i++) doc.getText('t').insert(i, String(i % 10))
      const last = await store.docs.append(reportId, updates.slice(0, 10))
      expect(last).toBe(10)
      expect(await store.docs.append(reportId, updates.slice(10))).toBe(20)
      const loaded = await store.docs.load(reportId)
      expect(loaded.updates.map(u => u.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      const replay = new Y.Doc()
      for (const u of loaded.updates) Y.applyUpdate(replay, u.data)
      expect(replay.getText('t').toString()).toBe(doc.getText('t').toString())

      await store.docs.compact(reportId, Y.mergeUpdates(loaded.updates.slice(0, 15).map(u => u.data)), 15)
      const after = await store.docs.load(reportId)
      expect(after.snapshotSeq).toBe(15)
      expect(after.updates.map(u => u.seq)).toEqual([16, 17, 18, 19, 20])
      const rebuilt = new Y.Doc()
      Y.applyUpdate(rebuilt, after.snapshot!)
      for (const u of after.updates) Y.applyUpdate(rebuilt, u.data)
      expect(rebuilt.getText('t').toString()).toBe(doc.getText('t').toString())
      expect(await store.docs.append(reportId, [updates[0]!])).toBe(21)

      // Client id claims go in with their update; the first owner of an id keeps it.
      const big = 4_294_967_295 // the largest Yjs client id (uint32)
      await store.docs.append(reportId, [updates[1]!], [{ clientId: big, userId: owner.id }, { clientId: 7, userId: owner.id }])
      await store.docs.append(reportId, [updates[2]!], [{ clientId: 7, userId: 'someone-else' }])
      expect(await store.docs.clientOwners(reportId, [big, 7, 8])).toEqual(new Map([[big, owner.id], [7, owner.id]]))
      expect(await store.docs.clientOwners(reportId, [])).toEqual(new Map())
    })

    it('rolls a failed transaction back entirely', async () => {
      const before = await countUsers(store.db)
      await expect(store.db.transaction(async (tx) => {
        await tx.run('INSERT INTO users (id, email, name, password_hash, is_admin, color, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', ['tx1', 'tx@example.org', 'Tx', 'h', 0, '#000', 1])
        throw new Error('boom')
      })).rejects.toThrow('boom')
      expect(await countUsers(store.db)).toBe(before)
    })

    it('keeps memberships and one-time invitations', async () => {
      const a = await createUser(store.db, { name: 'A', email: `a-${engine.name}@example.org`, password: 'a long password' })
      const b = await createUser(store.db, { name: 'B', email: `b-${engine.name}@example.org`, password: 'a long password' })
      const reportId = `rep_${engine.name}_2`
      await insertReport(store.db, { id: reportId, title: 'R2', templateId: 'blank', createdBy: a.id, summary: { meta: { title: 'R2' } as never, sections: [], totalWords: 0 } })
      expect(await getRole(store.db, reportId, a.id)).toBe('secretariat')
      expect(await getRole(store.db, reportId, b.id)).toBeNull()
      await setMember(store.db, reportId, b.id, 'reviewer')
      expect(await getRole(store.db, reportId, b.id)).toBe('reviewer')
      expect((await listReportsFor(store.db, b.id)).map(r => r.id)).toEqual([reportId])
      expect(await removeMember(store.db, reportId, b.id)).toBe(true)
      expect(await getRole(store.db, reportId, b.id)).toBeNull()

      const { invitation, token } = await createInvitation(store.db, { reportId, role: 'author', createdBy: a.id, ttlMs: 60_000 })
      expect((await findInvitationByToken(store.db, token))?.id).toBe(invitation.id)
      const [first, second] = await Promise.all([consumeInvitation(store.db, invitation.id, b.id), consumeInvitation(store.db, invitation.id, a.id)])
      expect([first, second].filter(Boolean)).toHaveLength(1)
      const expired = await createInvitation(store.db, { reportId, role: 'author', createdBy: a.id, ttlMs: -1 })
      expect(await consumeInvitation(store.db, expired.invitation.id, b.id)).toBe(false)
    })
  })
}
