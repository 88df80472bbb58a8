/**
 * HTTP routes that change a report's document are judged against the LIVE document, in the
 * same step that changes it — never against a copy read earlier from the store (check-then-act).
 *
 * The server runs with its commits paced 2.5 s apart (the hub's own tuning knobs), so a change
 * sent over the websocket is in the live document seconds before it is in the store: exactly the
 * window in which a route that checks a store copy lets a forbidden change through. A second
 * server with the default settings proves that route changes and websocket edits made at the
 * same time are all kept.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { findSectionMap, readMeta, readSections } from '#shared/reportDoc'
import { startServer, removeDataDir, ROOT } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { collabFixture } from './support/yclientFixture'
import type { CollabFixture, Who } from './support/yclientFixture'
import { YClient, eventually, storedDocSqlite } from './support/yclient'

const FIXTURE = readFileSync(resolve(ROOT, '../shared/fixtures/cluster-v-draft.docx'))
const COMMIT_INTERVAL_MS = 2500
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

const form = () => {
  const f = new FormData()
  f.append('file', new Blob([FIXTURE as Uint8Array<ArrayBuffer>]), 'draft.docx')
  return f
}

/** The text of a section's body, as a document holds it. */
const sectionText = (doc: Y.Doc, sectionId: string) => doc.getXmlFragment(`section:${sectionId}`).toString()

function harness(env: Record<string, string>) {
  const h = { server: null as unknown as ServerHandle, fx: null as unknown as CollabFixture, clients: [] as YClient[] }
  beforeAll(async () => {
    h.server = await startServer({ env })
    h.fx = await collabFixture(h.server.url)
  })
  afterAll(async () => {
    for (const c of h.clients) c.destroy()
    await h.server?.stop()
    if (h.server) removeDataDir(h.server.dataDir)
  })
  const connect = async (who: Who, reportId: string): Promise<YClient> => {
    const c = new YClient(h.fx.baseUrl, reportId, h.fx.accounts[who].cookie)
    h.clients.push(c)
    await c.synced()
    return c
  }
  const stored = (reportId: string) => storedDocSqlite(h.server.dataDir, reportId)
  return { h, connect, stored }
}

describe('routes judge the live document (commits paced 2.5 s apart)', () => {
  const { h, connect, stored } = harness({ COLLAB_BUSY_FRAMES_PER_SECOND: '0', COLLAB_BUSY_COMMIT_INTERVAL_MS: String(COMMIT_INTERVAL_MS) })

  /**
   * The secretariat makes `edit` over the websocket so that it is applied to the live document
   * but not yet stored: a first edit is committed at once (which starts the pacing), the second
   * then waits for its commit. Returns once the server has applied it.
   */
  async function pendingEdit(reportId: string, edit: (doc: Y.Doc) => void, stillStored: (doc: Y.Doc) => boolean) {
    const secretariat = await connect('secretariat', reportId)
    const marker = `warm-up ${Math.random()}`
    secretariat.doc.getMap('meta').set('contact', marker)
    await eventually(() => readMeta(stored(reportId)).contact === marker, 5000, 'the first commit')
    edit(secretariat.doc)
    await sleep(200)
    // The window the test is about: the live document has the edit, the store does not.
    expect(stillStored(stored(reportId))).toBe(true)
    return secretariat
  }

  const setStatus = (sectionId: string, status: string) => (doc: Y.Doc) => findSectionMap(doc, sectionId)!.map.set('status', status)
  const statusOf = (doc: Y.Doc, sectionId: string) => readSections(doc).find(s => s.id === sectionId)!.status

  it('an author cannot move their own section out of `final` when the secretariat made it final over the websocket a moment before (403)', async () => {
    const reportId = await h.fx.newReport('Status race')
    const sectionId = readSections(stored(reportId))[0]!.id
    await h.fx.apis.secretariat.call('PATCH', `/api/reports/${reportId}/sections/${sectionId}`, { ownerId: h.fx.accounts.author.id })
    await pendingEdit(reportId, setStatus(sectionId, 'final'), doc => statusOf(doc, sectionId) === 'draft')
    const res = await h.fx.apis.author.raw('PATCH', `/api/reports/${reportId}/sections/${sectionId}`, { status: 'review' })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ statusCode: 403 })
    await eventually(() => statusOf(stored(reportId), sectionId) === 'final', 10_000, 'the final status stored')
    const fresh = await connect('viewer', reportId)
    expect(statusOf(fresh.doc, sectionId)).toBe('final')
  })

  it('an import into a section made final over the websocket a moment before is refused (403) and writes nothing', async () => {
    const reportId = await h.fx.newReport('Import race')
    const sectionId = readSections(stored(reportId))[1]!.id
    await pendingEdit(reportId, setStatus(sectionId, 'final'), doc => statusOf(doc, sectionId) === 'draft')
    const res = await h.fx.apis.author.raw('POST', `/api/reports/${reportId}/sections/${sectionId}/import`, form())
    expect(res.status).toBe(403)
    await eventually(() => statusOf(stored(reportId), sectionId) === 'final', 10_000, 'the final status stored')
    await sleep(COMMIT_INTERVAL_MS)
    expect(sectionText(stored(reportId), sectionId)).toBe('')
  })

  it('an import is refused (403) when its author was made a reviewer while the file was still uploading', async () => {
    const reportId = await h.fx.newReport('Role race')
    const sectionId = readSections(stored(reportId))[2]!.id
    const body = new Response(form())
    const type = body.headers.get('content-type')!
    const bytes = new Uint8Array(await body.arrayBuffer())
    let send!: (chunk: Uint8Array | null) => void
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        send = chunk => (chunk ? controller.enqueue(chunk) : controller.close())
      },
    })
    const request = fetch(`${h.fx.baseUrl}/api/reports/${reportId}/sections/${sectionId}/import`, {
      method: 'POST',
      headers: { 'content-type': type, 'cookie': h.fx.accounts.author.cookie },
      body: stream,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' })
    send(bytes.subarray(0, 1024))
    await sleep(500) // the route has started (and read the role at its start)
    await h.fx.apis.secretariat.call('POST', `/api/reports/${reportId}/members`, { email: h.fx.accounts.author.email, role: 'reviewer' })
    send(bytes.subarray(1024))
    send(null)
    const res = await request
    expect(res.status).toBe(403)
    await sleep(COMMIT_INTERVAL_MS)
    expect(sectionText(stored(reportId), sectionId)).toBe('')
  })

  it('a named version saved right after a websocket edit holds that edit', async () => {
    const reportId = await h.fx.newReport('Version read')
    await pendingEdit(reportId, doc => doc.getMap('meta').set('title', 'Edited just now'), doc => readMeta(doc).title === 'Version read')
    const { version } = await h.fx.apis.secretariat.call('POST', `/api/reports/${reportId}/versions`, { name: 'After the edit' })
    await h.fx.apis.secretariat.call('POST', `/api/reports/${reportId}/versions/${version.id}/restore`)
    const fresh = await connect('viewer', reportId)
    expect(readMeta(fresh.doc).title).toBe('Edited just now')
  })

  it('a version restore keeps, in its backup, the edit that was still waiting for its commit', async () => {
    const reportId = await h.fx.newReport('Restore backup')
    const { version } = await h.fx.apis.secretariat.call('POST', `/api/reports/${reportId}/versions`, { name: 'Original' })
    await pendingEdit(reportId, doc => doc.getMap('meta').set('title', 'Typed before the restore'), doc => readMeta(doc).title === 'Restore backup')
    const { backupVersionId } = await h.fx.apis.secretariat.call('POST', `/api/reports/${reportId}/versions/${version.id}/restore`)
    const restored = await connect('viewer', reportId)
    await eventually(() => readMeta(restored.doc).title === 'Restore backup', 10_000, 'the restored title')
    await h.fx.apis.secretariat.call('POST', `/api/reports/${reportId}/versions/${backupVersionId}/restore`)
    await eventually(() => readMeta(restored.doc).title === 'Typed before the restore', 10_000, 'the title the backup kept')
  })
})

describe('route changes and websocket edits at the same time (default settings)', () => {
  const { h, connect, stored } = harness({})

  it('keeps every websocket edit and every route change, in the store and for a fresh client', async () => {
    const reportId = h.fx.reportId
    const [typed, renamed, imported] = readSections(stored(reportId)).map(s => s.id)
    const author = await connect('author', reportId)
    const body = author.doc.getXmlFragment(`section:${typed}`)
    const typing = (async () => {
      for (let i = 0; i < 40; i++) {
        const p = new Y.XmlElement('paragraph')
        p.insert(0, [new Y.XmlText(`line ${i}`)])
        body.push([p])
        await sleep(15)
      }
    })()
    const routes = Promise.all([
      ...Array.from({ length: 8 }, (_, i) => h.fx.apis.secretariat.call('PATCH', `/api/reports/${reportId}`, { contact: `contact ${i}` })),
      ...Array.from({ length: 8 }, (_, i) => h.fx.apis.secretariat.call('PATCH', `/api/reports/${reportId}/sections/${renamed}`, { title: `Title ${i}` })),
      h.fx.apis.author.call('POST', `/api/reports/${reportId}/sections/${imported}/import`, form()),
    ])
    await Promise.all([typing, routes])
    const expectAll = (doc: Y.Doc) => {
      for (let i = 0; i < 40; i++) expect(sectionText(doc, typed!)).toContain(`line ${i}`)
      expect(readMeta(doc).contact).toMatch(/^contact \d$/)
      expect(readSections(doc).find(s => s.id === renamed)!.title).toMatch(/^Title \d$/)
      expect(sectionText(doc, imported!).length).toBeGreaterThan(200)
    }
    await eventually(() => sectionText(author.doc, imported!).length > 200, 10_000, 'the import reaching the author')
    expectAll(author.doc)
    expectAll(stored(reportId))
    expectAll((await connect('viewer', reportId)).doc)
  })
})
