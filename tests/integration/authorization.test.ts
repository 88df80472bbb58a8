/**
 * The role matrix of DESIGN.md, walked over every HTTP route: anonymous, non-member, workspace
 * administrator (not a member of the report), viewer, reviewer, author and secretariat. Any
 * difference from the expected status fails the test, listed route by route. Runs on SQLite and
 * on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { startServer, removeDataDir, ROOT } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { Api, createAccount, setupAdmin } from '../support/api'
import { freshPostgresUrl, postgresAvailable } from '../support/databases'
import { makePng, sha256Hex } from '../fixtures-gen/testImages'

const IDENTITIES = ['anonymous', 'nonMember', 'admin', 'viewer', 'reviewer', 'author', 'secretariat'] as const
type Identity = (typeof IDENTITIES)[number]

interface Ctx {
  reportId: string
  sectionId: string
  /** A section owned by the author (for the status rule). */
  ownedSectionId: string
  secretariat: Api
  apis: Record<Identity, Api>
  ids: Record<Identity, string>
}

interface RouteCase {
  name: string
  /** Build the request for one identity (fresh resources where the call consumes them). */
  request: (ctx: Ctx, who: Identity) => Promise<{ method: string, path: string, body?: unknown, headers?: Record<string, string> }>
  expected: Record<Identity, number>
}

const member = (ok: number, denied = 403) => ({ anonymous: 401, nonMember: 404, admin: 404, viewer: ok, reviewer: ok, author: ok, secretariat: ok, ...(denied ? {} : {}) })
const secretariatOnly = (ok: number) => ({ anonymous: 401, nonMember: 404, admin: 404, viewer: 403, reviewer: 403, author: 403, secretariat: ok })
const signedIn = (ok: number) => ({ anonymous: 401, nonMember: ok, admin: ok, viewer: ok, reviewer: ok, author: ok, secretariat: ok })

const FIXTURE = readFileSync(resolve(ROOT, '../shared/fixtures/cluster-v-draft.docx'))
function docxForm(): FormData {
  const form = new FormData()
  form.append('file', new Blob([FIXTURE]), 'cluster-v-draft.docx')
  return form
}

async function freshSection(ctx: Ctx): Promise<string> {
  const { section } = await ctx.secretariat.call('POST', `/api/reports/${ctx.reportId}/sections`, { title: 'Scratch section' })
  return section.id
}

const ROUTES: RouteCase[] = [
  { name: 'GET /api/auth/me', request: async () => ({ method: 'GET', path: '/api/auth/me' }), expected: { ...signedIn(200), anonymous: 200 } },
  { name: 'GET /api/templates', request: async () => ({ method: 'GET', path: '/api/templates' }), expected: signedIn(200) },
  { name: 'GET /api/users', request: async () => ({ method: 'GET', path: '/api/users' }), expected: { ...signedIn(403), admin: 200 } },
  {
    name: 'POST /api/users',
    request: async (_c, who) => ({ method: 'POST', path: '/api/users', body: { name: 'New', email: `new-${who}-${Date.now()}@example.org`, password: 'a long password' } }),
    expected: { ...signedIn(403), admin: 201 },
  },
  { name: 'GET /api/reports', request: async () => ({ method: 'GET', path: '/api/reports' }), expected: signedIn(200) },
  { name: 'POST /api/reports', request: async () => ({ method: 'POST', path: '/api/reports', body: { title: 'Mine', templateId: 'blank' } }), expected: signedIn(201) },
  { name: 'GET /api/reports/:id', request: async c => ({ method: 'GET', path: `/api/reports/${c.reportId}` }), expected: member(200) },
  { name: 'PATCH /api/reports/:id', request: async c => ({ method: 'PATCH', path: `/api/reports/${c.reportId}`, body: { session: '99th session' } }), expected: secretariatOnly(200) },
  { name: 'GET /api/reports/:id/members', request: async c => ({ method: 'GET', path: `/api/reports/${c.reportId}/members` }), expected: member(200) },
  {
    name: 'POST /api/reports/:id/members',
    request: async (c, who) => {
      const { user } = await c.apis.admin.call('POST', '/api/users', { name: 'Extra', email: `extra-${who}-${Date.now()}@example.org`, password: 'a long password' })
      return { method: 'POST', path: `/api/reports/${c.reportId}/members`, body: { email: user.email, role: 'viewer' } }
    },
    expected: secretariatOnly(201),
  },
  {
    name: 'DELETE /api/reports/:id/members/:userId',
    request: async (c, who) => {
      const { user } = await c.apis.admin.call('POST', '/api/users', { name: 'Leaver', email: `leaver-${who}-${Date.now()}@example.org`, password: 'a long password' })
      await c.secretariat.call('POST', `/api/reports/${c.reportId}/members`, { email: user.email, role: 'viewer' })
      return { method: 'DELETE', path: `/api/reports/${c.reportId}/members/${user.id}` }
    },
    expected: secretariatOnly(200),
  },
  { name: 'POST /api/reports/:id/invitations', request: async c => ({ method: 'POST', path: `/api/reports/${c.reportId}/invitations`, body: { role: 'reviewer' } }), expected: secretariatOnly(201) },
  {
    name: 'DELETE /api/reports/:id/invitations/:invitationId',
    request: async (c) => {
      const { invitation } = await c.secretariat.call('POST', `/api/reports/${c.reportId}/invitations`, { role: 'reviewer' })
      return { method: 'DELETE', path: `/api/reports/${c.reportId}/invitations/${invitation.id}` }
    },
    expected: secretariatOnly(200),
  },
  { name: 'POST /api/reports/:id/sections', request: async c => ({ method: 'POST', path: `/api/reports/${c.reportId}/sections`, body: { title: 'Added' } }), expected: secretariatOnly(201) },
  { name: 'PATCH section title', request: async c => ({ method: 'PATCH', path: `/api/reports/${c.reportId}/sections/${c.sectionId}`, body: { title: 'Renamed' } }), expected: secretariatOnly(200) },
  {
    name: 'PATCH status of the author\'s own section',
    request: async c => ({ method: 'PATCH', path: `/api/reports/${c.reportId}/sections/${c.ownedSectionId}`, body: { status: 'review' } }),
    expected: { ...secretariatOnly(200), author: 200 },
  },
  {
    name: 'PATCH own section to final (author may not lock)',
    request: async c => ({ method: 'PATCH', path: `/api/reports/${c.reportId}/sections/${c.ownedSectionId}`, body: { status: 'final' } }),
    expected: secretariatOnly(200),
  },
  {
    name: 'PATCH status of someone else\'s section',
    request: async c => ({ method: 'PATCH', path: `/api/reports/${c.reportId}/sections/${c.sectionId}`, body: { status: 'review' } }),
    expected: secretariatOnly(200),
  },
  { name: 'DELETE section', request: async c => ({ method: 'DELETE', path: `/api/reports/${c.reportId}/sections/${await freshSection(c)}` }), expected: secretariatOnly(200) },
  {
    name: 'POST sections/order',
    request: async (c) => {
      const report = await c.secretariat.call('GET', `/api/reports/${c.reportId}`)
      return { method: 'POST', path: `/api/reports/${c.reportId}/sections/order`, body: { ids: report.sections.map((s: { id: string }) => s.id).reverse() } }
    },
    expected: secretariatOnly(200),
  },
  { name: 'GET versions', request: async c => ({ method: 'GET', path: `/api/reports/${c.reportId}/versions` }), expected: member(200) },
  { name: 'POST versions', request: async c => ({ method: 'POST', path: `/api/reports/${c.reportId}/versions`, body: { name: 'Draft for peer review' } }), expected: { ...secretariatOnly(201), author: 201 } },
  {
    name: 'POST versions/:id/restore',
    request: async (c) => {
      const { version } = await c.secretariat.call('POST', `/api/reports/${c.reportId}/versions`, { name: 'Checkpoint' })
      return { method: 'POST', path: `/api/reports/${c.reportId}/versions/${version.id}/restore` }
    },
    expected: secretariatOnly(200),
  },
  { name: 'GET text', request: async c => ({ method: 'GET', path: `/api/reports/${c.reportId}/text` }), expected: member(200) },
  { name: 'GET check', request: async c => ({ method: 'GET', path: `/api/reports/${c.reportId}/check` }), expected: member(200) },
  { name: 'GET concluding-observations', request: async c => ({ method: 'GET', path: `/api/reports/${c.reportId}/concluding-observations` }), expected: member(200) },
  { name: 'POST concluding-observations', request: async c => ({ method: 'POST', path: `/api/reports/${c.reportId}/concluding-observations`, body: { text: '12. The Committee recommends that the State party:\n(a) Prohibit corporal punishment;\n(b) Monitor the ban.' } }), expected: secretariatOnly(200) },
  {
    name: 'GET versions/:id/text',
    request: async (c) => {
      const { version } = await c.secretariat.call('POST', `/api/reports/${c.reportId}/versions`, { name: 'To read' })
      return { method: 'GET', path: `/api/reports/${c.reportId}/versions/${version.id}/text` }
    },
    expected: member(200),
  },
  { name: 'GET export.docx', request: async c => ({ method: 'GET', path: `/api/reports/${c.reportId}/export.docx` }), expected: member(200) },
  { name: 'GET export.pdf (no converter here: 503 once allowed)', request: async c => ({ method: 'GET', path: `/api/reports/${c.reportId}/export.pdf` }), expected: member(503) },
  { name: 'GET /api/export/pdf', request: async () => ({ method: 'GET', path: '/api/export/pdf' }), expected: signedIn(200) },
  {
    name: 'POST section import (convert only)',
    request: async c => ({ method: 'POST', path: `/api/reports/${c.reportId}/sections/${c.sectionId}/import?apply=0`, body: docxForm() }),
    expected: { ...secretariatOnly(200), author: 200 },
  },
  {
    name: 'PUT /api/reports/:id/images/:sha256',
    // Different bytes for each identity, so every allowed upload is a new one (201).
    request: async (c, who) => {
      const png = makePng(8, 8, IDENTITIES.indexOf(who) + 1)
      return { method: 'PUT', path: `/api/reports/${c.reportId}/images/${sha256Hex(png)}`, body: png, headers: { 'content-type': 'image/png' } }
    },
    expected: { ...secretariatOnly(201), author: 201 },
  },
  {
    name: 'GET /api/reports/:id/images/:sha256',
    request: async (c) => {
      const png = makePng(8, 8, 99)
      await c.secretariat.raw('PUT', `/api/reports/${c.reportId}/images/${sha256Hex(png)}`, png, { 'content-type': 'image/png' })
      return { method: 'GET', path: `/api/reports/${c.reportId}/images/${sha256Hex(png)}` }
    },
    expected: member(200),
  },
  { name: 'GET /api/reports/:id/images', request: async c => ({ method: 'GET', path: `/api/reports/${c.reportId}/images` }), expected: member(200) },
  { name: 'GET /api/inbox', request: async () => ({ method: 'GET', path: '/api/inbox' }), expected: signedIn(200) },
  { name: 'GET /api/inbox?reportId', request: async c => ({ method: 'GET', path: `/api/inbox?reportId=${c.reportId}` }), expected: member(200) },
  { name: 'POST /api/inbox/read', request: async c => ({ method: 'POST', path: '/api/inbox/read', body: { ids: [`${c.reportId}:x`] } }), expected: signedIn(200) },
  { name: 'GET comments.csv', request: async c => ({ method: 'GET', path: `/api/reports/${c.reportId}/comments.csv` }), expected: secretariatOnly(200) },
  {
    name: 'DELETE /api/reports/:id',
    request: async (c) => {
      // A throwaway report with the same memberships, so each identity tries to delete a live one.
      const { id } = await c.secretariat.call('POST', '/api/reports', { title: 'Throwaway', templateId: 'blank' })
      for (const role of ['viewer', 'reviewer', 'author'] as const) {
        const me = await c.apis[role].call('GET', '/api/auth/me')
        await c.secretariat.call('POST', `/api/reports/${id}/members`, { email: me.user.email, role })
      }
      return { method: 'DELETE', path: `/api/reports/${id}` }
    },
    expected: secretariatOnly(200),
  },
]

async function buildContext(url: string): Promise<Ctx> {
  const admin = await setupAdmin(url)
  const secretariat = await createAccount(admin.api, 'Secretariat')
  const { id: reportId } = await secretariat.api.call('POST', '/api/reports', { title: 'Matrix report', templateId: 'crc-alternative-report' })
  const apis = { anonymous: new Api(url), admin: admin.api, secretariat: secretariat.api } as Record<Identity, Api>
  const ids = { anonymous: '', admin: admin.account.id, secretariat: secretariat.account.id } as Record<Identity, string>
  for (const who of ['nonMember', 'viewer', 'reviewer', 'author'] as const) {
    const acc = await createAccount(admin.api, who)
    apis[who] = acc.api
    ids[who] = acc.account.id
    if (who !== 'nonMember') await secretariat.api.call('POST', `/api/reports/${reportId}/members`, { email: acc.account.email, role: who })
  }
  const report = await secretariat.api.call('GET', `/api/reports/${reportId}`)
  const [sectionId, ownedSectionId] = [report.sections[2].id, report.sections[3].id]
  await secretariat.api.call('PATCH', `/api/reports/${reportId}/sections/${ownedSectionId}`, { ownerId: ids.author })
  return { reportId, sectionId, ownedSectionId, secretariat: secretariat.api, apis, ids }
}

const pgReachable = await postgresAvailable()
if (!pgReachable && process.env.REQUIRE_SERVICES === '1') throw new Error('PostgreSQL is required (REQUIRE_SERVICES=1) but not reachable')

for (const engine of ['sqlite', 'postgres'] as const) {
  describe.skipIf(engine === 'postgres' && !pgReachable)(`HTTP authorisation matrix on ${engine}`, () => {
    let server: ServerHandle
    let dropSchema: (() => Promise<void>) | undefined
    let ctx: Ctx

    beforeAll(async () => {
      // No PDF converter on this server: the matrix checks who may ask, not LibreOffice (pdfExport.test.ts does).
      const env: Record<string, string> = { SOFFICE_PATH: '/nonexistent/soffice', GOTENBERG_URL: '' }
      if (engine === 'postgres') {
        const pg = await freshPostgresUrl()
        env.DATABASE_URL = pg.url
        dropSchema = pg.drop
      }
      server = await startServer({ env })
      ctx = await buildContext(server.url)
    })
    afterAll(async () => {
      await server?.stop()
      if (server) removeDataDir(server.dataDir)
      await dropSchema?.()
    })

    it('answers every route for every identity exactly as the role matrix says', async () => {
      const differences: string[] = []
      for (const route of ROUTES) {
        for (const who of IDENTITIES) {
          const req = await route.request(ctx, who)
          const res = await ctx.apis[who].raw(req.method, req.path, req.body, req.headers)
          const expected = route.expected[who]
          if (res.status !== expected) differences.push(`${route.name} as ${who}: got ${res.status}, expected ${expected}`)
        }
      }
      expect(differences).toEqual([])
    }, 180_000)

    it('never reveals a report\'s title to a non-member', async () => {
      const res = await ctx.apis.nonMember.raw('GET', `/api/reports/${ctx.reportId}`)
      expect(res.status).toBe(404)
      expect(await res.text()).not.toContain('Matrix report')
      const list = await ctx.apis.nonMember.call('GET', '/api/reports')
      expect(JSON.stringify(list)).not.toContain('Matrix report')
    })

    it('logs denials without passwords', async () => {
      await new Api(server.url).raw('POST', '/api/auth/login', { email: 'nobody@example.org', password: 'secret-password-xyz' })
      await new Promise(r => setTimeout(r, 200))
      expect(server.output()).toContain('[denied]')
      expect(server.output()).not.toContain('secret-password-xyz')
    })
  })
}
