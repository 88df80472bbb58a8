/**
 * PDF export over HTTP with the real converter: LibreOffice on this machine (CI installs it), and
 * a server that has no converter, which says so. The PDF is read back with poppler's tools, as a
 * person opening it would see it: the text of the report, the table of contents with page numbers,
 * bookmarks for the headings, a tagged PDF, and every font embedded.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, removeDataDir, ROOT } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { createAccount, setupAdmin } from '../support/api'
import type { Api } from '../support/api'
import { startGotenbergStandIn } from '../support/gotenbergStandIn'

const FIXTURE = readFileSync(resolve(ROOT, '../shared/fixtures/cluster-v-draft.docx'))
const form = (data: Uint8Array) => {
  const f = new FormData()
  f.append('file', new Blob([data as Uint8Array<ArrayBuffer>]), 'draft.docx')
  return f
}

/** Run a poppler tool on `pdf` and return what it prints. */
function poppler(tool: string, pdf: Uint8Array, ...args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-pdf-test-'))
  try {
    const file = join(dir, 'report.pdf')
    writeFileSync(file, pdf)
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('PDF export', () => {
  let server: ServerHandle
  let bare: ServerHandle
  let secretariat: Api
  let outsider: Api
  let reportId: string

  beforeAll(async () => {
    server = await startServer()
    const admin = await setupAdmin(server.url)
    secretariat = (await createAccount(admin.api, 'Secretariat')).api
    outsider = (await createAccount(admin.api, 'Outsider')).api
    reportId = (await secretariat.call('POST', '/api/reports', { title: 'Alternative report', templateId: 'crc-alternative-report', stateParty: 'Examplia' })).id
    const sections: Array<{ id: string, title: string }> = (await secretariat.call('GET', `/api/reports/${reportId}`)).sections
    const cluster = sections.find(s => s.title.startsWith('V. '))!
    await secretariat.call('POST', `/api/reports/${reportId}/sections/${cluster.id}/import`, form(FIXTURE))
    // A server whose PATH has no LibreOffice and no Gotenberg configured.
    bare = await startServer({ env: { PATH: '/nonexistent', SOFFICE_PATH: '', GOTENBERG_URL: '' } })
  }, 120_000)
  afterAll(async () => {
    await server.stop()
    await bare.stop()
    removeDataDir(server.dataDir)
    removeDataDir(bare.dataDir)
  })

  it('says which converter it has', async () => {
    expect(await secretariat.call('GET', '/api/export/pdf')).toEqual({ available: true, via: 'libreoffice' })
  })

  it('makes a tagged PDF with the report text, a table of contents with page numbers, bookmarks and embedded fonts', async () => {
    const res = await secretariat.raw('GET', `/api/reports/${reportId}/export.pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toContain('alternative-report.pdf')
    const pdf = new Uint8Array(await res.arrayBuffer())
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')

    const text = poppler('pdftotext', pdf, '-layout')
    expect(text).toContain('Examplia')
    expect(text).toContain('V. Violence against children')
    // The contents page lists the clusters with the page they start on (not empty, not "1" for all).
    const tocLine = text.split('\n').find(l => /V\. Violence against children.*\d+\s*$/.test(l))
    expect(tocLine, 'a contents line for cluster V ending in its page number').toBeTruthy()
    const page = Number(tocLine!.trim().match(/(\d+)\s*$/)![1])
    expect(page).toBeGreaterThan(1)

    const info = poppler('pdfinfo', pdf)
    expect(info).toMatch(/Tagged:\s+yes/)
    expect(Number(info.match(/Pages:\s+(\d+)/)![1])).toBeGreaterThan(2)
    // Bookmarks: the PDF has an outline.
    expect(Buffer.from(pdf).includes(Buffer.from('/Outlines'))).toBe(true)
    // Every font embedded (pdffonts: the "emb" column).
    const fonts = poppler('pdffonts', pdf).split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThan(0)
    for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/)
  }, 180_000)

  it('is the report members\' only', async () => {
    const res = await outsider.raw('GET', `/api/reports/${reportId}/export.pdf`)
    expect([403, 404]).toContain(res.status)
  })

  it('through Gotenberg when GOTENBERG_URL is set: the file alone, and the PDF it answers', async () => {
    const gotenberg = await startGotenbergStandIn()
    const scaled = await startServer({ env: { GOTENBERG_URL: `${gotenberg.url}/` } })
    try {
      const admin = await setupAdmin(scaled.url)
      expect(await admin.api.call('GET', '/api/export/pdf')).toEqual({ available: true, via: 'gotenberg' })
      const { id } = await admin.api.call('POST', '/api/reports', { title: 'Through Gotenberg', templateId: 'crc-alternative-report', stateParty: 'Examplia' })
      const res = await admin.api.raw('GET', `/api/reports/${id}/export.pdf`)
      expect(res.status).toBe(200)
      const pdf = new Uint8Array(await res.arrayBuffer())
      expect(poppler('pdftotext', pdf)).toContain('Examplia')
      expect(gotenberg.requests).toEqual([{ path: '/forms/libreoffice/convert', fields: [], files: ['through-gotenberg.docx'] }])
    } finally {
      await scaled.stop()
      removeDataDir(scaled.dataDir)
      await gotenberg.close()
    }
  }, 240_000)

  it('on a server without a converter: says so, and the export answers 503 with the reason', async () => {
    const admin = await setupAdmin(bare.url)
    expect(await admin.api.call('GET', '/api/export/pdf')).toEqual({ available: false, reason: 'noConverter' })
    const { id } = await admin.api.call('POST', '/api/reports', { title: 'No PDF here', templateId: 'blank' })
    const res = await admin.api.raw('GET', `/api/reports/${id}/export.pdf`)
    expect(res.status).toBe(503)
    expect((await res.json()).data).toMatchObject({ code: 'pdfUnavailable' })
  })
})
