/**
 * Ending a session ends its websockets: sign-out, "sign out everywhere", a password change, the
 * administrator removing the account and the session's expiry each close the sockets opened
 * under that session with 4401 within 5 s, and a write sent afterwards is neither stored nor
 * broadcast. Sockets of other sessions stay open. Real server processes, real y-websocket
 * clients; the last test runs two instances on PostgreSQL + Redis (skipped without them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { Api, createAccount, setupAdmin } from '../support/api'
import type { Account } from '../support/api'
import { REDIS_URL, freshPostgresUrl, postgresAvailable } from '../support/databases'
import { collabFixture } from './support/yclientFixture'
import type { CollabFixture } from './support/yclientFixture'
import { YClient, eventually, storedDocSqlite } from './support/yclient'

const servers: ServerHandle[] = []
const clients: YClient[] = []
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

afterAll(async () => {
  for (const c of clients) c.destroy()
  for (const s of servers) {
    await s.stop()
    removeDataDir(s.dataDir)
  }
})

async function serve(env: Record<string, string> = {}): Promise<ServerHandle> {
  const server = await startServer({ env })
  servers.push(server)
  return server
}

/** A new session of `account` (its own cookie), as a second browser would have. */
async function signIn(baseUrl: string, account: Account): Promise<Api> {
  const api = new Api(baseUrl)
  await api.call('POST', '/api/auth/login', { email: account.email, password: account.password })
  return api
}

async function connect(baseUrl: string, reportId: string, cookie: string): Promise<YClient> {
  const c = new YClient(baseUrl, reportId, cookie)
  clients.push(c)
  await c.synced()
  return c
}

/** The text of every section body of a document. */
const allText = (doc: Y.Doc) => [...doc.share.keys()].filter(k => k.startsWith('section:')).map(k => doc.getXmlFragment(k).toString()).join('\n')

/** Type `text` as a new paragraph at the start of the first section. */
function type(doc: Y.Doc, sectionId: string, text: string): void {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment(`section:${sectionId}`).insert(0, [p])
}

/** Close within 5 s of `started`, with 4401 and the given reason. */
async function expectEnded(client: YClient, started: number, reason: RegExp): Promise<void> {
  const close = await client.closed(5000)
  expect(close.code).toBe(4401)
  expect(close.reason).toMatch(reason)
  expect(Date.now() - started).toBeLessThan(5000)
}

/**
 * The ended client types and reconnects with its old cookie (a stock provider stops after a 44xx
 * close; this one is told to try again); a live client of another session then types too. The
 * watcher sees the second edit (so the first would have arrived before it), never the first (nor
 * `alsoLost`, typed earlier); neither a fresh client nor the store has them.
 */
async function expectWriteDropped(s: { baseUrl: string, reportId: string, sectionId: string, ended: YClient, writer: YClient, watcher: YClient, freshCookie: string, dataDir?: string, alsoLost?: string }): Promise<void> {
  const lost = [`after the session ended ${Math.random()}`, ...(s.alsoLost ? [s.alsoLost] : [])]
  type(s.ended.doc, s.sectionId, lost[0]!)
  s.ended.provider.connect()
  await eventually(() => s.ended.closes.length >= 2, 5000, 'the reconnection to be refused')
  expect(s.ended.closes[1]).toEqual({ code: 4401, reason: 'not signed in' })
  const kept = `from a live session ${Math.random()}`
  type(s.writer.doc, s.sectionId, kept)
  await eventually(() => allText(s.watcher.doc).includes(kept), 5000, 'the live session\'s edit')
  const fresh = await connect(s.baseUrl, s.reportId, s.freshCookie)
  expect(allText(fresh.doc)).toContain(kept)
  const stored = s.dataDir ? allText(storedDocSqlite(s.dataDir, s.reportId)) : ''
  for (const text of lost) {
    expect(allText(s.watcher.doc)).not.toContain(text)
    expect(allText(fresh.doc)).not.toContain(text)
    expect(stored).not.toContain(text)
  }
}

const stillOpen = (c: YClient) => c.closes.length === 0 && c.provider.wsconnected

describe('ending a session closes its sockets (one instance)', () => {
  let server: ServerHandle
  let fx: CollabFixture
  const section = () => fx.sectionIds[0]!

  beforeAll(async () => {
    server = await serve()
    fx = await collabFixture(server.url)
  })

  it('sign-out closes that session\'s socket with 4401; the same account\'s other session and other accounts stay connected', async () => {
    const here = await signIn(fx.baseUrl, fx.accounts.author)
    const there = await signIn(fx.baseUrl, fx.accounts.author)
    const ended = await connect(fx.baseUrl, fx.reportId, here.cookie)
    const otherSession = await connect(fx.baseUrl, fx.reportId, there.cookie)
    const watcher = await connect(fx.baseUrl, fx.reportId, fx.accounts.reviewer.cookie)
    const started = Date.now()
    await here.call('POST', '/api/auth/logout')
    // Typed the moment sign-out returns, before the client has even read the close.
    const alsoLost = `as sign-out returned ${Math.random()}`
    type(ended.doc, section(), alsoLost)
    await expectEnded(ended, started, /signed out/)
    await expectWriteDropped({ baseUrl: fx.baseUrl, reportId: fx.reportId, sectionId: section(), ended, writer: otherSession, watcher, freshCookie: fx.accounts.viewer.cookie, dataDir: server.dataDir, alsoLost })
    expect(stillOpen(otherSession)).toBe(true)
    expect(stillOpen(watcher)).toBe(true)
  })

  it('"sign out everywhere" closes every socket of the account, and only that account\'s', async () => {
    const one = await signIn(fx.baseUrl, fx.accounts.author)
    const two = await signIn(fx.baseUrl, fx.accounts.author)
    const endedOne = await connect(fx.baseUrl, fx.reportId, one.cookie)
    const endedTwo = await connect(fx.baseUrl, fx.reportId, two.cookie)
    const writer = await connect(fx.baseUrl, fx.reportId, fx.accounts.secretariat.cookie)
    const watcher = await connect(fx.baseUrl, fx.reportId, fx.accounts.reviewer.cookie)
    const started = Date.now()
    await one.call('POST', '/api/auth/logout-everywhere')
    await expectEnded(endedOne, started, /signed out everywhere/)
    await expectEnded(endedTwo, started, /signed out everywhere/)
    expect((await two.call('GET', '/api/auth/me')).user).toBeNull()
    await expectWriteDropped({ baseUrl: fx.baseUrl, reportId: fx.reportId, sectionId: section(), ended: endedTwo, writer, watcher, freshCookie: fx.accounts.viewer.cookie, dataDir: server.dataDir })
    expect(stillOpen(writer) && stillOpen(watcher)).toBe(true)
  })

  it('a password change closes the account\'s other sessions\' sockets and keeps the one that changed it', async () => {
    const extra = await createAccount(fx.apis.secretariat, 'Password Changer')
    await fx.apis.secretariat.call('POST', `/api/reports/${fx.reportId}/members`, { email: extra.account.email, role: 'author' })
    const other = await signIn(fx.baseUrl, extra.account)
    const ended = await connect(fx.baseUrl, fx.reportId, other.cookie)
    const kept = await connect(fx.baseUrl, fx.reportId, extra.api.cookie)
    const watcher = await connect(fx.baseUrl, fx.reportId, fx.accounts.reviewer.cookie)
    const started = Date.now()
    await extra.api.call('POST', '/api/auth/password', { currentPassword: extra.account.password, newPassword: 'a brand new password' })
    await expectEnded(ended, started, /password changed/)
    expect((await other.call('GET', '/api/auth/me')).user).toBeNull()
    expect((await extra.api.call('GET', '/api/auth/me')).user.id).toBe(extra.account.id)
    await expectWriteDropped({ baseUrl: fx.baseUrl, reportId: fx.reportId, sectionId: section(), ended, writer: kept, watcher, freshCookie: fx.accounts.viewer.cookie, dataDir: server.dataDir })
    expect(stillOpen(kept) && stillOpen(watcher)).toBe(true)
    expect((await new Api(fx.baseUrl).raw('POST', '/api/auth/login', { email: extra.account.email, password: extra.account.password })).status).toBe(401)
    await signIn(fx.baseUrl, { ...extra.account, password: 'a brand new password' })
  })

  it('the administrator removing an account closes its sockets; its reports keep a secretariat', async () => {
    const removed = await createAccount(fx.apis.secretariat, 'Removed Member')
    await fx.apis.secretariat.call('POST', `/api/reports/${fx.reportId}/members`, { email: removed.account.email, role: 'author' })
    const { id: ownReport } = await removed.api.call('POST', '/api/reports', { title: 'Report of the removed member', templateId: 'blank' })
    const ended = await connect(fx.baseUrl, fx.reportId, removed.account.cookie)
    // (The author's fixture session ended with "sign out everywhere" above.)
    const writer = await connect(fx.baseUrl, fx.reportId, fx.accounts.secretariat.cookie)
    const watcher = await connect(fx.baseUrl, fx.reportId, fx.accounts.reviewer.cookie)
    const started = Date.now()
    await fx.apis.secretariat.call('DELETE', `/api/users/${removed.account.id}`)
    await expectEnded(ended, started, /account removed/)
    await expectWriteDropped({ baseUrl: fx.baseUrl, reportId: fx.reportId, sectionId: section(), ended, writer, watcher, freshCookie: fx.accounts.viewer.cookie, dataDir: server.dataDir })
    expect(stillOpen(writer) && stillOpen(watcher)).toBe(true)
    expect((await new Api(fx.baseUrl).raw('POST', '/api/auth/login', { email: removed.account.email, password: removed.account.password })).status).toBe(401)
    const { users } = await fx.apis.secretariat.call('GET', '/api/users')
    expect(users.map((u: { id: string }) => u.id)).not.toContain(removed.account.id)
    const { members } = await fx.apis.secretariat.call('GET', `/api/reports/${fx.reportId}/members`)
    expect(members.map((m: { userId: string }) => m.userId)).not.toContain(removed.account.id)
    // The report they were the only secretariat of passes to the administrator who removed them.
    expect((await fx.apis.secretariat.call('GET', `/api/reports/${ownReport}`)).role).toBe('secretariat')
  })
})

describe('a session that expires closes its sockets', () => {
  it('closes the socket with 4401 "session expired" when the session\'s max age (SESSION_MAX_AGE_S) passes', async () => {
    const maxAgeS = 8
    const server = await serve({ SESSION_MAX_AGE_S: String(maxAgeS) })
    const admin = await setupAdmin(server.url)
    const author = await createAccount(admin.api, 'Expiring Author')
    const { id: reportId } = await admin.api.call('POST', '/api/reports', { title: 'Expiry', templateId: 'blank' })
    await admin.api.call('POST', `/api/reports/${reportId}/members`, { email: author.account.email, role: 'author' })
    const signedInAt = Date.now()
    const session = await signIn(server.url, author.account)
    const ended = await connect(server.url, reportId, session.cookie)
    const sectionId = ended.doc.getArray<Y.Map<unknown>>('sections').get(0).get('id') as string
    await sleep(4000)
    // A later session of another account: still valid when the author's expires.
    const later = await signIn(server.url, admin.account)
    const writer = await connect(server.url, reportId, later.cookie)
    const watcher = await connect(server.url, reportId, later.cookie)
    const close = await ended.closed(maxAgeS * 1000 + 5000)
    const closedAfter = Date.now() - signedInAt
    expect(close).toEqual({ code: 4401, reason: 'session expired' })
    expect(closedAfter).toBeGreaterThanOrEqual(maxAgeS * 1000 - 500)
    expect(closedAfter).toBeLessThan(maxAgeS * 1000 + 5000)
    expect(stillOpen(writer) && stillOpen(watcher)).toBe(true)
    await expectWriteDropped({ baseUrl: server.url, reportId, sectionId, ended, writer, watcher, freshCookie: later.cookie, dataDir: server.dataDir })
  })
})

const scaled = REDIS_URL !== '' && (await postgresAvailable())
if (!scaled && process.env.REQUIRE_SERVICES === '1') throw new Error('PostgreSQL and Redis are required (TEST_DATABASE_URL, TEST_REDIS_URL)')

describe.skipIf(!scaled)('two instances', () => {
  let drop: (() => Promise<void>) | null = null
  afterAll(async () => drop?.())

  it('signing out through instance A closes that session\'s socket on instance B within 5 s', async () => {
    const pg = await freshPostgresUrl()
    drop = pg.drop
    const env = { DATABASE_URL: pg.url, REDIS_URL, NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex') }
    const a = await serve(env)
    const b = await serve(env)
    const fx = await collabFixture(a.url)
    const session = await signIn(a.url, fx.accounts.author)
    const endedOnB = await connect(b.url, fx.reportId, session.cookie)
    const writer = await connect(b.url, fx.reportId, fx.accounts.secretariat.cookie)
    const watcher = await connect(a.url, fx.reportId, fx.accounts.reviewer.cookie)
    const started = Date.now()
    await session.call('POST', '/api/auth/logout')
    await expectEnded(endedOnB, started, /signed out/)
    await expectWriteDropped({ baseUrl: b.url, reportId: fx.reportId, sectionId: fx.sectionIds[0]!, ended: endedOnB, writer, watcher, freshCookie: fx.accounts.viewer.cookie })
    expect(stillOpen(writer) && stillOpen(watcher)).toBe(true)
  })
})
