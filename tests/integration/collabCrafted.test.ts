/**
 * The guard over a real socket, against a crafted y-websocket client: the overlap that once let an
 * author write into a section made final after they typed in it (tests/unit/guardPlacement.test.ts
 * has the guard alone; docs/guard.md the class). The crafted update is refused with 4400, and
 * neither the live document, the store, nor anyone connected sees a character of it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { craftItem, encodeCrafted } from '../support/craftUpdate'
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

async function connect(who: Who): Promise<YClient> {
  const c = new YClient(fx.baseUrl, fx.reportId, fx.accounts[who].cookie)
  clients.push(c)
  await c.synced()
  return c
}

const fragment = (doc: Y.Doc, i: number) => doc.getXmlFragment(`section:${fx.sectionIds[i]}`)

function typeParagraph(doc: Y.Doc, i: number, text: string): void {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  fragment(doc, i).insert(fragment(doc, i).length, [p])
}

it('refuses an author\'s crafted overlap that claims a draft section but would land in a final one', async () => {
  const author = await connect('author')
  const secretariat = await connect('secretariat')
  typeParagraph(author.doc, 6, 'Text in a draft section.')
  typeParagraph(author.doc, 5, 'Last words before the section is final.')
  await eventually(() => fragment(secretariat.doc, 5).toString().includes('Last words'), 5000, 'the author\'s text')
  secretariat.doc.getArray<Y.Map<unknown>>('sections').get(5).set('status', 'final')
  await eventually(() => author.doc.getArray<Y.Map<unknown>>('sections').get(5).get('status') === 'final', 5000, 'final status')
  const finalBefore = fragment(secretariat.doc, 5).toString()

  // The crafted client: the author's own Yjs client id, one clock below what the server holds,
  // the origin a character of the draft section.
  const client = author.doc.clientID
  const state = Y.getState(author.doc.store, client)
  const draftText = (fragment(author.doc, 6).get(fragment(author.doc, 6).length - 1) as Y.XmlElement).get(0) as Y.XmlText
  const origin = draftText._start!.id
  const crafted = encodeCrafted([craftItem({ client, clock: state - 1, origin, content: new Y.ContentString('XX') })])
  const raw = rawSocket(fx.baseUrl, fx.reportId, fx.accounts.author.cookie)
  await raw.opened
  raw.ws.send(updateMessage(crafted))
  const close = await raw.closed
  expect(close.code).toBe(4400)

  // Nothing of it anywhere: a later legitimate edit arrives, the crafted one never did.
  typeParagraph(secretariat.doc, 6, 'Marker after the attack.')
  const viewer = await connect('viewer')
  await eventually(() => fragment(viewer.doc, 6).toString().includes('Marker after'), 5000, 'the marker')
  expect(fragment(viewer.doc, 5).toString()).toBe(finalBefore)
  expect(fragment(secretariat.doc, 5).toString()).toBe(finalBefore)
  expect(fragment(storedDocSqlite(server.dataDir, fx.reportId), 5).toString()).toBe(finalBefore)
  expect(Y.getState(viewer.doc.store, client)).toBe(state)
})
