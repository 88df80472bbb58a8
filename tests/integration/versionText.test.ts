/**
 * The text routes of the versions page: a named version's sections and the current ones, as
 * ProseMirror JSON, with who wrote which characters — the account the hub bound the writing Yjs
 * client to. Every member may read them (a reviewer too); a non-member gets 404, as for the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { Transform } from '@tiptap/pm/transform'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { collabFixture } from './support/yclientFixture'
import type { CollabFixture } from './support/yclientFixture'
import { YClient, eventually } from './support/yclient'

const schema = chorusSchema()

interface TextAnswer { name?: string, sections: Array<{ id: string, doc: { content?: Array<{ content?: Array<{ text: string }> }> }, authors: Array<{ from: number, to: number, author: string }> }> }

/** The section becomes one paragraph of `text`, as the editor writes it (a diff: the words kept keep their items). */
function write(doc: Y.Doc, sectionId: string, text: string) {
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  const { doc: pm, meta } = initProseMirrorDoc(fragment, schema)
  const tr = new Transform(pm).replaceWith(0, pm.content.size, schema.node('paragraph', null, [schema.text(text)]))
  doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta))
}

const textOf = (answer: TextAnswer, sectionId: string) => answer.sections.find(s => s.id === sectionId)!.doc.content?.[0]?.content?.map(t => t.text).join('') ?? ''

describe('a version\'s text and the current text, for members', () => {
  let server: ServerHandle
  let fx: CollabFixture
  const clients: YClient[] = []

  beforeAll(async () => {
    server = await startServer()
    fx = await collabFixture(server.url)
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server?.stop()
    if (server) removeDataDir(server.dataDir)
  })

  it('answers each side with the words and their writers; a non-member gets 404', async () => {
    const section = fx.sectionIds[1]!
    const secretariat = new YClient(fx.baseUrl, fx.reportId, fx.accounts.secretariat.cookie)
    const author = new YClient(fx.baseUrl, fx.reportId, fx.accounts.author.cookie)
    clients.push(secretariat, author)
    await Promise.all([secretariat.synced(), author.synced()])
    write(secretariat.doc, section, 'Drafted by the secretariat.')
    await eventually(() => author.doc.getXmlFragment(sectionFragmentName(section)).toString().includes('secretariat.'), 10_000, 'the text at the author')
    const { version } = await fx.apis.secretariat.call('POST', `/api/reports/${fx.reportId}/versions`, { name: 'First draft' })
    write(author.doc, section, 'Drafted by the secretariat. Added by the author.')
    const current = (): Promise<TextAnswer> => fx.apis.reviewer.call('GET', `/api/reports/${fx.reportId}/text`)
    let now = await current()
    for (let i = 0; i < 50 && !textOf(now, section).includes('author.'); i++) {
      await new Promise(r => setTimeout(r, 200))
      now = await current()
    }

    const old: TextAnswer = await fx.apis.reviewer.call('GET', `/api/reports/${fx.reportId}/versions/${version.id}/text`)
    expect(old.name).toBe('First draft')
    expect(textOf(old, section)).toBe('Drafted by the secretariat.')
    expect(old.sections.find(s => s.id === section)!.authors).toEqual([{ from: 1, to: 28, author: fx.accounts.secretariat.name }])
    expect(textOf(now, section)).toBe('Drafted by the secretariat. Added by the author.')
    expect(now.sections.find(s => s.id === section)!.authors).toEqual([
      { from: 1, to: 28, author: fx.accounts.secretariat.name },
      { from: 28, to: 49, author: fx.accounts.author.name },
    ])

    for (const path of ['text', `versions/${version.id}/text`]) {
      const res = await fetch(`${fx.baseUrl}/api/reports/${fx.reportId}/${path}`, { headers: { cookie: fx.accounts.outsider.cookie } })
      expect(res.status).toBe(404)
    }
    const missing = await fetch(`${fx.baseUrl}/api/reports/${fx.reportId}/versions/no-such-version/text`, { headers: { cookie: fx.accounts.viewer.cookie } })
    expect(missing.status).toBe(404)
  })
})
