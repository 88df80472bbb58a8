/**
 * An /api path that names no route is a JSON 404 for any method, not the app's HTML page (which
 * a client would take for success); known routes, the app's pages and the collaboration
 * websocket are untouched by the catch-all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { setupAdmin } from '../support/api'
import type { Api } from '../support/api'
import { YClient } from './support/yclient'

describe('unknown /api paths', () => {
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

  for (const [method, path] of [['GET', '/api/nope'], ['GET', '/api/reports/abcdef123456/nope'], ['POST', '/api/nope'], ['DELETE', '/api/auth/nope'], ['PUT', '/api/reports'], ['GET', '/api/auth/login'], ['GET', '/api/collab']] as const) {
    it(`${method} ${path} answers a JSON 404 naming the path, signed in or not`, async () => {
      for (const api of [admin, null]) {
        const res = await fetch(server.url + path, { method, headers: api ? { cookie: api.cookie } : {} })
        expect(res.status).toBe(404)
        expect(res.headers.get('content-type')).toContain('application/json')
        expect(await res.json()).toMatchObject({ statusCode: 404, message: `No such API route: ${method} ${path}` })
      }
    })
  }

  it('leaves known routes, pages and icons as they were', async () => {
    expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ ok: true })
    expect((await admin.call('GET', '/api/templates')).length).toBeGreaterThan(0)
    expect(await (await fetch(`${server.url}/api/auth/me`)).json()).toEqual({ user: null })
    const page = await fetch(`${server.url}/login`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
  })

  it('still connects the collaboration websocket at /api/collab/<reportId>', async () => {
    const { id } = await admin.call('POST', '/api/reports', { title: 'Socket', templateId: 'blank' })
    const client = new YClient(server.url, id, admin.cookie)
    try {
      await client.synced()
      expect(client.doc.getArray('sections').length).toBeGreaterThan(0)
    } finally {
      client.destroy()
    }
  })
})
