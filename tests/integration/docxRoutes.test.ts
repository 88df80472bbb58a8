/**
 * DOCX over HTTP, as the browser uses it: export a report with content, import the fixture Word
 * draft into a section, and refuse bad files with a clear error that changes nothing.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, removeDataDir, ROOT } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { createAccount, setupAdmin } from '../support/api'
import type { Api } from '../support/api'

const FIXTURE = readFileSync(resolve(ROOT, '../shared/fixtures/cluster-v-draft.docx'))
const form = (data: Uint8Array, name = 'draft.docx') => {
  const f = new FormData()
  f.append('file', new Blob([data as Uint8Array<ArrayBuffer>]), name)
  return f
}

describe('DOCX routes', () => {
  let server: ServerHandle
  let secretariat: Api
  let adminApi: Api
  let reportId: string
  let sections: Array<{ id: string, title: string }>

  beforeAll(async () => {
    server = await startServer()
    const admin = await setupAdmin(server.url)
    adminApi = admin.api
    secretariat = (await createAccount(admin.api, 'Secretariat')).api
    reportId = (await secretariat.call('POST', '/api/reports', { title: 'Alternative report', templateId: 'crc-alternative-report', stateParty: 'Examplia' })).id
    sections = (await secretariat.call('GET', `/api/reports/${reportId}`)).sections
  })
  afterAll(async () => {
    await server.stop()
    removeDataDir(server.dataDir)
  })

  it('imports the fixture Word draft into a section and keeps headings, lists, table, link and footnotes', async () => {
    const cluster = sections.find(s => s.title.startsWith('V. '))!
    const res = await secretariat.call('POST', `/api/reports/${reportId}/sections/${cluster.id}/import`, form(FIXTURE))
    expect(res.applied).toBe(true)
    const types = new Set<string>()
    const walk = (n: { type: string, content?: unknown[], marks?: Array<{ type: string }> }) => {
      types.add(n.type)
      for (const m of n.marks ?? []) types.add(`mark:${m.type}`)
      for (const c of (n.content ?? []) as typeof n[]) walk(c)
    }
    walk(res.content)
    for (const t of ['heading', 'paragraph', 'bulletList', 'orderedList', 'table', 'tableCell', 'footnoteReference', 'footnote', 'mark:bold', 'mark:italic', 'mark:link']) expect(types, t).toContain(t)
    // Stored: the report's word count now includes the imported text.
    const after = await secretariat.call('GET', `/api/reports/${reportId}`)
    expect(after.sections.find((s: { id: string }) => s.id === cluster.id).words).toBeGreaterThan(50)
  })

  it('exports a Word file with the imported text, a cover page and real footnotes', async () => {
    const res = await secretariat.raw('GET', `/api/reports/${reportId}/export.docx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('wordprocessingml')
    expect(res.headers.get('content-disposition')).toContain('alternative-report.docx')
    const zip = await JSZip.loadAsync(await res.arrayBuffer())
    const body = await zip.file('word/document.xml')!.async('string')
    expect(body).toContain('Examplia')
    expect(body).toContain('V. Violence against children')
    const footnotes = await zip.file('word/footnotes.xml')!.async('string')
    expect(footnotes.match(/<w:footnote /g)!.length).toBeGreaterThanOrEqual(2 + 2) // two separators + the fixture's two notes
  })

  it('refuses a file that is not a .docx, an empty upload and an oversized one, and changes nothing', async () => {
    const target = sections[0]!
    const before = (await secretariat.call('GET', `/api/reports/${reportId}`)).sections[0].words
    const notDocx = await secretariat.raw('POST', `/api/reports/${reportId}/sections/${target.id}/import`, form(new TextEncoder().encode('just text'), 'notes.docx'))
    expect(notDocx.status).toBe(400)
    expect((await notDocx.json()).data).toMatchObject({ field: 'file', code: 'not-docx' })
    const empty = await secretariat.raw('POST', `/api/reports/${reportId}/sections/${target.id}/import`, new FormData())
    expect(empty.status).toBe(400)
    const big = await secretariat.raw('POST', `/api/reports/${reportId}/sections/${target.id}/import`, form(new Uint8Array(11 * 1024 * 1024)))
    expect(big.status).toBe(413)
    expect((await secretariat.call('GET', `/api/reports/${reportId}`)).sections[0].words).toBe(before)
  })

  it('refuses an import into a final section for an author, with 403', async () => {
    const { api: author, account } = await createAccount(adminApi, 'Author')
    await secretariat.call('POST', `/api/reports/${reportId}/members`, { email: account.email, role: 'author' })
    const target = sections[1]!
    await secretariat.call('PATCH', `/api/reports/${reportId}/sections/${target.id}`, { status: 'final' })
    const res = await author.raw('POST', `/api/reports/${reportId}/sections/${target.id}/import`, form(FIXTURE))
    expect(res.status).toBe(403)
    expect((await secretariat.call('GET', `/api/reports/${reportId}`)).sections[1].words).toBe(0)
  })
})
