/**
 * GET /api/reports/:id/check through HTTP with a real server: members get the list computed from
 * the stored document (text written over the websocket by a real y-websocket client, a thread
 * opened with the app's comment writer, statuses and limits set through the routes); non-members
 * get 404, signed-out visitors 401, as for every report route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { chorusSchema } from '../../shared/editor/extensions'
import { sectionFragmentName } from '../../shared/docNames'
import { setResolved } from '../../shared/commentsDoc'
import type { CheckItem } from '../../shared/submissionCheck'
import { commentOn } from '../fixtures-gen/sampleComments'
import { Api } from '../support/api'
import { removeDataDir, startServer } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { collabFixture } from './support/yclientFixture'
import type { CollabFixture } from './support/yclientFixture'
import { YClient } from './support/yclient'

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await read()
    if (ok(v)) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`)
    await new Promise(r => setTimeout(r, 100))
  }
}

describe('GET /api/reports/:id/check', () => {
  let server: ServerHandle
  let f: CollabFixture
  const items = async (who: keyof CollabFixture['apis'] = 'viewer') => (await f.apis[who].call<{ items: CheckItem[] }>('GET', `/api/reports/${f.reportId}/check`)).items
  const has = (list: CheckItem[], kind: string, sectionId?: string) => list.some(i => i.kind === kind && (sectionId === undefined || i.sectionId === sectionId))

  beforeAll(async () => {
    server = await startServer()
    f = await collabFixture(server.url)
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    if (server) removeDataDir(server.dataDir)
  })

  it('refuses signed-out visitors (401) and non-members (404), like the other report routes', async () => {
    expect((await new Api(server.url).raw('GET', `/api/reports/${f.reportId}/check`)).status).toBe(401)
    const outsider = await f.apis.outsider.raw('GET', `/api/reports/${f.reportId}/check`)
    expect(outsider.status).toBe(404)
    expect(await outsider.text()).not.toContain('Collaboration test report')
    expect((await f.apis.outsider.raw('GET', '/api/reports/nosuchreport/check')).status).toBe(404)
  })

  it('gives every member the list of a new report: every section empty and not final, no deadline', async () => {
    for (const who of ['secretariat', 'author', 'reviewer', 'viewer'] as const) {
      const list = await items(who)
      // Generated sections (the summary of recommendations, the follow-up table) are never "empty".
      const { sections } = await f.apis.viewer.call<{ sections: { id: string, generated: string | null }[] }>('GET', `/api/reports/${f.reportId}`)
      const generated = sections.filter(s => s.generated).map(s => s.id)
      expect(generated.length).toBeGreaterThan(0)
      for (const id of generated) expect(has(list, 'section-empty', id)).toBe(false)
      for (const id of f.sectionIds.filter(id => !generated.includes(id))) {
        expect(has(list, 'section-empty', id), `${who} ${id}`).toBe(true)
        expect(has(list, 'section-not-final', id)).toBe(true)
      }
      expect(has(list, 'deadline-missing')).toBe(true)
      for (const item of list) {
        expect(Object.keys(item).sort()).toEqual(expect.arrayContaining(['kind', 'message', 'severity']))
        expect(['blocking', 'warning', 'info']).toContain(item.severity)
        expect(item.message).toMatch(/\w/)
      }
      // Blocking items come first.
      expect(list[0]!.severity).toBe('blocking')
    }
  })

  it('follows the stored document: text written over the websocket, a thread, the limit, statuses and the deadline', async () => {
    const [first] = f.sectionIds
    const client = new YClient(server.url, f.reportId, f.accounts.author.cookie)
    try {
      await client.synced()
      client.doc.transact(() => {
        prosemirrorJSONToYXmlFragment(chorusSchema(), { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The State party has adopted a strategy without a budget.' }] }] }, client.doc.getXmlFragment(sectionFragmentName(first!)))
      })
      const threadId = commentOn(client.doc, first!, 'without a budget', { author: { id: f.accounts.author.id, name: f.accounts.author.name }, body: 'Source for this?' })
      const list = await until(() => items(), l => !has(l, 'section-empty', first) && has(l, 'open-threads', first), 'the text and thread to be stored')
      const threads = list.find(i => i.kind === 'open-threads')!
      expect(threads).toMatchObject({ severity: 'warning', sectionId: first, params: { count: 1, threadId } })
      expect(threads.message).toContain('1 open comment thread')

      setResolved(client.doc, threadId, true, f.accounts.author.id)
      await until(() => items(), l => !has(l, 'open-threads'), 'the thread to be resolved')
    } finally {
      client.destroy()
    }

    await f.apis.secretariat.call('PATCH', `/api/reports/${f.reportId}`, { wordLimit: 5, deadline: '2099-12-31', coalition: '' })
    let list = await items()
    expect(list.find(i => i.kind === 'word-limit')).toMatchObject({ severity: 'blocking', params: { words: 10, limit: 5, over: 5 } })
    expect(list.find(i => i.kind === 'deadline')).toMatchObject({ severity: 'info', params: { deadline: '2099-12-31' } })
    expect(list.find(i => i.kind === 'cover-missing' && i.params?.field === 'coalition')).toBeTruthy()

    await f.apis.secretariat.call('PATCH', `/api/reports/${f.reportId}/sections/${first}`, { status: 'final' })
    list = await items()
    expect(has(list, 'section-not-final', first)).toBe(false)
    expect(has(list, 'section-not-final', f.sectionIds[1])).toBe(true)
  })

  it('lists a cross-reference whose target was deleted, in the section that holds the reference', async () => {
    const { id } = await f.apis.secretariat.call('POST', '/api/reports', { title: 'Cross-references', templateId: 'crc-alternative-report' })
    const [targetSection, referring] = (await f.apis.secretariat.call('GET', `/api/reports/${id}`)).sections.map((s: { id: string }) => s.id) as [string, string]
    const client = new YClient(server.url, id, f.accounts.secretariat.cookie)
    const read = () => f.apis.secretariat.call<{ items: CheckItem[] }>('GET', `/api/reports/${id}/check`).then(r => r.items)
    try {
      await client.synced()
      client.doc.transact(() => {
        prosemirrorJSONToYXmlFragment(chorusSchema(), { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Intro.' }] }, { type: 'paragraph', attrs: { refId: 'target1' }, content: [{ type: 'text', text: 'The target.' }] }] }, client.doc.getXmlFragment(sectionFragmentName(targetSection)))
        prosemirrorJSONToYXmlFragment(chorusSchema(), { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'See ' }, { type: 'crossReference', attrs: { targetId: 'target1', targetKind: 'paragraph' } }] }] }, client.doc.getXmlFragment(sectionFragmentName(referring)))
      })
      await until(read, l => !has(l, 'section-empty', referring), 'the text to be stored')
      expect(has(await read(), 'broken-references')).toBe(false)
      const body = client.doc.getXmlFragment(sectionFragmentName(targetSection))
      client.doc.transact(() => body.delete(1, 1))
      const list = await until(read, l => has(l, 'broken-references'), 'the target\'s deletion to be stored')
      expect(list.find(i => i.kind === 'broken-references')).toMatchObject({ severity: 'blocking', sectionId: referring, params: { count: 1 } })
      expect(list.find(i => i.kind === 'broken-references')!.message).toContain('1 broken cross-reference')
    } finally {
      client.destroy()
    }
  })

  it('names the thematic LOIPR case: 3,000 words, annexes excluded', async () => {
    const { id } = await f.apis.secretariat.call('POST', '/api/reports', { title: 'Thematic input', templateId: 'crc-loipr-submission', scope: 'thematic' })
    const detail = await f.apis.secretariat.call('GET', `/api/reports/${id}`)
    expect(detail.meta.wordLimit).toBe(3000)
    const counted = detail.sections.find((s: { countsTowardLimit: boolean }) => s.countsTowardLimit).id as string
    const client = new YClient(server.url, id, f.accounts.secretariat.cookie)
    try {
      await client.synced()
      const text = Array.from({ length: 3010 }, (_, k) => `word${k}`).join(' ')
      client.doc.transact(() => {
        prosemirrorJSONToYXmlFragment(chorusSchema(), { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, client.doc.getXmlFragment(sectionFragmentName(counted)))
      })
      const list = await until(() => f.apis.secretariat.call<{ items: CheckItem[] }>('GET', `/api/reports/${id}/check`).then(r => r.items), l => has(l, 'word-limit'), 'the text to be stored')
      expect(list[0]).toMatchObject({ kind: 'word-limit', severity: 'blocking', params: { words: 3010, limit: 3000, over: 10, scope: 'thematic' } })
      expect(list[0]!.message).toContain('over the thematic submission limit of 3,000')
    } finally {
      client.destroy()
    }
  })
})
