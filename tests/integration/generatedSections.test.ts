/**
 * Generated sections through a real server: a new CRC report's summary section is generated and
 * its executive summary carries the priority list; the stored summary counts the generated words;
 * the secretariat makes an empty section generated (an older report's summary), is refused with
 * generatedSectionHasText while it has text — and nothing changes —, authors may not at all; text
 * sent over the websocket into a generated section is refused by the guard and not stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '../../shared/editor/extensions'
import { sectionFragmentName } from '../../shared/docNames'
import { countWords } from '../../shared/wordCount'
import { removeDataDir, startServer } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { collabFixture } from './support/yclientFixture'
import type { CollabFixture } from './support/yclientFixture'
import { YClient } from './support/yclient'

interface SectionRow { id: string, title: string, words: number, generated?: string | null, priorityList?: boolean }

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await read()
    if (ok(v)) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`)
    await new Promise(r => setTimeout(r, 100))
  }
}

const write = (doc: Y.Doc, sectionId: string, content: unknown[]) => doc.transact(() => {
  prosemirrorJSONToYXmlFragment(chorusSchema(), { type: 'doc', content }, doc.getXmlFragment(sectionFragmentName(sectionId)))
})

describe('generated sections', () => {
  let server: ServerHandle
  let f: CollabFixture
  const sections = async (reportId = f.reportId) => (await f.apis.secretariat.call<{ sections: SectionRow[] }>('GET', `/api/reports/${reportId}`)).sections

  beforeAll(async () => {
    server = await startServer()
    f = await collabFixture(server.url)
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    if (server) removeDataDir(server.dataDir)
  })

  it('seeds the CRC summary section generated and the executive summary with the priority list; counts the listed words there', async () => {
    const list = await sections()
    const summary = list.find(s => s.generated === 'recommendations')!
    expect(summary.title).toBe('Summary of recommendations')
    expect(list[0]).toMatchObject({ title: 'Executive summary', priorityList: true })
    const cluster = list.find(s => s.title.startsWith('V. '))!
    const client = new YClient(server.url, f.reportId, f.accounts.author.cookie)
    try {
      await client.synced()
      write(client.doc, cluster.id, [
        { type: 'paragraph', content: [{ type: 'text', text: 'Evidence.' }] },
        { type: 'recommendation', attrs: { refId: 'rInt1', kind: 'recommendation', articles: '19', priority: true }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Prohibit corporal punishment in all settings.' }] }] },
      ])
      const n = countWords('Prohibit corporal punishment in all settings.')
      const after = await until(() => sections(), l => l.find(s => s.id === summary.id)!.words === n, 'the summary to count the block')
      expect(after.find(s => s.id === cluster.id)!.words).toBe(n + 1)
      expect(after[0]!.words).toBe(n)

      // Text sent into the generated section is refused (the connection is closed) and never stored.
      write(client.doc, summary.id, [{ type: 'paragraph', content: [{ type: 'text', text: 'Copied by hand.' }] }])
      await new Promise(r => setTimeout(r, 1500))
    } finally {
      client.destroy()
    }
    const probe = new YClient(server.url, f.reportId, f.accounts.secretariat.cookie)
    try {
      await probe.synced()
      expect(probe.doc.getXmlFragment(sectionFragmentName(summary.id)).toString()).not.toContain('Copied by hand.')
    } finally {
      probe.destroy()
    }
  })

  it('makes an empty section generated for the secretariat only, and refuses one with text, changing nothing', async () => {
    const list = await sections()
    const [withText, empty] = [list.find(s => s.title.startsWith('V. '))!, list.find(s => s.title.startsWith('II. '))!]
    const refused = await f.apis.secretariat.raw('PATCH', `/api/reports/${f.reportId}/sections/${withText.id}`, { generated: 'recommendations' })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ data: { code: 'generatedSectionHasText' } })
    expect((await sections()).find(s => s.id === withText.id)!.generated).toBeFalsy()

    expect((await f.apis.author.raw('PATCH', `/api/reports/${f.reportId}/sections/${empty.id}`, { generated: 'recommendations' })).status).toBe(403)
    await f.apis.secretariat.call('PATCH', `/api/reports/${f.reportId}/sections/${empty.id}`, { generated: 'recommendations' })
    await until(() => sections(), l => l.find(s => s.id === empty.id)!.generated === 'recommendations', 'the section to be generated')
    // And back: a written section again.
    await f.apis.secretariat.call('PATCH', `/api/reports/${f.reportId}/sections/${empty.id}`, { generated: null, priorityList: true })
    const back = await until(() => sections(), l => !l.find(s => s.id === empty.id)!.generated, 'the section to be written again')
    expect(back.find(s => s.id === empty.id)!.priorityList).toBe(true)
  })
})
