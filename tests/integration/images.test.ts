/**
 * Figures' pictures over HTTP, against the built server on SQLite and PostgreSQL: who may upload
 * (text editors) and read (members), what an upload must be (the bytes the type says, hashing to the
 * address, within the limits; SVG refused), the headers a picture is served with, a Word import
 * whose pictures are stored and exported back, and the reclaim after the room unloads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { Api, createAccount, setupAdmin } from '../support/api'
import { freshPostgresUrl, postgresAvailable } from '../support/databases'
import { docxParts } from '../fixtures-gen/readDocx'
import { fodt, fodtSizedPicture, libreOfficeDocx } from '../fixtures-gen/officeFiles'
import { gifHeader, makePng, sha256Hex } from '../fixtures-gen/testImages'

const MAX_IMAGE = 64 * 1024
const MAX_REPORT = 200 * 1024

const pgReachable = await postgresAvailable()
if (!pgReachable && process.env.REQUIRE_SERVICES === '1') throw new Error('PostgreSQL is required (REQUIRE_SERVICES=1) but not reachable')

const put = (api: Api, reportId: string, bytes: Uint8Array, type: string, sha = sha256Hex(bytes)) =>
  api.raw('PUT', `/api/reports/${reportId}/images/${sha}`, bytes, { 'content-type': type })
const codeOf = async (res: Response) => ((await res.json()) as { data?: { code?: string } }).data?.code

for (const engine of ['sqlite', 'postgres'] as const) {
  describe.skipIf(engine === 'postgres' && !pgReachable)(`figure pictures over HTTP on ${engine}`, () => {
    let server: ServerHandle
    let drop: (() => Promise<void>) | undefined
    let reportId: string
    const as = {} as Record<'secretariat' | 'author' | 'reviewer' | 'viewer' | 'stranger' | 'anonymous', Api>

    beforeAll(async () => {
      const env: Record<string, string> = {
        CHORUS_IMAGE_MAX_BYTES: String(MAX_IMAGE),
        CHORUS_REPORT_IMAGES_MAX_BYTES: String(MAX_REPORT),
        // No grace, and rooms unload at once: the reclaim can be watched within the test.
        CHORUS_IMAGE_RECLAIM_GRACE_MS: '1',
        COLLAB_IDLE_UNLOAD_MS: '200',
      }
      if (engine === 'postgres') {
        const pg = await freshPostgresUrl()
        env.DATABASE_URL = pg.url
        drop = pg.drop
      }
      server = await startServer({ env })
      const admin = await setupAdmin(server.url)
      as.secretariat = (await createAccount(admin.api, 'Secretariat')).api
      as.anonymous = new Api(server.url)
      reportId = (await as.secretariat.call('POST', '/api/reports', { title: 'Figures', templateId: 'blank' })).id
      for (const role of ['author', 'reviewer', 'viewer', 'stranger'] as const) {
        const account = await createAccount(admin.api, role)
        as[role] = account.api
        if (role !== 'stranger') await as.secretariat.call('POST', `/api/reports/${reportId}/members`, { email: account.account.email, role })
      }
    }, 240_000)
    afterAll(async () => {
      await server?.stop()
      if (server) removeDataDir(server.dataDir)
      await drop?.()
    })

    it('stores a picture for those who may edit text, once, and serves it to members only', async () => {
      const png = makePng(64, 32, 1)
      const sha = sha256Hex(png)
      const first = await put(as.author, reportId, png, 'image/png')
      expect(first.status).toBe(201)
      expect(await first.json()).toMatchObject({ sha256: sha, mime: 'image/png', width: 64, height: 32, byteSize: png.length, created: true })
      const again = await put(as.secretariat, reportId, png, 'image/png')
      expect(again.status).toBe(200)
      expect((await again.json()).created).toBe(false)
      expect((await put(as.reviewer, reportId, png, 'image/png')).status).toBe(403)
      expect((await put(as.viewer, reportId, png, 'image/png')).status).toBe(403)
      expect((await put(as.stranger, reportId, png, 'image/png')).status).toBe(404)
      expect((await put(as.anonymous, reportId, png, 'image/png')).status).toBe(401)

      const res = await as.viewer.raw('GET', `/api/reports/${reportId}/images/${sha}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-security-policy')).toBe('default-src \'none\'')
      expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
      expect(res.headers.get('etag')).toBe(`"${sha}"`)
      expect(sha256Hex(new Uint8Array(await res.arrayBuffer()))).toBe(sha)
      expect((await as.viewer.raw('GET', `/api/reports/${reportId}/images/${sha}`, undefined, { 'if-none-match': `"${sha}"` })).status).toBe(304)
      expect((await as.stranger.raw('GET', `/api/reports/${reportId}/images/${sha}`)).status).toBe(404)
      expect((await as.stranger.raw('GET', `/api/reports/${reportId}/images/${sha}`, undefined, { 'if-none-match': `"${sha}"` })).status).toBe(404)
      expect((await as.anonymous.raw('GET', `/api/reports/${reportId}/images/${sha}`)).status).toBe(401)
      expect(await codeOf(await as.viewer.raw('GET', `/api/reports/${reportId}/images/${'0'.repeat(64)}`))).toBe('imageNotFound')
      expect(await codeOf(await as.viewer.raw('GET', `/api/reports/${reportId}/images/not-a-hash`))).toBe('invalidImageId')
    })

    it('refuses SVG, mislabelled bytes, a wrong hash and oversized pictures with codes the browser translates, storing nothing', async () => {
      const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
      const svgRes = await put(as.author, reportId, svg, 'image/svg+xml')
      expect([svgRes.status, await codeOf(svgRes)]).toEqual([415, 'imageSvgRefused'])
      const gif = gifHeader(10, 10)
      const mislabelled = await put(as.author, reportId, gif, 'image/png')
      expect([mislabelled.status, await codeOf(mislabelled)]).toEqual([415, 'imageTypeMismatch'])
      const png = makePng(16, 16, 2)
      const wrongHash = await put(as.author, reportId, png, 'image/png', sha256Hex(gif))
      expect([wrongHash.status, await codeOf(wrongHash)]).toEqual([400, 'imageHashMismatch'])
      const big = makePng(200, 200, 3, () => Math.floor(Math.random() * 256))
      expect(big.length).toBeGreaterThan(MAX_IMAGE)
      expect((await put(as.author, reportId, big, 'image/png')).status).toBe(413)
      for (const bytes of [svg, gif, big]) expect((await as.author.raw('GET', `/api/reports/${reportId}/images/${sha256Hex(bytes)}`)).status).toBe(404)
      expect(server.output()).toMatch(/\[denied\].*image refused: imageSvgRefused/)
    })

    it('holds a report to its limit, and tells the editor the limits', async () => {
      const limits = await as.viewer.call('GET', `/api/reports/${reportId}/images`)
      expect(limits).toMatchObject({ types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'], maxImageBytes: MAX_IMAGE, maxReportBytes: MAX_REPORT })
      const { id } = await as.secretariat.call('POST', '/api/reports', { title: 'Full', templateId: 'blank' })
      let codes: Array<string | undefined> = []
      for (let i = 0; i < 8; i++) {
        const noisy = makePng(100, 100, 10 + i, () => Math.floor(Math.random() * 256))
        const res = await put(as.secretariat, id, noisy, 'image/png')
        codes.push(res.status === 201 ? 'stored' : await codeOf(res))
      }
      // ~30 KiB each against 200 KiB: six fit, then the report is full.
      codes = [...new Set(codes)]
      expect(codes).toEqual(['stored', 'reportImagesFull'])
      expect((await as.secretariat.call('GET', `/api/reports/${id}/images`)).usedBytes).toBeLessThanOrEqual(MAX_REPORT)
    })

    it('imports a Word file\'s picture as a stored figure, exports it back, and reclaims a picture nobody uses once the room unloads', async () => {
      const unused = makePng(20, 20, 40)
      expect((await put(as.author, reportId, unused, 'image/png')).status).toBe(201)
      const picture = makePng(120, 60, 41)
      expect(picture.length).toBeLessThan(MAX_IMAGE)
      const docx = await libreOfficeDocx(fodt('', `<text:p>Intro.</text:p><text:p>${fodtSizedPicture('P1', 'Children in care, by region', picture, 6)}</text:p><text:p>Figure 1: Children in care</text:p>`))
      const report = await as.secretariat.call('GET', `/api/reports/${reportId}`)
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(docx)]), 'draft.docx')
      const imported = await as.author.call('POST', `/api/reports/${reportId}/sections/${report.sections[0].id}/import`, form)
      const figure = imported.content.content.find((b: { type: string }) => b.type === 'figure')
      expect(figure.attrs).toMatchObject({ imageId: sha256Hex(picture), alt: 'Children in care, by region' })
      expect((await as.viewer.raw('GET', `/api/reports/${reportId}/images/${sha256Hex(picture)}`)).status).toBe(200)

      const exported = await as.viewer.raw('GET', `/api/reports/${reportId}/export.docx`)
      const parts = await docxParts(Buffer.from(await exported.arrayBuffer()))
      expect(parts['word/document.xml']).toMatch(/<wp:docPr [^>]*descr="Children in care, by region"/)
      expect(parts['word/document.xml']).toContain('SEQ Figure')

      // The room unloads 200 ms after the last use; the reclaim runs then.
      await expect.poll(async () => (await as.viewer.raw('GET', `/api/reports/${reportId}/images/${sha256Hex(unused)}`)).status, { timeout: 15_000, interval: 300 }).toBe(404)
      expect((await as.viewer.raw('GET', `/api/reports/${reportId}/images/${sha256Hex(picture)}`)).status).toBe(200)
    }, 120_000)
  })
}
