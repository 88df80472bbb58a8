/**
 * Follow-up of concluding observations through a real server: the secretariat loads the COs over
 * HTTP (pasted text, a plain-text file, a Word file), members read them and see them arrive live
 * in the Y.Doc; an author, a reviewer and a viewer cannot load them (403), an outsider is told
 * nothing (404), text without numbered paragraphs or a PDF is refused and changes nothing. Over
 * the websocket an author links a paragraph (kept on the server), a reviewer's link and a
 * viewer's are refused and never reach the stored document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { readConcludingObservations } from '../../shared/followUp/readConcludingObservations'
import { readFollowUpLinks } from '../../shared/followUp/readFollowUpLinks'
import { sectionFragmentName } from '../../shared/docNames'
import { Api } from '../support/api'
import { removeDataDir, startServer } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { SAMPLE_CO_SYMBOL, sampleCoText } from '../fixtures-gen/sampleConcludingObservations'
import { collabFixture } from './support/yclientFixture'
import type { CollabFixture } from './support/yclientFixture'
import { YClient, eventually, storedDocSqlite } from './support/yclient'
import * as Y from 'yjs'

const route = (id: string) => `/api/reports/${id}/concluding-observations`
const fileForm = (name: string, bytes: Uint8Array | string, type: string) => {
  const form = new FormData()
  form.append('file', new Blob([bytes as BlobPart], { type }), name)
  return form
}

describe('concluding observations over HTTP and follow-up links over the websocket', () => {
  let server: ServerHandle
  let f: CollabFixture

  beforeAll(async () => {
    server = await startServer()
    f = await collabFixture(server.url)
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    if (server) removeDataDir(server.dataDir)
  })

  it('refuses to load COs from anyone but the secretariat, and tells outsiders nothing', async () => {
    for (const who of ['author', 'reviewer', 'viewer'] as const) {
      const res = await f.apis[who].raw('POST', route(f.reportId), { text: sampleCoText() })
      expect(res.status, who).toBe(403)
    }
    expect((await f.apis.outsider.raw('POST', route(f.reportId), { text: sampleCoText() })).status).toBe(404)
    expect((await f.apis.outsider.raw('GET', route(f.reportId))).status).toBe(404)
    expect((await new Api(server.url).raw('GET', route(f.reportId))).status).toBe(401)
    expect((await f.apis.viewer.call('GET', route(f.reportId))).concludingObservations).toBeNull()
  })

  it('refuses text without numbered paragraphs, a PDF and an invalid symbol, and changes nothing', async () => {
    const none = await f.apis.secretariat.raw('POST', route(f.reportId), { text: 'Dear colleagues, the COs are attached.' })
    expect(none.status).toBe(400)
    expect((await none.json()).data).toMatchObject({ code: 'coNoParagraphs', field: 'text' })
    const pdf = await f.apis.secretariat.raw('POST', route(f.reportId), fileForm('co.pdf', '%PDF-1.7\n\u0000binary', 'application/pdf'))
    expect((await pdf.json()).data).toMatchObject({ code: 'coFileType' })
    expect((await f.apis.secretariat.raw('POST', route(f.reportId), { text: sampleCoText(), symbol: '<script>' })).status).toBe(400)
    expect((await f.apis.secretariat.raw('POST', route(f.reportId), {})).status).toBe(400)
    expect((await f.apis.secretariat.call('GET', route(f.reportId))).concludingObservations).toBeNull()
  })

  it('splits pasted COs and delivers them live to everyone; a text file converted from the PDF gives the same', async () => {
    const watcher = new YClient(server.url, f.reportId, f.accounts.viewer.cookie)
    await watcher.synced()
    const res = await f.apis.secretariat.call('POST', route(f.reportId), { text: sampleCoText() })
    expect(res).toEqual({ symbol: SAMPLE_CO_SYMBOL, paragraphs: 20, recommendations: expect.any(Number) })
    await eventually(() => readConcludingObservations(watcher.doc)?.paragraphs.length === 20, 10_000, 'the COs reach a viewer live')
    const pasted = (await f.apis.author.call('GET', route(f.reportId))).concludingObservations
    const fromPdfText = await f.apis.secretariat.call('POST', route(f.reportId), fileForm('co.txt', sampleCoText({ wrap: 72, pageLines: 30 }), 'text/plain'))
    expect(fromPdfText.paragraphs).toBe(20)
    expect((await f.apis.author.call('GET', route(f.reportId))).concludingObservations).toEqual(pasted)
    watcher.destroy()
  })

  it('reads a Word file of the COs, with the symbol given beside it', async () => {
    const doc = new Document({ sections: [{ children: sampleCoText().split('\n\n').slice(1).map(line => new Paragraph({ children: [new TextRun(line)] })) }] })
    const form = fileForm('co.docx', new Uint8Array(await Packer.toBuffer(doc)), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    form.append('symbol', 'CRC/C/AZE/CO/5-6')
    const res = await f.apis.secretariat.call('POST', route(f.reportId), form)
    expect(res).toMatchObject({ symbol: 'CRC/C/AZE/CO/5-6', paragraphs: 20 })
    const co = (await f.apis.viewer.call('GET', route(f.reportId))).concludingObservations
    expect(co.paragraphs[11].subparagraphs.map((s: { letter: string }) => s.letter)).toEqual(['a', 'b', 'c'])
  })

  it('keeps an author\'s link and refuses a reviewer\'s and a viewer\'s', async () => {
    const sectionId = f.sectionIds[6]!
    const author = new YClient(server.url, f.reportId, f.accounts.author.cookie)
    await author.synced()
    author.doc.transact(() => {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText('Corporal punishment is still lawful at home.')])
      p.setAttribute('followUp', JSON.stringify({ co: '12(a)', status: 'not' }))
      author.doc.getXmlFragment(sectionFragmentName(sectionId)).insert(0, [p])
    })
    await eventually(() => readFollowUpLinks(storedDocSqlite(server.dataDir, f.reportId)).some(l => l.co === '12(a)'), 10_000, 'the author\'s link is stored')

    for (const who of ['reviewer', 'viewer'] as const) {
      const client = new YClient(server.url, f.reportId, f.accounts[who].cookie)
      await client.synced()
      const p = client.doc.getXmlFragment(sectionFragmentName(sectionId)).get(0) as Y.XmlElement
      p.setAttribute('followUp', JSON.stringify({ co: '12(a)', status: 'implemented' }))
      const closed = await client.closed()
      expect(closed.code, who).toBe(4403)
      client.destroy()
    }
    const stored = readFollowUpLinks(storedDocSqlite(server.dataDir, f.reportId))
    expect(stored.map(l => [l.co, l.status])).toEqual([['12(a)', 'not']])
    expect(readFollowUpLinks(author.doc).map(l => l.status)).toEqual(['not'])
    author.destroy()
  })
})
