/** Web security at the boundary: CSRF refusal, security headers and CSP, validation, size limits, no third-party hosts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import type { Api} from '../support/api';
import { setupAdmin } from '../support/api'

describe('web security', () => {
  let server: ServerHandle
  let admin: Api
  beforeAll(async () => {
    server = await startServer()
    admin = (await setupAdmin(server.url)).api
  })
  afterAll(async () => {
    await server.stop()
    removeDataDir(server.dataDir)
  })

  it('refuses state-changing requests from another site and changes nothing', async () => {
    const before = (await admin.call('GET', '/api/reports')).reports.length
    const byOrigin = await admin.raw('POST', '/api/reports', { title: 'CSRF', templateId: 'blank' }, { origin: 'https://evil.example' })
    const byFetchSite = await admin.raw('POST', '/api/reports', { title: 'CSRF', templateId: 'blank' }, { 'sec-fetch-site': 'cross-site' })
    expect([byOrigin.status, byFetchSite.status]).toEqual([403, 403])
    expect((await admin.call('GET', '/api/reports')).reports.length).toBe(before)
    const sameOrigin = await admin.raw('POST', '/api/reports', { title: 'Fine', templateId: 'blank' }, { origin: server.url, 'sec-fetch-site': 'same-origin' })
    expect(sameOrigin.status).toBe(201)
  })

  it('names the invalid field in a 400 and stores nothing', async () => {
    const before = (await admin.call('GET', '/api/reports')).reports.length
    const res = await admin.raw('POST', '/api/reports', { title: '', templateId: 'blank' })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body).toMatchObject({ statusCode: 400, data: { field: 'title' } })
    expect(body.message).toMatch(/^title:/)
    const badTemplate = await admin.raw('POST', '/api/reports', { title: 'X', templateId: 'nope' })
    expect((await badTemplate.json()).data.field).toBe('templateId')
    const badJson = await admin.raw('POST', '/api/reports', undefined, { 'content-type': 'application/json', 'content-length': '5' })
    expect(badJson.status).toBe(400)
    expect((await admin.call('GET', '/api/reports')).reports.length).toBe(before)
  })

  it('refuses an oversized JSON body with 413', async () => {
    const res = await admin.raw('POST', '/api/reports', { title: 'x'.repeat(2 * 1024 * 1024), templateId: 'blank' })
    expect(res.status).toBe(413)
  })

  it('serves pages with a nonce-based CSP, anti-framing and nosniff headers, and no third-party URLs', async () => {
    const res = await fetch(`${server.url}/login`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    const html = await res.text()
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
      if (!/\bsrc=/.test(tag)) expect(tag).toContain(`nonce="${nonce}"`)
    }
    const external = (html.match(/(?:src|href)="(https?:)?\/\/[^"]+"/g) ?? []).filter(u => !u.includes('127.0.0.1'))
    expect(external).toEqual([])
  })
})
