/**
 * Review threads against the hub's guard, over real sockets: each change is made with the same
 * shared/commentsDoc functions the browser uses (or forged by hand), on a copy of the server's
 * stored document, and sent as a y-websocket update message by the given member. A forbidden
 * change must close that socket with 4403 and never reach the stored copy; an allowed one must
 * be stored. Every assertion reads the server's stored copy (SQLite), not the sender's document.
 */
import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { addReply, addThread, decideSuggestion, deleteMessage, editMessage, readThread, setResolved } from '../../shared/commentsDoc'
import type { ThreadView } from '../../shared/commentsDoc'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { collabFixture } from './support/yclientFixture'
import type { CollabFixture, Who } from './support/yclientFixture'
import { eventually, rawSocket, storedDocSqlite, updateMessage } from './support/yclient'

let server: ServerHandle
let fx: CollabFixture
let sectionId: string

beforeAll(async () => {
  server = await startServer()
  fx = await collabFixture(server.url)
  sectionId = fx.sectionIds[0]!
  // Some text to comment on, written by the author.
  expect(await send('author', (d) => {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('The State party should collect disaggregated data on child labour.')])
    d.getXmlFragment(`section:${sectionId}`).insert(0, [p])
  })).toBe('kept')
})

afterAll(async () => {
  await server?.stop()
  if (server) removeDataDir(server.dataDir)
})

const stored = () => storedDocSqlite(server.dataDir, fx.reportId)
const person = (who: Who) => ({ id: fx.accounts[who].id, name: fx.accounts[who].name })
const threadIn = (doc: Y.Doc, id: string): ThreadView | null => {
  const m = doc.getMap<Y.Map<unknown>>('comments').get(id)
  return m instanceof Y.Map ? readThread(id, m) : null
}
const storedThread = (id: string) => threadIn(stored(), id)
const firstText = (doc: Y.Doc) => ((doc.getXmlFragment(`section:${sectionId}`).get(0) as Y.XmlElement).get(0) as Y.XmlText)

/** Anchors around `word` in the first paragraph of the section, as the browser encodes them. */
function anchorsOn(doc: Y.Doc, word: string) {
  const text = firstText(doc)
  const at = text.toString().indexOf(word)
  return {
    anchorStart: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, at, 0)),
    anchorEnd: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, at + word.length, -1)),
    quote: word,
  }
}

function syncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))
  return encoding.toUint8Array(e)
}
const isSyncStep2 = (m: Uint8Array) => {
  const d = decoding.createDecoder(m)
  return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1
}

/**
 * `who` makes `edit` on a copy of the stored document and sends the resulting update over a raw
 * socket, followed by a sync step 1. The hub answers a step 1 only after committing what came
 * before it, so the answer means "kept"; a 4403 close means "dropped".
 */
async function send(who: Who, edit: (doc: Y.Doc) => void): Promise<'kept' | 'dropped'> {
  const copy = stored()
  const before = Y.encodeStateVector(copy)
  edit(copy)
  const update = Y.encodeStateAsUpdate(copy, before)
  const raw = rawSocket(fx.baseUrl, fx.reportId, fx.accounts[who].cookie)
  await raw.opened
  const seen = raw.messages.length
  raw.ws.send(updateMessage(update))
  raw.ws.send(syncStep1(copy))
  const outcome = await Promise.race([
    raw.closed.then(c => (c.code === 4403 ? 'dropped' as const : `closed ${c.code}`)),
    eventually(() => raw.messages.slice(seen).some(isSyncStep2), 10_000, 'the answer to step 1').then(() => 'kept' as const),
  ])
  raw.ws.close()
  if (outcome !== 'kept' && outcome !== 'dropped') throw new Error(`unexpected ${outcome}`)
  return outcome
}

/** Open a thread as `who` (allowed) and return its id. */
async function threadBy(who: Who, word: string, suggestion?: string): Promise<string> {
  let id = ''
  expect(await send(who, (d) => {
    id = addThread(d, { sectionId, ...anchorsOn(d, word), author: person(who), body: `Comment on ${word}`, mentions: [], suggestion })
  })).toBe('kept')
  return id
}

describe('who may open threads and replies', () => {
  it('drops a viewer\'s new thread, even in the viewer\'s own name', async () => {
    let id = ''
    expect(await send('viewer', (d) => {
      id = addThread(d, { sectionId, ...anchorsOn(d, 'data'), author: person('viewer'), body: 'Viewer comment', mentions: [] })
    })).toBe('dropped')
    expect(storedThread(id)).toBeNull()
  })

  it('keeps a reviewer\'s thread in their own name, with its anchors, quote and mentions', async () => {
    let id = ''
    expect(await send('reviewer', (d) => {
      id = addThread(d, { sectionId, ...anchorsOn(d, 'child labour'), author: person('reviewer'), body: 'Cite the ILO survey, @Test author', mentions: [fx.accounts.author.id] })
    })).toBe('kept')
    const t = storedThread(id)!
    expect(t).toMatchObject({ authorId: fx.accounts.reviewer.id, authorName: fx.accounts.reviewer.name, quote: 'child labour', mentions: [fx.accounts.author.id], status: 'open' })
    const doc = stored()
    const start = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(t.anchorStart), doc)!
    expect(firstText(doc).toString().slice(start.index, start.index + 12)).toBe('child labour')
  })

  it('drops threads with a forged authorId, authorName or createdAt', async () => {
    const forged = async (fields: Record<string, unknown>) => {
      const id = `forged-${Math.random().toString(36).slice(2, 10)}`
      const outcome = await send('reviewer', d => d.getMap('comments').set(id, new Y.Map<unknown>(Object.entries({
        id, sectionId, ...anchorsOn(d, 'data'), authorId: fx.accounts.reviewer.id, authorName: fx.accounts.reviewer.name,
        createdAt: Date.now(), body: 'Forged', mentions: [], resolved: false, replies: new Y.Array(), ...fields,
      }))))
      expect(storedThread(id)).toBeNull()
      return outcome
    }
    expect(await forged({ authorId: fx.accounts.author.id })).toBe('dropped')
    expect(await forged({ authorName: fx.accounts.author.name })).toBe('dropped')
    expect(await forged({ createdAt: Date.now() - 24 * 3600_000 })).toBe('dropped')
    expect(await forged({ createdAt: Date.now() + 3600_000 })).toBe('dropped')
    expect(await forged({ authorId: undefined })).toBe('dropped')
  })

  it('keeps a reply in one\'s own name and drops a reply in someone else\'s', async () => {
    const id = await threadBy('author', 'collect')
    expect(await send('reviewer', d => addReply(d, id, { author: person('reviewer'), body: 'Agreed', mentions: [] }))).toBe('kept')
    expect(await send('reviewer', d => addReply(d, id, { author: person('secretariat'), body: 'Forged reply', mentions: [] }))).toBe('dropped')
    expect(await send('viewer', d => addReply(d, id, { author: person('viewer'), body: 'Viewer reply', mentions: [] }))).toBe('dropped')
    expect(storedThread(id)!.replies.map(r => [r.authorId, r.body])).toEqual([[fx.accounts.reviewer.id, 'Agreed']])
  })
})

describe('editing and deleting messages', () => {
  it('lets a reviewer edit and delete only their own messages', async () => {
    const authors = await threadBy('author', 'disaggregated')
    const own = await threadBy('reviewer', 'State party')
    expect(await send('reviewer', d => editMessage(d, authors, null, 'Rewritten by the reviewer', []))).toBe('dropped')
    expect(storedThread(authors)!.body).toBe('Comment on disaggregated')
    expect(await send('reviewer', d => editMessage(d, own, null, 'Cite two sources', []))).toBe('kept')
    expect(storedThread(own)!.body).toBe('Cite two sources')
    expect(storedThread(own)!.editedAt).toBeGreaterThan(0)

    expect(await send('author', d => addReply(d, own, { author: person('author'), body: 'Which ones?', mentions: [] }))).toBe('kept')
    const replyId = storedThread(own)!.replies[0]!.id
    expect(await send('reviewer', d => editMessage(d, own, replyId, 'Edited by the reviewer', []))).toBe('dropped')
    expect(await send('reviewer', d => deleteMessage(d, own, replyId))).toBe('dropped')
    expect(storedThread(own)!.replies[0]).toMatchObject({ body: 'Which ones?', deleted: false })

    expect(await send('reviewer', d => deleteMessage(d, authors, null))).toBe('dropped')
    expect(storedThread(authors)).not.toBeNull()
    expect(await send('author', d => deleteMessage(d, own, replyId))).toBe('kept')
    expect(storedThread(own)!.replies[0]).toMatchObject({ body: '', deleted: true })
    expect(await send('reviewer', d => deleteMessage(d, own, null))).toBe('kept')
    expect(storedThread(own)).toBeNull()
  })
})

describe('resolving', () => {
  it('lets a reviewer resolve their own thread but not another member\'s; authors resolve and reopen any', async () => {
    const authors = await threadBy('author', 'should')
    const own = await threadBy('reviewer', 'labour')
    expect(await send('reviewer', d => setResolved(d, authors, true, fx.accounts.reviewer.id))).toBe('dropped')
    expect(storedThread(authors)!.status).toBe('open')
    expect(await send('reviewer', d => setResolved(d, own, true, fx.accounts.reviewer.id))).toBe('kept')
    expect(storedThread(own)).toMatchObject({ status: 'resolved', resolvedBy: fx.accounts.reviewer.id })
    expect(await send('viewer', d => setResolved(d, own, false, fx.accounts.viewer.id))).toBe('dropped')
    expect(await send('author', d => setResolved(d, own, false, fx.accounts.author.id))).toBe('kept')
    expect(storedThread(own)!.status).toBe('open')
    expect(await send('author', d => setResolved(d, authors, true, fx.accounts.author.id))).toBe('kept')
    expect(storedThread(authors)!.status).toBe('resolved')
    // Resolving in another member's name is a forgery.
    expect(await send('author', d => setResolved(d, own, true, fx.accounts.secretariat.id))).toBe('dropped')
  })
})

describe('deciding suggestions', () => {
  /** Accepting as the browser does: the replacement and the decision in one transaction. */
  const acceptAs = (who: Who, id: string, decidedBy = fx.accounts[who].id) => (d: Y.Doc) => d.transact(() => {
    const t = threadIn(d, id)!
    const start = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(t.anchorStart), d)!
    const end = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(t.anchorEnd), d)!
    const text = start.type as Y.XmlText
    text.delete(start.index, end.index - start.index)
    text.insert(start.index, t.suggestion!.text)
    decideSuggestion(d, id, { status: 'accepted', userId: decidedBy })
  })

  it('drops a reviewer\'s decision, keeps an author\'s accept with its edit, and a secretariat\'s reject with its reason', async () => {
    const first = await threadBy('reviewer', 'collect', 'gather')
    expect(storedThread(first)!.suggestion).toMatchObject({ text: 'gather', status: 'open' })
    expect(await send('reviewer', d => decideSuggestion(d, first, { status: 'rejected', userId: fx.accounts.reviewer.id, reason: 'Mine anyway' }))).toBe('dropped')
    expect(await send('viewer', d => decideSuggestion(d, first, { status: 'accepted', userId: fx.accounts.viewer.id }))).toBe('dropped')
    expect(storedThread(first)!.suggestion!.status).toBe('open')
    // A decision in someone else's name is dropped, text edit included.
    expect(await send('author', acceptAs('author', first, fx.accounts.secretariat.id))).toBe('dropped')
    expect(firstText(stored()).toString()).toContain('should collect')

    expect(await send('author', acceptAs('author', first))).toBe('kept')
    const doc = stored()
    expect(firstText(doc).toString()).toContain('should gather disaggregated')
    expect(threadIn(doc, first)).toMatchObject({ status: 'accepted', suggestion: { status: 'accepted', decidedBy: fx.accounts.author.id } })

    const second = await threadBy('reviewer', 'disaggregated', 'detailed')
    expect(await send('secretariat', d => d.transact(() => decideSuggestion(d, second, { status: 'rejected', userId: fx.accounts.secretariat.id, reason: 'The Committee uses this term' })))).toBe('kept')
    expect(storedThread(second)).toMatchObject({ status: 'rejected', suggestion: { status: 'rejected', decidedBy: fx.accounts.secretariat.id, reason: 'The Committee uses this term' } })
    expect(firstText(stored()).toString()).toContain('gather disaggregated')
  })

  it('drops a reviewer\'s accept that carries the text edit too (never half-applied)', async () => {
    const id = await threadBy('reviewer', 'data', 'statistics')
    expect(await send('reviewer', acceptAs('reviewer', id))).toBe('dropped')
    expect(firstText(stored()).toString()).toContain('data on child')
    expect(storedThread(id)!.suggestion!.status).toBe('open')
  })
})

describe('Yjs client ids', () => {
  it('belong to the account that first wrote under them: a reviewer\'s comment or a secretariat\'s text under the author\'s id is dropped, the author\'s next edits are kept', async () => {
    const authorClient = 0x7a11ce
    const paragraph = (text: string) => (d: Y.Doc) => {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(text)])
      const body = d.getXmlFragment(`section:${sectionId}`)
      body.insert(body.length, [p])
    }
    expect(await send('author', (d) => {
      d.clientID = authorClient
      paragraph('Written by the author under their client id.')(d)
    })).toBe('kept')
    const claimed = new DatabaseSync(join(server.dataDir, 'chorus.sqlite'), { readOnly: true })
    expect(claimed.prepare('SELECT user_id FROM doc_clients WHERE report_id = ? AND client_id = ?').get(fx.reportId, authorClient)).toEqual({ user_id: fx.accounts.author.id })
    claimed.close()

    // Structs under the author's id would make the author's next changes look already known.
    expect(await send('reviewer', (d) => {
      d.clientID = authorClient
      addThread(d, { sectionId, ...anchorsOn(d, 'data'), author: person('reviewer'), body: 'Under a borrowed id', mentions: [] })
    })).toBe('dropped')
    expect(await send('secretariat', (d) => {
      d.clientID = authorClient
      paragraph('The secretariat under the author\'s id.')(d)
    })).toBe('dropped')
    const text = stored().getXmlFragment(`section:${sectionId}`).toString()
    expect(text).not.toContain('secretariat under')
    expect(JSON.stringify(stored().getMap('comments').toJSON())).not.toContain('borrowed id')

    // The author goes on under the same id (a reconnecting page keeps it), and so does everyone under their own.
    expect(await send('author', (d) => {
      d.clientID = authorClient
      paragraph('The author again.')(d)
    })).toBe('kept')
    expect(await send('reviewer', d => void addThread(d, { sectionId, ...anchorsOn(d, 'data'), author: person('reviewer'), body: 'Under my own id', mentions: [] }))).toBe('kept')
    expect(stored().getXmlFragment(`section:${sectionId}`).toString()).toContain('The author again.')
  })
})
