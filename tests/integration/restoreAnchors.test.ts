/**
 * Issue 9, bug 3, end to end: a reviewer comments in two sections, a version is saved a second
 * later, authors keep typing (one edit synced, one still in flight when the restore runs) while
 * others have the report open, the secretariat restores. Every thread on the version's words must
 * still find them in every open client — the comments panel's own reader (locateInDoc) — instead
 * of "Text removed". Real server, real y-websocket clients, real HTTP routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { Transform } from '@tiptap/pm/transform'
import { chorusSchema } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import { readThreads } from '#shared/commentsDoc'
import { locateInDoc } from '~~/components/comments/commentAnchors'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { collabFixture } from './support/yclientFixture'
import type { CollabFixture, Who } from './support/yclientFixture'
import { YClient, eventually } from './support/yclient'
import { commentOn } from '../fixtures-gen/sampleComments'

const schema = chorusSchema()
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

/** A ProseMirror change to a section, written as the editor binding writes it. */
function edit(doc: Y.Doc, sectionId: string, change: (tr: Transform) => void) {
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId))
  const { doc: pm, meta } = initProseMirrorDoc(fragment, schema)
  const tr = new Transform(pm)
  change(tr)
  doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta))
}

const paragraphs = (texts: string[]) => texts.map(t => schema.node('paragraph', null, [schema.text(t)]))

describe('a version restore with edits in flight', () => {
  let server: ServerHandle
  let fx: CollabFixture
  const clients: YClient[] = []
  const connect = async (who: Who) => {
    const c = new YClient(fx.baseUrl, fx.reportId, fx.accounts[who].cookie)
    clients.push(c)
    await c.synced()
    return c
  }

  beforeAll(async () => {
    server = await startServer()
    fx = await collabFixture(server.url)
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server?.stop()
    if (server) removeDataDir(server.dataDir)
  })

  it('keeps every thread on the version\'s words resolvable in every open client', async () => {
    const [first, second, third] = fx.sectionIds as [string, string, string]
    const author = await connect('secretariat')
    const reviewer = await connect('reviewer')
    const viewer = await connect('viewer')
    const texts = ['The State party adopted a child rights strategy in 2021.', 'Budget lines for child protection remain unclear.']
    for (const s of [first, second]) edit(author.doc, s, tr => tr.replaceWith(0, tr.doc.content.size, paragraphs(texts)))
    edit(author.doc, third, tr => tr.replaceWith(0, tr.doc.content.size, paragraphs(['Another section.'])))
    await eventually(() => reviewer.doc.getXmlFragment(sectionFragmentName(second)).toString().includes('Budget lines'), 10_000, 'the text at the reviewer')
    const quotes = new Map<string, string>()
    for (const [s, quote] of [[first, 'child rights strategy'], [second, 'Budget lines']] as const) {
      quotes.set(commentOn(reviewer.doc, s, quote, { author: { id: fx.accounts.reviewer.id, name: fx.accounts.reviewer.name }, body: `On ${quote}` }), quote)
    }
    await eventually(() => readThreads(viewer.doc).length === 2, 10_000, 'the threads at the viewer')
    await sleep(1000)
    const { version } = await fx.apis.secretariat.call('POST', `/api/reports/${fx.reportId}/versions`, { name: 'Sent for review' })
    // Synced before the restore: words on both sides of the first thread, the second paragraph split at its start.
    edit(author.doc, first, tr => tr.insert(tr.doc.child(0).nodeSize - 1, schema.text(' (revised)')).insert(5, schema.text('new ')))
    edit(author.doc, second, tr => tr.split(1))
    await eventually(() => viewer.doc.getXmlFragment(sectionFragmentName(first)).toString().includes('(revised)'), 10_000, 'the edit at the viewer')
    // In flight: typed elsewhere while the restore request is on its way (kept or restored away, either is fine).
    const restored = fx.apis.secretariat.call('POST', `/api/reports/${fx.reportId}/versions/${version.id}/restore`)
    edit(author.doc, third, tr => tr.insert(1, schema.text('Typing elsewhere. ')))
    await restored
    const text = (c: YClient) => [first, second, third].map(s => c.doc.getXmlFragment(sectionFragmentName(s)).toString()).join('')
    await eventually(() => text(author) === text(viewer) && text(reviewer) === text(viewer) && !text(viewer).includes('(revised)'), 10_000, 'the restore everywhere')
    for (const c of [author, reviewer, viewer]) {
      const found = readThreads(c.doc).map(t => [quotes.get(t.id), locateInDoc(c.doc, c.doc.getXmlFragment(sectionFragmentName(t.sectionId)), t)?.text])
      expect(found).toEqual([...quotes.values()].map(q => [q, q]))
    }
  })
})
