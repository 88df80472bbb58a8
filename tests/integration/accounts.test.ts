/**
 * First run, sign-in, sessions, invitation links and rate limits, against the real server.
 * The tests share one server and run in order (the per-IP limit test comes last: it locks the address).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { Api, createAccount, setupAdmin, uniqueEmail } from '../support/api'
import type { Account } from '../support/api'

describe('accounts, sessions and invitations', () => {
  let server: ServerHandle
  let admin: { api: Api, account: Account }

  beforeAll(async () => {
    server = await startServer({ env: { LOGIN_LIMIT_IP: '22', LOGIN_LIMIT_ACCOUNT: '5' } })
  })
  afterAll(async () => {
    await server.stop()
    removeDataDir(server.dataDir)
  })

  it('asks for setup until the first account exists, then refuses a second setup with 409', async () => {
    const anon = new Api(server.url)
    expect(await anon.call('GET', '/api/setup')).toEqual({ needed: true })
    const bad = await anon.raw('POST', '/api/setup', { name: 'A', email: 'not-an-email', password: 'long enough pw' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).message).toMatch(/^email:/)
    admin = await setupAdmin(server.url)
    expect((await admin.api.call('GET', '/api/auth/me')).user).toMatchObject({ email: admin.account.email, isAdmin: true })
    expect(await anon.call('GET', '/api/setup')).toEqual({ needed: false })
    expect((await anon.raw('POST', '/api/setup', { name: 'B', email: uniqueEmail(), password: 'long enough pw' })).status).toBe(409)
  })

  it('sets an HttpOnly, SameSite=Lax session cookie and revokes the session on sign-out', async () => {
    const res = await new Api(server.url).raw('POST', '/api/auth/login', { email: admin.account.email, password: admin.account.password })
    expect(res.status).toBe(200)
    const cookie = res.headers.getSetCookie().find(c => c.startsWith('chorus_session='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/;\s*Secure/i) // plain http here; PUBLIC_ORIGIN=https://… makes it Secure
    const sealed = cookie.split(';')[0]!
    const api = new Api(server.url, sealed)
    expect((await api.call('GET', '/api/auth/me')).user.email).toBe(admin.account.email)
    await api.call('POST', '/api/auth/logout')
    // A copy of the old cookie no longer signs anyone in.
    expect((await new Api(server.url, sealed).call('GET', '/api/auth/me')).user).toBeNull()
  })

  it('says "wrong email or password" alike for an unknown account and a wrong password', async () => {
    const anon = new Api(server.url)
    const unknown = await anon.raw('POST', '/api/auth/login', { email: uniqueEmail('ghost'), password: 'some password' })
    const wrong = await anon.raw('POST', '/api/auth/login', { email: admin.account.email, password: 'not the password' })
    expect([unknown.status, wrong.status]).toEqual([401, 401])
    expect((await unknown.json()).message).toBe((await wrong.json()).message)
  })

  it('lets only the administrator create accounts, and refuses a duplicate email with 409', async () => {
    const { api: member, account } = await createAccount(admin.api, 'Member')
    expect((await member.raw('POST', '/api/users', { name: 'X', email: uniqueEmail(), password: 'long enough pw' })).status).toBe(403)
    expect((await admin.api.raw('POST', '/api/users', { name: 'Dup', email: account.email.toUpperCase(), password: 'long enough pw' })).status).toBe(409)
    const short = await admin.api.raw('POST', '/api/users', { name: 'Short', email: uniqueEmail(), password: 'short' })
    expect(short.status).toBe(400)
    expect((await short.json()).data.field).toBe('password')
  })

  it('invites by a one-time, expiring link that carries the role, also for someone without an account', async () => {
    const { id: reportId } = await admin.api.call('POST', '/api/reports', { title: 'Invitation report', templateId: 'crc-alternative-report' })
    const { url, token } = await admin.api.call('POST', `/api/reports/${reportId}/invitations`, { role: 'reviewer', expiresInDays: 3 })
    expect(url).toBe(`${server.url}/invite/${token}`)
    const anon = new Api(server.url)
    const info = await anon.call('GET', `/api/invitations/${token}`)
    expect(info).toMatchObject({ reportTitle: 'Invitation report', role: 'reviewer', state: 'open' })
    const needAccount = await anon.raw('POST', `/api/invitations/${token}/accept`, {})
    expect(needAccount.status).toBe(401)
    const joined = await anon.call('POST', `/api/invitations/${token}/accept`, { name: 'Rita Reviewer', email: uniqueEmail('rita'), password: 'reviewer password' })
    expect(joined).toMatchObject({ reportId, role: 'reviewer' })
    // Signed in by the acceptance, with the role the link carried.
    expect((await anon.call('GET', `/api/reports/${reportId}`)).role).toBe('reviewer')
    // The link works once.
    const { api: other } = await createAccount(admin.api, 'Latecomer')
    expect((await other.raw('POST', `/api/invitations/${token}/accept`, {})).status).toBe(409)
    expect((await anon.call('GET', `/api/invitations/${token}`)).state).toBe('used')
    expect((await anon.raw('GET', '/api/invitations/not-a-real-token-at-all-xyz')).status).toBe(404)
  })

  it('rate-limits failed sign-ins per account with 429 and Retry-After', async () => {
    const { account } = await createAccount(admin.api, 'Limited')
    const anon = new Api(server.url)
    for (let i = 0; i < 5; i++) expect((await anon.raw('POST', '/api/auth/login', { email: account.email, password: 'wrong password!' })).status).toBe(401)
    const limited = await anon.raw('POST', '/api/auth/login', { email: account.email, password: account.password })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('rate-limits sign-in attempts per IP address', async () => {
    const anon = new Api(server.url)
    let status = 0
    for (let i = 0; i < 25 && status !== 429; i++) status = (await anon.raw('POST', '/api/auth/login', { email: uniqueEmail('spray'), password: 'whatever pw' })).status
    expect(status).toBe(429)
  })
})
