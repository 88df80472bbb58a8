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
import { fodt, fodtChart, libreOfficeDocx } from '../fixtures-gen/officeFiles'

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
  it('imports a LibreOffice draft with superscript and a page break, and says once, with a count, what it left out', async () => {
    const target = sections.find(s => s.title.startsWith('VIII. '))!
    const file = await libreOfficeDocx(fodt(
      '<style:style style:name="Raised" style:family="text"><style:text-properties style:text-position="20% 100%"/></style:style>'
      + '<style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>',
      `<text:p>The 1<text:span text:style-name="Raised">st</text:span> report.</text:p><text:p text:style-name="Break">Schools.</text:p><text:p>${fodtChart('c1')}${fodtChart('c2')}</text:p>`,
    ))
    const res = await secretariat.call('POST', `/api/reports/${reportId}/sections/${target.id}/import`, form(file))
    expect(res.applied).toBe(true)
    const json = JSON.stringify(res.content)
    expect(json).toContain('{"type":"text","marks":[{"type":"superscript"}],"text":"st"}')
    expect(res.content.content.map((b: { type: string }) => b.type)).toEqual(['paragraph', 'pageBreak', 'paragraph'])
    expect(res.notices).toEqual([{ code: 'charts-left-out', count: 2 }])
    expect(res.warnings).toEqual(['2 charts could not be imported: they are drawings, not pictures'])
  })

  it('exports with the dialog’s options: empty sections, the confidentiality line, the submission date', async () => {
    await secretariat.call('PATCH', `/api/reports/${reportId}`, { confidentiality: 'confidential', submissionDate: '2027-02-15' })
    const read = async (query: string) => {
      const res = await secretariat.raw('GET', `/api/reports/${reportId}/export.docx${query}`)
      expect(res.status).toBe(200)
      const zip = await JSZip.loadAsync(await res.arrayBuffer())
      return { body: await zip.file('word/document.xml')!.async('string'), headers: Object.keys(zip.files).filter(n => /^word\/header\d+\.xml$/.test(n)) }
    }
    const empty = sections.find(s => s.title.startsWith('II. '))!
    const clean = await read('')
    expect(clean.body).not.toContain(empty.title)
    expect(clean.body).toContain('15 February 2027')
    expect(clean.headers.length).toBeGreaterThan(0)
    const kept = await read('?skipEmpty=0&confidentialHeader=0')
    expect(kept.body).toContain(empty.title)
    expect(kept.headers).toEqual([])
    expect((await read('?comments=1')).body).toContain(empty.title)
    expect((await secretariat.raw('GET', `/api/reports/${reportId}/export.docx?skipEmpty=yes`)).status).toBe(400)
  })
})
