/**
 * The collaboration hub over real sockets: who may connect (Origin, session, membership), the
 * guard on every update (forbidden changes close the sender with 4403, change nothing on the
 * server and reach nobody), the comment rules, the size limit and malformed input, and
 * membership changes reaching open sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import WebSocket from 'ws'
import { addReply } from '#shared/commentsDoc'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { createAccount } from '../support/api'
import { collabFixture } from './support/yclientFixture'
import type { CollabFixture, Who } from './support/yclientFixture'
import { YClient, eventually, rawSocket, storedDocSqlite, updateMessage } from './support/yclient'

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

async function connect(who: Who, reportId = fx.reportId): Promise<YClient> {
  const c = new YClient(fx.baseUrl, reportId, fx.accounts[who].cookie)
  clients.push(c)
  await c.synced()
  return c
}

const fragment = (doc: Y.Doc, i: number) => doc.getXmlFragment(`section:${fx.sectionIds[i]}`)
const sectionMap = (doc: Y.Doc, i: number) => doc.getArray<Y.Map<unknown>>('sections').get(i)
const paragraph = (text: string) => {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  return p
}

/** Everything observable of a document (contents and state vector). */
const fingerprint = (doc: Y.Doc) => JSON.stringify({
  meta: doc.getMap('meta').toJSON(),
  sections: doc.getArray('sections').toJSON(),
  bodies: fx.sectionIds.map((_, i) => fragment(doc, i).toString()),
  comments: doc.getMap('comments').toJSON(),
})

/**
 * `who` makes `edit` with a stock provider: the server must close that socket with 4403, keep
 * its own state and the stored state unchanged, and another participant must never see it (a
 * legitimate edit sent afterwards arrives, so the forbidden one would have arrived first).
 */
async function expectRefused(who: Who, edit: (doc: Y.Doc) => void) {
  const watcher = await connect('secretariat')
  const offender = await connect(who)
  const before = fingerprint(watcher.doc)
  const storedBefore = fingerprint(storedDocSqlite(server.dataDir, fx.reportId))
  edit(offender.doc)
  const close = await offender.closed()
  expect(close.code).toBe(4403)
  expect(close.reason).toMatch(/^forbidden-write/)
  const marker = `marker ${Math.random()}`
  const writer = await connect('secretariat')
  writer.doc.getMap('meta').set('contact', marker)
  await eventually(() => watcher.doc.getMap('meta').get('contact') === marker, 5000, 'the legitimate edit')
  const fresh = await connect('viewer')
  const withoutContact = (s: string) => s.replace(/"contact":"[^"]*"/, '')
  expect(withoutContact(fingerprint(watcher.doc))).toBe(withoutContact(before))
  expect(withoutContact(fingerprint(fresh.doc))).toBe(withoutContact(before))
  await eventually(() => withoutContact(fingerprint(storedDocSqlite(server.dataDir, fx.reportId))) === withoutContact(storedBefore), 3000, 'stored state')
}

describe('upgrade', () => {
  it('refuses another site\'s Origin and a missing Origin with HTTP 403', async () => {
    const evil = rawSocket(fx.baseUrl, fx.reportId, fx.accounts.secretariat.cookie, 'http://evil.example')
    expect(await evil.closed).toEqual({ code: -403, reason: 'http' })
    const none = rawSocket(fx.baseUrl, fx.reportId, fx.accounts.secretariat.cookie, null)
    expect(await none.closed).toEqual({ code: -403, reason: 'http' })
  })

  it('closes an anonymous socket with 4401 and a non-member\'s with 4403', async () => {
    expect((await rawSocket(fx.baseUrl, fx.reportId, '').closed).code).toBe(4401)
    expect((await rawSocket(fx.baseUrl, fx.reportId, 'chorus_session=forged').closed).code).toBe(4401)
    expect((await rawSocket(fx.baseUrl, fx.reportId, fx.accounts.outsider.cookie).closed).code).toBe(4403)
    expect((await rawSocket(fx.baseUrl, 'no-such-report', fx.accounts.secretariat.cookie).closed).code).toBe(4403)
  })

  it('refuses an upgrade on any path other than /api/collab/<reportId> with HTTP 404', async () => {
    for (const path of ['/api/health', '/api/reports', '/', '/no/such/page', '/api/collab']) {
      const ws = new WebSocket(`${fx.baseUrl.replace(/^http/, 'ws')}${path}`, { headers: { cookie: fx.accounts.secretariat.cookie, origin: fx.baseUrl } })
      const status = await new Promise<number | 'open'>((resolve) => {
        ws.on('open', () => resolve('open'))
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
        ws.on('error', () => {})
      })
      ws.terminate()
      expect(status, path).toBe(404)
    }
  })
})

describe('guard: forbidden updates are dropped whole', () => {
  it('reviewer: section text, meta, section structure', async () => {
    await expectRefused('reviewer', d => fragment(d, 0).insert(0, [paragraph('reviewer text')]))
    await expectRefused('reviewer', d => d.getMap('meta').set('title', 'Reviewer title'))
    await expectRefused('reviewer', d => sectionMap(d, 0).set('title', 'Renamed by reviewer'))
  })

  it('viewer: section text, meta, section structure, a comment', async () => {
    await expectRefused('viewer', d => fragment(d, 1).insert(0, [paragraph('viewer text')]))
    await expectRefused('viewer', d => d.getMap('meta').set('title', 'Viewer title'))
    await expectRefused('viewer', d => d.getArray('sections').delete(2, 1))
    await expectRefused('viewer', d => d.getMap('comments').set('t-viewer', new Y.Map<unknown>([['authorId', fx.accounts.viewer.id], ['createdAt', Date.now()]])))
  })

  it('author: text of a final section, section structure, meta — and the whole update, not the allowed half', async () => {
    const sec = await connect('secretariat')
    sectionMap(sec.doc, 3).set('status', 'final')
    const author = await connect('author')
    await eventually(() => sectionMap(author.doc, 3).get('status') === 'final', 5000, 'status final')
    author.destroy()
    await expectRefused('author', d => fragment(d, 3).insert(0, [paragraph('author text in a final section')]))
    await expectRefused('author', d => d.getArray('sections').delete(4, 1))
    await expectRefused('author', d => sectionMap(d, 4).set('ownerId', fx.accounts.author.id))
    await expectRefused('author', d => sectionMap(d, 3).set('status', 'draft'))
    await expectRefused('author', d => d.getMap('meta').set('deadline', '2030-01-01'))
    // An allowed edit and a forbidden one in one transaction: nothing of it is kept.
    await expectRefused('author', d => d.transact(() => {
      fragment(d, 0).insert(0, [paragraph('allowed part')])
      fragment(d, 3).insert(0, [paragraph('forbidden part')])
    }))
  })

  it('lets the author write a draft section (the guard is not simply closed)', async () => {
    const watcher = await connect('reviewer')
    const author = await connect('author')
    fragment(author.doc, 0).insert(0, [paragraph('author draft text')])
    await eventually(() => fragment(watcher.doc, 0).toString().includes('author draft text'), 5000, 'author text')
  })

  it('an update made for another report changes neither report', async () => {
    const otherId = await fx.newReport('Other report')
    const otherBefore = fingerprint(storedDocSqlite(server.dataDir, otherId))
    // A stock client of THIS report makes a change; its bytes are sent to the OTHER report's room.
    const probe = await connect('author')
    const captured: Uint8Array[] = []
    probe.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== probe.provider && captured.push(u))
    probe.provider.disconnect()
    fragment(probe.doc, 10).insert(0, [paragraph('meant for another report')])
    const raw = rawSocket(fx.baseUrl, otherId, fx.accounts.author.cookie)
    await raw.opened
    raw.ws.send(updateMessage(Y.mergeUpdates(captured)))
    const close = await raw.closed
    expect(close.code).toBe(4403)
    const fresh = await connect('secretariat', otherId)
    expect(JSON.stringify(fresh.doc.toJSON())).not.toContain('meant for another report')
    expect(fingerprint(storedDocSqlite(server.dataDir, otherId))).toBe(otherBefore)
    expect(fingerprint(storedDocSqlite(server.dataDir, fx.reportId))).not.toContain('meant for another report')
  })
})

describe('missing dependencies', () => {
  it('drops an update whose predecessor the server never saw and asks the sender to resync', async () => {
    const probe = await connect('author')
    const updates: Uint8Array[] = []
    probe.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== probe.provider && updates.push(u))
    probe.provider.disconnect()
    fragment(probe.doc, 5).insert(0, [paragraph('first')])
    ;((fragment(probe.doc, 5).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(5, ' and second')
    const raw = rawSocket(fx.baseUrl, fx.reportId, fx.accounts.author.cookie)
    await raw.opened
    await eventually(() => raw.messages.length >= 1, 5000, 'the server\'s sync step 1')
    const before = raw.messages.length
    raw.ws.send(updateMessage(updates[1]!)) // depends on updates[0], which the server never got
    await eventually(() => raw.messages.slice(before).some(m => m[0] === 0 && m[1] === 0), 5000, 'a resync request (sync step 1)')
    expect(raw.ws.readyState).toBe(raw.ws.OPEN)
    const fresh = await connect('viewer')
    expect(fragment(fresh.doc, 5).toString()).not.toContain('second')
    raw.ws.close()
  })
})

describe('comments', () => {
  const thread = (doc: Y.Doc, id: string, authorId: string, authorName: string) => doc.getMap('comments').set(id, new Y.Map<unknown>([
    ['id', id], ['sectionId', fx.sectionIds[0]], ['authorId', authorId], ['authorName', authorName], ['createdAt', Date.now()],
    ['body', 'Needs a source'], ['mentions', []], ['resolved', false], ['replies', new Y.Array()],
  ]))

  it('a reviewer opens, edits and resolves their own thread; forging, or resolving another\'s, is refused', async () => {
    const watcher = await connect('secretariat')
    const reviewer = await connect('reviewer')
    const { id, name } = fx.accounts.reviewer
    thread(reviewer.doc, 't-reviewer-own', id, name)
    await eventually(() => watcher.doc.getMap('comments').has('t-reviewer-own'), 5000, 'own thread')
    const own = reviewer.doc.getMap('comments').get('t-reviewer-own') as Y.Map<unknown>
    own.set('body', 'Needs two sources')
    own.set('resolved', true)
    await eventually(() => (watcher.doc.getMap('comments').get('t-reviewer-own') as Y.Map<unknown>).get('resolved') === true, 5000, 'resolved')

    thread(watcher.doc, 't-secretariat', fx.accounts.secretariat.id, fx.accounts.secretariat.name)
    await eventually(() => reviewer.doc.getMap('comments').has('t-secretariat'), 5000, 'secretariat thread')
    await expectRefused('reviewer', d => (d.getMap('comments').get('t-secretariat') as Y.Map<unknown>).set('resolved', true))
    await expectRefused('reviewer', d => (d.getMap('comments').get('t-secretariat') as Y.Map<unknown>).set('body', 'rewritten'))
    await expectRefused('reviewer', d => thread(d, 't-forged', fx.accounts.author.id, fx.accounts.author.name))
    await expectRefused('reviewer', d => d.getMap('comments').delete('t-secretariat'))
  })

  it('a reviewer replies to anyone\'s thread, in their own name only', async () => {
    const watcher = await connect('secretariat')
    thread(watcher.doc, 't-for-replies', fx.accounts.secretariat.id, fx.accounts.secretariat.name)
    const reviewer = await connect('reviewer')
    await eventually(() => reviewer.doc.getMap('comments').has('t-for-replies'), 5000, 'thread')
    // The app's own writer, in the reviewer's name and then in someone else's.
    const reply = (author: { id: string, name: string }) => (d: Y.Doc) => addReply(d, 't-for-replies', { author, body: `Agreed by ${author.id}`, mentions: [] })
    reply(fx.accounts.reviewer)(reviewer.doc)
    await eventually(() => JSON.stringify(watcher.doc.getMap('comments').toJSON()).includes(`Agreed by ${fx.accounts.reviewer.id}`), 5000, 'reply')
    await expectRefused('reviewer', reply(fx.accounts.secretariat))
  })
})

describe('presence', () => {
  it('replaces a forged user with the session\'s, relays only the sender\'s own clientID, and drops a viewer\'s', async () => {
    const observer = await connect('reviewer')
    const forger = await connect('author')
    const viewer = await connect('viewer')
    forger.provider.awareness.setLocalStateField('user', { id: fx.accounts.secretariat.id, name: 'Someone Else', color: '#000' })
    viewer.provider.awareness.setLocalStateField('cursor', { anchor: 1 })
    const forgerId = forger.doc.clientID
    await eventually(() => observer.provider.awareness.getStates().has(forgerId), 5000, 'the author\'s presence')
    const user = observer.provider.awareness.getStates().get(forgerId)!.user
    expect(user).toEqual({ id: fx.accounts.author.id, name: fx.accounts.author.name, color: expect.any(String) })
    // A crafted awareness update speaking for the observer's clientID is not relayed.
    forger.provider.awareness.states.set(observer.doc.clientID, { user: { name: 'Hijacked' } })
    forger.provider.awareness.meta.set(observer.doc.clientID, { clock: 99, lastUpdated: Date.now() })
    forger.provider.awareness.emit('update', [{ added: [], updated: [observer.doc.clientID], removed: [] }, 'local'])
    await new Promise(r => setTimeout(r, 300))
    const third = await connect('secretariat')
    await eventually(() => third.provider.awareness.getStates().has(forgerId), 5000, 'presence for a newcomer')
    // (The observer itself never published a state, so its clientID must be unknown.)
    expect(third.provider.awareness.getStates().has(observer.doc.clientID)).toBe(false)
    expect(third.provider.awareness.getStates().has(viewer.doc.clientID)).toBe(false)
    expect(observer.provider.awareness.getStates().has(viewer.doc.clientID)).toBe(false)
  })
})

describe('limits and malformed input', () => {
  it('closes a socket that sends more than MAX_MESSAGE_BYTES with 4413', async () => {
    const raw = rawSocket(fx.baseUrl, fx.reportId, fx.accounts.secretariat.cookie)
    await raw.opened
    raw.ws.send(updateMessage(new Uint8Array(9 * 1024 * 1024)))
    expect((await raw.closed).code).toBe(4413)
  })

  it('closes a socket that sends garbage with 4400 while another client carries on', async () => {
    const watcher = await connect('reviewer')
    const writer = await connect('secretariat')
    const raw = rawSocket(fx.baseUrl, fx.reportId, fx.accounts.author.cookie)
    await raw.opened
    fragment(writer.doc, 2).insert(0, [paragraph('before garbage')])
    raw.ws.send(new Uint8Array([0, 2, 200, 1, 2, 3]))
    expect((await raw.closed).code).toBe(4400)
    const raw2 = rawSocket(fx.baseUrl, fx.reportId, fx.accounts.author.cookie)
    await raw2.opened
    raw2.ws.send(Buffer.from('{"hello": "json"}'))
    expect((await raw2.closed).code).toBe(4400)
    fragment(writer.doc, 2).insert(0, [paragraph('after garbage')])
    await eventually(() => fragment(watcher.doc, 2).toString().includes('after garbage'), 5000, 'edits after garbage')
    expect(fragment(watcher.doc, 2).toString()).toContain('before garbage')
  })
})

describe('membership changes', () => {
  /** A new account made an author of the report, with a synced client. */
  async function connectedNewAuthor(name: string) {
    const extra = await createAccount(fx.apis.secretariat, name)
    await fx.apis.secretariat.call('POST', `/api/reports/${fx.reportId}/members`, { email: extra.account.email, role: 'author' })
    const c = new YClient(fx.baseUrl, fx.reportId, extra.account.cookie)
    clients.push(c)
    await c.synced()
    return { extra, c }
  }

  it('removing a member closes their socket within 5 s', async () => {
    const { extra, c } = await connectedNewAuthor('Removed Member')
    const started = Date.now()
    await fx.apis.secretariat.call('DELETE', `/api/reports/${fx.reportId}/members/${extra.account.id}`)
    const close = await c.closed(5000)
    expect(close.code).toBe(4403)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('a lowered role applies to the next message of an open socket', async () => {
    const { extra, c } = await connectedNewAuthor('Demoted Member')
    await fx.apis.secretariat.call('POST', `/api/reports/${fx.reportId}/members`, { email: extra.account.email, role: 'viewer' })
    fragment(c.doc, 0).insert(0, [paragraph('written after demotion')])
    expect((await c.closed()).code).toBe(4403)
  })
})
