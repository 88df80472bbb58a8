/**
 * The routes that end sessions, refusing what they must: changing the password needs the current
 * one and a valid new one; only the workspace administrator removes accounts, never their own,
 * and an unknown account is a 404. Every error is `{ statusCode, message }`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { Api, createAccount, setupAdmin } from '../support/api'
import type { Account } from '../support/api'

let server: ServerHandle
let admin: { api: Api, account: Account }
let member: { api: Api, account: Account }

beforeAll(async () => {
  server = await startServer()
  admin = await setupAdmin(server.url)
  member = await createAccount(admin.api, 'Plain Member')
})

afterAll(async () => {
  await server?.stop()
  if (server) removeDataDir(server.dataDir)
})

async function expectError(res: Response, status: number, message: RegExp): Promise<void> {
  expect(res.status).toBe(status)
  const body = await res.json()
  expect(body.statusCode).toBe(status)
  expect(body.message).toMatch(message)
}

describe('POST /api/auth/password', () => {
  it('refuses a wrong current password with 403 and keeps the old password', async () => {
    await expectError(await member.api.raw('POST', '/api/auth/password', { currentPassword: 'not my password', newPassword: 'another long password' }), 403, /current password/i)
    expect((await new Api(server.url).raw('POST', '/api/auth/login', { email: member.account.email, password: member.account.password })).status).toBe(200)
  })

  it('refuses a new password that is too short or the same as the current one with 400, naming the field', async () => {
    await expectError(await member.api.raw('POST', '/api/auth/password', { currentPassword: member.account.password, newPassword: 'short' }), 400, /^newPassword:/)
    await expectError(await member.api.raw('POST', '/api/auth/password', { currentPassword: member.account.password, newPassword: member.account.password }), 400, /^newPassword:/)
  })

  it('needs a signed-in session (401)', async () => {
    await expectError(await new Api(server.url).raw('POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'another long password' }), 401, /sign in/i)
  })
})

describe('POST /api/auth/logout-everywhere', () => {
  it('needs a signed-in session (401)', async () => {
    await expectError(await new Api(server.url).raw('POST', '/api/auth/logout-everywhere'), 401, /sign in/i)
  })
})

describe('DELETE /api/users/:id', () => {
  it('is refused to anyone but the workspace administrator (403), and the account stays', async () => {
    const target = await createAccount(admin.api, 'Target One')
    await expectError(await member.api.raw('DELETE', `/api/users/${target.account.id}`), 403, /administrator/)
    expect((await target.api.call('GET', '/api/auth/me')).user.id).toBe(target.account.id)
  })

  it('answers 404 for an unknown account and for one already removed', async () => {
    await expectError(await admin.api.raw('DELETE', '/api/users/nosuchaccount000'), 404, /account/)
    const target = await createAccount(admin.api, 'Target Two')
    expect((await admin.api.raw('DELETE', `/api/users/${target.account.id}`)).status).toBe(200)
    await expectError(await admin.api.raw('DELETE', `/api/users/${target.account.id}`), 404, /account/)
  })

  it('refuses to remove your own account (409)', async () => {
    await expectError(await admin.api.raw('DELETE', `/api/users/${admin.account.id}`), 409, /your own account/)
    expect((await admin.api.call('GET', '/api/auth/me')).user.id).toBe(admin.account.id)
  })

  it('revokes the invitation links the removed account issued, and hands over only reports it ran alone', async () => {
    const target = await createAccount(admin.api, 'Target Four')
    const { id: alone } = await target.api.call('POST', '/api/reports', { title: 'Run alone', templateId: 'blank' })
    const { id: shared } = await target.api.call('POST', '/api/reports', { title: 'Run with another', templateId: 'blank' })
    await target.api.call('POST', `/api/reports/${shared}/members`, { email: member.account.email, role: 'secretariat' })
    const { token } = await target.api.call('POST', `/api/reports/${alone}/invitations`, { role: 'author' })
    expect((await new Api(server.url).raw('GET', `/api/invitations/${token}`)).status).toBe(200)
    await admin.api.call('DELETE', `/api/users/${target.account.id}`)
    expect((await new Api(server.url).raw('GET', `/api/invitations/${token}`)).status).toBe(404)
    expect((await admin.api.call('GET', `/api/reports/${alone}`)).role).toBe('secretariat')
    expect((await admin.api.raw('GET', `/api/reports/${shared}`)).status).toBe(404)
    const { members } = await member.api.call('GET', `/api/reports/${shared}/members`)
    expect(members.map((m: { userId: string }) => m.userId)).toEqual([member.account.id])
  })

  it('frees the email address for a new account', async () => {
    const target = await createAccount(admin.api, 'Target Three')
    await admin.api.call('DELETE', `/api/users/${target.account.id}`)
    const again = await admin.api.call('POST', '/api/users', { name: 'Target Three again', email: target.account.email, password: 'member-password-456' })
    expect(again.user.id).not.toBe(target.account.id)
  })
})
