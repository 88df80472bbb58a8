/**
 * Round trip through Word, with a real server and real y-websocket clients: suggestions and a
 * thread written in the live document → the review copy over HTTP carries them as w:ins / w:del
 * and comments → a reviewer accepts, rejects, suggests and comments in Word (its XML edited as
 * Word writes it) while the report moves on → "Import a reviewed Word file" places the new changes
 * and comments, lists Word's decisions without applying them → a person decides them in Chorus →
 * the next review copy has the same tracked changes and comments as the reviewed file.
 * Also: a Word file's tracked changes and comments imported into one section.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Transform } from '@tiptap/pm/transform'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '#shared/editor/extensions'
import { COMMENTS, sectionFragmentName } from '#shared/docNames'
import { readSuggestions } from '#shared/editor/readSuggestions'
import { decideSuggestions } from '#shared/editor/decideSuggestions'
import { readThreads } from '#shared/commentsDoc'
import { startServer, removeDataDir, ROOT } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { createAccount, setupAdmin } from '../support/api'
import type { Account, Api } from '../support/api'
import { eventually, YClient } from './support/yclient'
import { commentOn, positionOf } from '../fixtures-gen/sampleComments'
import { suggestDeletion, suggestInsertion } from '../fixtures-gen/sampleSuggestions'
import { WordFile } from '../fixtures-gen/wordEdits'
import { docxParts, xmlText } from '../fixtures-gen/readDocx'

const FIXTURE = readFileSync(resolve(ROOT, '../shared/fixtures/cluster-v-draft.docx'))
const LAWYER = 'Lawyer (UNICEF)'
const form = (data: Uint8Array) => {
  const f = new FormData()
  f.append('file', new Blob([data as Uint8Array<ArrayBuffer>]), 'reviewed.docx')
  return f
}

/** Each w:ins / w:del of a document part: kind, author, date, text; sorted. */
function trackedChanges(xml: string): string[] {
  return [...xml.matchAll(/<w:(ins|del) ([^>]*)>(.*?)<\/w:\1>/gs)].map((m) => {
    const text = m[1] === 'del' ? [...m[3]!.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map(x => x[1]).join('') : xmlText(m[3]!)
    return `${m[1]} | ${m[2]!.match(/w:author="([^"]*)"/)?.[1]} | ${m[2]!.match(/w:date="([^"]*)"/)?.[1]} | ${text}`
  }).sort()
}

/** Each Word comment: author and text; sorted. */
function comments(xml: string | undefined): string[] {
  return [...(xml ?? '').matchAll(/<w:comment ([^>]*)>(.*?)<\/w:comment>/gs)].map(m => `${m[1]!.match(/w:author="([^"]*)"/)?.[1]} | ${xmlText(m[2]!)}`).sort()
}

/** A change to a section made through a client, as the editor makes it (ProseMirror transform → Yjs). */
function edit(doc: Y.Doc, sectionId: string, change: (tr: Transform) => void): void {
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  const { doc: pm, meta } = initProseMirrorDoc(fragment, chorusSchema())
  const tr = new Transform(pm)
  change(tr)
  doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta))
}

describe('Word review round trip', () => {
  let server: ServerHandle
  let api: Api
  let adminApi: Api
  let mira: Account
  let reportId: string
  let sectionV: string
  let client: YClient
  let watcher: YClient

  beforeAll(async () => {
    server = await startServer()
    const admin = await setupAdmin(server.url)
    adminApi = admin.api
    ;({ api, account: mira } = await createAccount(admin.api, 'Mira Halden'))
    reportId = (await api.call('POST', '/api/reports', { title: 'Alternative report', templateId: 'crc-alternative-report', stateParty: 'Examplia' })).id
    const sections = (await api.call('GET', `/api/reports/${reportId}`)).sections as Array<{ id: string, title: string }>
    sectionV = sections.find(s => s.title.startsWith('V. '))!.id
    await api.call('POST', `/api/reports/${reportId}/sections/${sectionV}/import`, form(FIXTURE))
    client = new YClient(server.url, reportId, mira.cookie)
    watcher = new YClient(server.url, reportId, mira.cookie)
    await Promise.all([client.synced(), watcher.synced()])
  }, 60_000)
  afterAll(async () => {
    client?.destroy()
    watcher?.destroy()
    await server.stop()
    removeDataDir(server.dataDir)
  })

  it('exports open suggestions and threads, imports the reviewed copy into the right places, and exports the same changes and comments again', async () => {
    const me = { id: mira.id, name: mira.name }
    const accepted = suggestInsertion(client.doc, sectionV, 'lawful in the home', ' and at school', { author: me })
    const rejected = suggestInsertion(client.doc, sectionV, 'Administrative data on reported cases', ' and complaints', { author: me })
    suggestDeletion(client.doc, sectionV, 'explicitly ', { author: me })
    const thread = commentOn(client.doc, sectionV, 'national strategy for 2020–2030', { author: me, body: 'Who approved it?', replies: [{ author: me, body: 'The cabinet, in 2020.' }] })
    await eventually(() => readSuggestions(watcher.doc.getXmlFragment(sectionFragmentName(sectionV)), sectionV).length === 3 && readThreads(watcher.doc).length === 1, 10_000, 'suggestions at the server')

    const review = Buffer.from(await (await api.raw('GET', `/api/reports/${reportId}/export.docx?comments=1`)).arrayBuffer())
    const exported = await docxParts(review)
    expect(trackedChanges(exported['word/document.xml']!).map(c => c.replace(/\d{4}-\d\d-\d\dT[\d:]+Z/, '…'))).toEqual([
      'del | Mira Halden | … | explicitly ',
      'ins | Mira Halden | … |  and at school',
      'ins | Mira Halden | … |  and complaints',
    ])
    expect(comments(exported['word/comments.xml'])).toEqual(['Mira Halden | The cabinet, in 2020.', 'Mira Halden | Who approved it?'])

    const reviewed = await (await WordFile.open(review))
      .acceptInsertion(' and at school')
      .rejectInsertion(' and complaints')
      .trackInsertion('violence-prevention', ' and child-protection', LAWYER, 901)
      .trackDeletion('“cruel treatment” ', LAWYER, 902)
      .comment('place of residence', 910, { author: LAWYER, text: 'Add ethnicity.' }, [{ author: 'Officer', text: 'Agreed.' }])
      .reply(0, 920, { author: LAWYER, text: 'Which ministry?' })
      .save()
    // Meanwhile the report moves on.
    edit(client.doc, sectionV, tr => tr.insert(positionOf(client.doc, sectionV, 'The coalition notes') + 'The coalition notes'.length, chorusSchema().text(' with concern')))

    const result = await api.call('POST', `/api/reports/${reportId}/import-reviewed`, form(reviewed))
    expect(result).toMatchObject({ suggestions: 2, threads: 1, replies: 2, notPlaced: [] })
    expect(result.decidedInWord.map((d: { suggestionId: string, decision: string }) => [d.suggestionId, d.decision]).sort()).toEqual([[accepted, 'accepted'], [rejected, 'rejected']].sort())

    // What the live document holds, read by a real client.
    const fragment = () => watcher.doc.getXmlFragment(sectionFragmentName(sectionV))
    await eventually(() => readSuggestions(fragment(), sectionV).length === 5, 10_000, 'imported suggestions')
    const fromWord = readSuggestions(fragment(), sectionV).filter(s => s.wordAuthor)
    expect(fromWord.map(s => [s.kind, s.inserted || s.deleted, s.authorId, s.wordAuthor])).toEqual([
      ['insertion', ' and child-protection', mira.id, LAWYER],
      ['deletion', '“cruel treatment” ', mira.id, LAWYER],
    ])
    const threads = readThreads(watcher.doc)
    expect(threads.find(t => t.id === thread)!.replies.map(r => r.body)).toEqual(['The cabinet, in 2020.', 'Which ministry?'])
    const added = threads.find(t => t.id !== thread)!
    expect(added).toMatchObject({ quote: 'place of residence', body: 'Add ethnicity.', authorId: mira.id, replies: [{ body: 'Agreed.', authorId: mira.id }] })
    expect(watcher.doc.getMap<Y.Map<unknown>>(COMMENTS).get(added.id)!.get('wordAuthor')).toBe(LAWYER)

    // Someone with the right decides what the Word reviewer decided.
    edit(client.doc, sectionV, (tr) => {
      decideSuggestions(tr, 'accept', { id: accepted })
      decideSuggestions(tr, 'reject', { id: rejected })
    })
    await eventually(() => readSuggestions(fragment(), sectionV).length === 3, 10_000, 'decisions at the server')

    const again = await docxParts(Buffer.from(await (await api.raw('GET', `/api/reports/${reportId}/export.docx?comments=1`)).arrayBuffer()))
    const reviewedParts = await docxParts(reviewed)
    expect(trackedChanges(again['word/document.xml']!)).toEqual(trackedChanges(reviewedParts['word/document.xml']!))
    expect(comments(again['word/comments.xml'])).toEqual(comments(reviewedParts['word/comments.xml']))
  }, 120_000)

  it('imports a Word file into a section with its tracked changes as the importer\'s suggestions and its comments as threads', async () => {
    const review = Buffer.from(await (await api.raw('GET', `/api/reports/${reportId}/export.docx?comments=1`)).arrayBuffer())
    const section = (await api.call('GET', `/api/reports/${reportId}`)).sections.find((s: { title: string }) => s.title.startsWith('VI.')).id as string
    const before = readThreads(watcher.doc).length
    const res = await api.call('POST', `/api/reports/${reportId}/sections/${section}/import`, form(review))
    expect(res).toMatchObject({ applied: true, threads: 2 })
    const fragment = () => watcher.doc.getXmlFragment(sectionFragmentName(section))
    await eventually(() => readSuggestions(fragment(), section).length === 3, 10_000, 'section suggestions')
    expect(readSuggestions(fragment(), section).map(s => [s.authorId, s.wordAuthor]).sort()).toEqual([[mira.id, LAWYER], [mira.id, LAWYER], [mira.id, mira.name]].sort())
    await eventually(() => readThreads(watcher.doc).length === before + 2, 10_000, 'section threads')
  }, 60_000)

  it('refuses a reviewer (403) and a Word file that was not exported from Chorus (422), and changes nothing', async () => {
    const { api: reviewerApi, account: reviewer } = await createAccount(adminApi, 'Rita Reviewer')
    await api.call('POST', `/api/reports/${reportId}/members`, { email: reviewer.email, role: 'reviewer' })
    const review = Buffer.from(await (await api.raw('GET', `/api/reports/${reportId}/export.docx?comments=1`)).arrayBuffer())
    const before = Y.encodeStateVector(watcher.doc)
    const refused = await reviewerApi.raw('POST', `/api/reports/${reportId}/import-reviewed`, form(review))
    expect(refused.status).toBe(403)
    const foreign = await api.raw('POST', `/api/reports/${reportId}/import-reviewed`, form(FIXTURE))
    expect(foreign.status).toBe(422)
    expect(await foreign.json()).toMatchObject({ statusCode: 422, data: { code: 'not-chorus-export' } })
    await new Promise(r => setTimeout(r, 300))
    expect(Y.encodeStateVector(watcher.doc)).toEqual(before)
  }, 60_000)
})
