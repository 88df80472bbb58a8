/**
 * Request bodies are limited while they arrive, whatever their framing: a chunked body with no
 * length, a declared Content-Length, anonymous or signed in. Every route that changes something
 * is tried (found from server/api on disk), so a new route cannot slip past the limit.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, removeDataDir, ROOT } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { createAccount, setupAdmin } from '../support/api'
import type { Api } from '../support/api'
import { streamBody, watchResident } from './support/rawHttp'
import { bodyLimitFor } from '../../server/http/bodyLimits'

const KiB = 1024
const MiB = 1024 * KiB
const FIXTURE = readFileSync(resolve(ROOT, '../shared/fixtures/cluster-v-draft.docx'))

/** A multipart body with one field `file`, as the browser's FormData sends it. */
function multipart(file: Buffer): { body: Buffer, type: string } {
  const boundary = '----chorus-test-boundary'
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="draft.docx"\r\nContent-Type: application/octet-stream\r\n\r\n`
  return { body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` }
}

interface RouteFile { method: string, path: string, file: string, readsBody: boolean }

/** Every route file under server/api that is not GET-only, with a URL that reaches it. */
function writeRoutes(): RouteFile[] {
  const apiDir = join(ROOT, 'server/api')
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
    .flatMap(e => e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])
  return walk(apiDir).flatMap((file) => {
    const rel = relative(apiDir, file).replace(/\.ts$/, '')
    const method = /\.(get|post|patch|put|delete)$/.exec(rel)?.[1]?.toUpperCase()
    if (method === 'GET') return []
    const path = '/api/' + rel.replace(/\.(post|patch|put|delete)$/, '').split('/')
      .filter(s => s !== 'index')
      .map(s => s.startsWith('[...') ? 'no/such/thing' : s.startsWith('[') ? 'abcdef123456' : s)
      .join('/')
    const source = readFileSync(file, 'utf8')
    return [{ method: method ?? 'POST', path, file: rel, readsBody: /validBody|readBody|readRawBody|readMultipartFormData|readFormData/.test(source) }]
  })
    // Routes that end or change the session go last, so a route that ran its handler cannot sign the others out.
    .sort((a, b) => Number(/auth\/(logout|password)/.test(a.file)) - Number(/auth\/(logout|password)/.test(b.file)))
}

describe('request size limits', () => {
  let server: ServerHandle
  let admin: Api
  let author: Api
  let importPath: string

  beforeAll(async () => {
    server = await startServer()
    admin = (await setupAdmin(server.url)).api
    const made = await createAccount(admin, 'Author')
    author = made.api
    const { id } = await admin.call('POST', '/api/reports', { title: 'Limits', templateId: 'crc-alternative-report' })
    await admin.call('POST', `/api/reports/${id}/members`, { email: made.account.email, role: 'author' })
    const section = (await admin.call('GET', `/api/reports/${id}`)).sections[1]
    importPath = `/api/reports/${id}/sections/${section.id}/import`
  })
  afterAll(async () => {
    await server.stop()
    removeDataDir(server.dataDir)
  })

  it('refuses an anonymous 64 MiB chunked login with 413 at once, without buffering it', async () => {
    const memory = watchResident(server.process.pid!)
    const answer = await streamBody(server.url, { method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json' }, body: 64 * MiB, framing: 'chunked' })
      .finally(() => memory.stop())
    const grown = memory.stop()
    expect(answer.status).toBe(413)
    expect(answer.contentType).toContain('application/json')
    expect(answer.body).toMatchObject({ statusCode: 413 })
    expect(answer.sentBytes).toBeLessThan(32 * MiB)
    expect(answer.ms).toBeLessThan(5_000)
    expect(grown).toBeLessThan(50 * MiB)
  })

  it('refuses a declared Content-Length above the limit before reading the body', async () => {
    const answer = await streamBody(server.url, { method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json' }, body: 64 * MiB, framing: 'content-length' })
    expect(answer.status).toBe(413)
    expect(answer.body).toMatchObject({ statusCode: 413 })
    expect(answer.sentBytes).toBeLessThan(32 * MiB)
  })

  it('refuses a 40 MiB chunked DOCX upload from a signed-in author without reading it whole', async () => {
    const memory = watchResident(server.process.pid!)
    const answer = await streamBody(server.url, { method: 'POST', path: importPath, headers: { 'content-type': 'multipart/form-data; boundary=x', 'cookie': author.cookie }, body: 40 * MiB, framing: 'chunked' })
      .finally(() => memory.stop())
    const grown = memory.stop()
    expect(answer.status).toBe(413)
    expect(answer.body).toMatchObject({ statusCode: 413 })
    expect(answer.sentBytes).toBeLessThan(30 * MiB)
    expect(grown).toBeLessThan(50 * MiB)
  })

  it('caps a request without a session at the anonymous limit even on a signed-in route', async () => {
    const answer = await streamBody(server.url, { method: 'POST', path: importPath, headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: 1 * MiB, framing: 'chunked' })
    expect(answer.status).toBe(413)
  })

  it('refuses a body on a request that takes none (a GET), instead of reading it', async () => {
    const answer = await streamBody(server.url, { method: 'GET', path: '/api/health', body: 32 * MiB, framing: 'chunked' })
    expect(answer.status).toBe(413)
    expect(answer.sentBytes).toBeLessThan(16 * MiB)
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })

  it('still takes bodies within the limits, chunked or not: sign-in and a small DOCX import', async () => {
    const login = await streamBody(server.url, { method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ email: 'nobody@example.org', password: 'wrong-password' })), framing: 'chunked' })
    expect(login.status).toBe(401)
    const { body, type } = multipart(FIXTURE)
    for (const framing of ['chunked', 'content-length'] as const) {
      const answer = await streamBody(server.url, { method: 'POST', path: importPath, headers: { 'content-type': type, 'cookie': author.cookie }, body, framing })
      expect(answer.status, framing).toBe(200)
      expect(answer.body).toMatchObject({ applied: true })
    }
    const report = await admin.call('POST', '/api/reports', { title: 'Still works', templateId: 'blank' })
    expect(report.id).toBeTruthy()
  })

  describe('every route that takes a request body (found on disk)', () => {
    const routes = writeRoutes()
    it('finds the routes', () => {
      expect(routes.length).toBeGreaterThan(15)
      expect(routes.some(r => r.file.endsWith('import.post'))).toBe(true)
    })
    for (const route of routes) {
      it(`${route.method} ${route.file}: 413 to a chunked body above its limit, signed in and anonymous`, async () => {
        // A route that reads no body takes none (a single byte is over); one that does, 64 KiB past its own limit in the table.
        const over = !route.readsBody ? 1 : bodyLimitFor(route.method, route.path) + 64 * KiB
        const signedIn = await streamBody(server.url, { method: route.method, path: route.path, headers: { 'content-type': 'application/json', 'cookie': admin.cookie }, body: over, framing: 'chunked' })
        expect(signedIn.status, `${route.method} ${route.path} signed in`).toBe(413)
        const anonymous = await streamBody(server.url, { method: route.method, path: route.path, headers: { 'content-type': 'application/json' }, body: 32 * KiB, framing: 'chunked' })
        expect(anonymous.status, `${route.method} ${route.path} anonymous`).toBe(413)
        if (route.readsBody) {
          // …and a route that reads a body has a limit at all: a small one reaches the route (here, its validation).
          const small = await streamBody(server.url, { method: route.method, path: route.path, headers: { 'content-type': 'application/json', 'cookie': admin.cookie }, body: Buffer.from('{}'), framing: 'chunked' })
          expect(small.status, `${route.method} ${route.path} small body`).not.toBe(413)
        }
      })
    }
  })
})
