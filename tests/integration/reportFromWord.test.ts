/**
 * A whole report from a Word file, over HTTP on the built server: the preview converts and plans
 * without storing anything; the create request takes the same file with the targets and makes the
 * report filled, its figures' pictures stored with it; bad files, stale plans, unknown targets and
 * requests without a session are refused with clear errors and create nothing.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { Api, createAccount, setupAdmin } from '../support/api'
import { pandocDocx, redSquarePng } from '../fixtures-gen/officeFiles'

const DRAFT = [
  '---',
  'title: Alternative report on the rights of the child in Arcadia',
  '---',
  '',
  'State party: Republic of Arcadia',
  '',
  '# III. General principles',
  '',
  'Children are not heard in family courts.',
  '',
  '![Children waiting at the court](square.png)',
  '',
  '# Children and the climate',
  '',
  'Air pollution harms children in the capital.',
].join('\n')

function upload(file: Uint8Array, fields: Record<string, string>, name = 'draft.docx'): FormData {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)]), name)
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  return form
}

describe('a report from a Word file over HTTP', () => {
  let server: ServerHandle
  let api: Api
  let file: Buffer

  beforeAll(async () => {
    server = await startServer()
    api = (await setupAdmin(server.url)).api
    file = await pandocDocx(DRAFT)
  })
  afterAll(async () => {
    await server.stop()
    removeDataDir(server.dataDir)
  })

  it('previews, then creates the report filled, with its picture stored; any account may', async () => {
    const { api: member } = await createAccount(api, 'Mira Member')
    const plan = await member.call('POST', '/api/imports/report-preview', upload(file, { templateId: 'crc-alternative-report', language: 'en' }))
    expect(plan.fileHash).toBe(createHash('sha256').update(file).digest('hex'))
    expect(plan.settings).toMatchObject({ title: 'Alternative report on the rights of the child in Arcadia', stateParty: 'Republic of Arcadia' })
    expect(plan.parts.map((p: { title: string, target: string }) => [p.title, p.target])).toEqual([
      ['III. General principles', 'section:general-principles'],
      ['Children and the climate', 'new'],
    ])
    // The preview stores nothing.
    expect((await member.call('GET', '/api/reports')).reports).toEqual([])

    const report = { title: plan.settings.title, stateParty: plan.settings.stateParty, templateId: 'crc-alternative-report', language: 'en', fileHash: plan.fileHash, targets: ['section:general-principles', 'section:health'] }
    const res = await member.raw('POST', '/api/reports/from-word', upload(file, { report: JSON.stringify(report) }))
    expect(res.status).toBe(201)
    const { id } = await res.json()
    const detail = await member.call('GET', `/api/reports/${id}`)
    expect(detail.role).toBe('secretariat')
    expect(detail.meta).toMatchObject({ title: plan.settings.title, stateParty: 'Republic of Arcadia', templateId: 'crc-alternative-report' })
    const words = Object.fromEntries(detail.sections.map((s: { title: string, words: number }) => [s.title, s.words]))
    expect(words['III. General principles']).toBeGreaterThanOrEqual(7)
    expect(words['VII. Disability, basic health and welfare']).toBe(7)
    // The template's sections, none added: both parts went to clusters.
    const crc = (await member.call('GET', '/api/templates')).find((t: { id: string }) => t.id === 'crc-alternative-report')
    expect(detail.sections).toHaveLength(crc.sections.length)
    // The figure's picture is stored with the new report and served to its members only.
    const sha = createHash('sha256').update(redSquarePng()).digest('hex')
    expect((await member.raw('GET', `/api/reports/${id}/images/${sha}`)).status).toBe(200)
    expect((await api.raw('GET', `/api/reports/${id}/images/${sha}`)).status).toBe(404)
  })

  it('refuses what it cannot use, clearly, and creates nothing', async () => {
    const before = (await api.call('GET', '/api/reports')).reports.length
    const anonymous = new Api(server.url)
    expect((await anonymous.raw('POST', '/api/imports/report-preview', upload(file, { templateId: 'crc-alternative-report' }))).status).toBe(401)

    const notWord = await api.raw('POST', '/api/imports/report-preview', upload(Buffer.from('plain text'), { templateId: 'crc-alternative-report' }))
    expect(notWord.status).toBe(400)
    expect((await notWord.json()).data.code).toBe('not-docx')
    const noTemplate = await api.raw('POST', '/api/imports/report-preview', upload(file, { templateId: 'no-such-template' }))
    expect((await noTemplate.json()).data.code).toBe('noSuchTemplate')

    const plan = await api.call('POST', '/api/imports/report-preview', upload(file, { templateId: 'crc-alternative-report' }))
    const base = { title: 'A report', templateId: 'crc-alternative-report', fileHash: plan.fileHash, targets: plan.parts.map((p: { target: string }) => p.target) }
    const create = (report: unknown, body = file) => api.raw('POST', '/api/reports/from-word', upload(body, { report: typeof report === 'string' ? report : JSON.stringify(report) }))

    const stale = await create({ ...base, fileHash: 'a'.repeat(64) })
    expect(stale.status).toBe(409)
    expect((await stale.json()).data.code).toBe('importPlanStale')
    expect((await create({ ...base, targets: ['new'] })).status).toBe(409)
    const unknown = await create({ ...base, targets: ['section:nowhere', 'new'] })
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).data.field).toBe('targets')
    const badTarget = await create({ ...base, targets: ['somewhere', 'new'] })
    expect((await badTarget.json()).data.field).toBe('targets.0')
    expect((await create('{not json')).status).toBe(400)
    // More parts than a create request can carry targets for: refused at the preview, in words.
    const huge = await pandocDocx(Array.from({ length: 301 }, (_, i) => `# Part ${i + 1}\n\nText ${i + 1}.\n`).join('\n'))
    const tooMany = await api.raw('POST', '/api/imports/report-preview', upload(huge, { templateId: 'blank' }))
    expect(tooMany.status).toBe(422)
    expect((await tooMany.json()).data).toMatchObject({ code: 'importTooManyParts', params: { max: 300 } })
    expect((await create({ ...base, title: '' })).status).toBe(400)
    expect((await api.call('GET', '/api/reports')).reports.length).toBe(before)
  })
})
