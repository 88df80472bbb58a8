/**
 * The websocket guard on its own (no server): real Yjs updates made by a client copy of a report
 * document, judged against the server's copy, for each role of DESIGN.md's table.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { guardUpdate } from '../../server/collab/guard'
import type { Writer } from '../../server/collab/guard'
import type { Role } from '../../shared/permissions'

const OWNER = 'user-author-1'
const OTHER = 'user-other-22'

/** A report document like the one the server seeds: meta, two sections (one final), comments. */
function seededDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    doc.getMap('meta').set('title', 'Alternative report')
    const sections = doc.getArray<Y.Map<unknown>>('sections')
    for (const [id, status, ownerId] of [['sec-draft1', 'draft', OWNER], ['sec-final1', 'final', OWNER], ['sec-other1', 'review', OTHER]] as const) {
      sections.push([new Y.Map<unknown>([['id', id], ['title', id], ['status', status], ['ownerId', ownerId]])])
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText('Hello world')])
      doc.getXmlFragment(`section:${id}`).insert(0, [p])
    }
  })
  return doc
}

/** A client copy of `server`, a change made on it, and the update that change produced. */
function change(server: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const sv = Y.encodeStateVector(client)
  edit(client)
  return Y.encodeStateAsUpdate(client, sv)
}

const who = (role: Role, userId = OWNER): Writer => ({ role, userId, userName: `Name of ${userId}` })
const text = (doc: Y.Doc, id: string) => (doc.getXmlFragment(`section:${id}`).get(0) as Y.XmlElement).get(0) as Y.XmlText
const sectionMap = (doc: Y.Doc, i: number) => doc.getArray<Y.Map<unknown>>('sections').get(i)

function thread(doc: Y.Doc, id: string, authorId: string, extra: Record<string, unknown> = {}) {
  doc.getMap('comments').set(id, new Y.Map<unknown>(Object.entries({
    id, sectionId: 'sec-draft1', authorId, authorName: `Name of ${authorId}`, createdAt: Date.now(), body: 'Please cite the source',
    mentions: [], resolved: false, replies: new Y.Array(), ...extra,
  })))
}

function verdict(server: Y.Doc, role: Role, edit: (doc: Y.Doc) => void, userId = OWNER) {
  const update = change(server, edit)
  const before = Y.encodeStateAsUpdate(server)
  const v = guardUpdate(server, update, who(role, userId))
  expect(Y.encodeStateAsUpdate(server)).toEqual(before) // the guard never mutates the document
  return v.ok ? 'ok' : `${v.kind}: ${v.reason}`
}

describe('guard: section text', () => {
  it('lets authors and the secretariat type in a draft section, not reviewers or viewers', () => {
    const doc = seededDoc()
    const typing = (d: Y.Doc) => text(d, 'sec-draft1').insert(5, ' brave')
    expect(verdict(doc, 'author', typing)).toBe('ok')
    expect(verdict(doc, 'secretariat', typing)).toBe('ok')
    expect(verdict(doc, 'reviewer', typing)).toMatch(/forbidden/)
    expect(verdict(doc, 'viewer', typing)).toMatch(/forbidden/)
  })

  it('refuses an author\'s edit, deletion or formatting in a final section', () => {
    const doc = seededDoc()
    expect(verdict(doc, 'author', d => text(d, 'sec-final1').insert(0, 'x'))).toMatch(/final/)
    expect(verdict(doc, 'author', d => text(d, 'sec-final1').delete(0, 3))).toMatch(/final/)
    expect(verdict(doc, 'author', d => text(d, 'sec-final1').format(0, 3, { bold: true }))).toMatch(/final/)
    expect(verdict(doc, 'secretariat', d => text(d, 'sec-final1').delete(0, 3))).toBe('ok')
  })

  it('refuses text for a section that does not exist, except from the secretariat', () => {
    const doc = seededDoc()
    const edit = (d: Y.Doc) => d.getXmlFragment('section:sec-ghost1').insert(0, [new Y.XmlElement('paragraph')])
    expect(verdict(doc, 'author', edit)).toMatch(/no such section/)
    expect(verdict(doc, 'secretariat', edit)).toBe('ok')
  })
})

describe('guard: structure and meta', () => {
  it('keeps meta and the section list to the secretariat', () => {
    const doc = seededDoc()
    expect(verdict(doc, 'author', d => d.getMap('meta').set('title', 'Mine'))).toMatch(/metadata/)
    expect(verdict(doc, 'reviewer', d => d.getMap('meta').set('title', 'Mine'))).toMatch(/forbidden/)
    expect(verdict(doc, 'author', d => d.getArray('sections').delete(0, 1))).toMatch(/sections/)
    expect(verdict(doc, 'author', d => d.getArray('sections').push([new Y.Map([['id', 'sec-new111']])]))).toMatch(/sections/)
    expect(verdict(doc, 'author', d => sectionMap(d, 0).set('title', 'Renamed'))).toMatch(/sections/)
    expect(verdict(doc, 'author', d => sectionMap(d, 0).set('ownerId', 'someone'))).toMatch(/sections/)
    expect(verdict(doc, 'secretariat', d => d.getArray('sections').delete(0, 1))).toBe('ok')
    expect(verdict(doc, 'secretariat', d => d.getMap('meta').set('title', 'New title'))).toBe('ok')
  })

  it('lets an author move their own section between draft and review, never to or from final', () => {
    const doc = seededDoc()
    expect(verdict(doc, 'author', d => sectionMap(d, 0).set('status', 'review'))).toBe('ok')
    expect(verdict(doc, 'author', d => sectionMap(d, 0).set('status', 'final'))).toMatch(/status/)
    expect(verdict(doc, 'author', d => sectionMap(d, 1).set('status', 'draft'))).toMatch(/status/)
    expect(verdict(doc, 'author', d => sectionMap(d, 2).set('status', 'draft'))).toMatch(/status/)
    expect(verdict(doc, 'author', d => sectionMap(d, 0).delete('status'))).toMatch(/sections/)
    expect(verdict(doc, 'reviewer', d => sectionMap(d, 0).set('status', 'review'))).toMatch(/forbidden/)
  })
})

describe('guard: comments', () => {
  it('lets a reviewer open a thread in their own name only', () => {
    const doc = seededDoc()
    expect(verdict(doc, 'reviewer', d => thread(d, 't-own1', OWNER))).toBe('ok')
    expect(verdict(doc, 'reviewer', d => thread(d, 't-forged', OTHER))).toMatch(/authorId/)
    expect(verdict(doc, 'reviewer', d => thread(d, 't-old', OWNER, { createdAt: Date.now() - 3_600_000 }))).toMatch(/createdAt/)
    expect(verdict(doc, 'reviewer', d => thread(d, 't-name', OWNER, { authorName: 'Someone else' }))).toMatch(/authorName/)
    expect(verdict(doc, 'reviewer', d => thread(d, 't-noid', OWNER, { authorId: undefined }))).toMatch(/authorId/)
    expect(verdict(doc, 'reviewer', d => thread(d, 't-res', OWNER, { resolved: true }))).toMatch(/resolved/)
    expect(verdict(doc, 'secretariat', d => thread(d, 't-forged', OTHER))).toMatch(/authorId/)
    expect(verdict(doc, 'viewer', d => thread(d, 't-view', OWNER))).toMatch(/forbidden/)
  })

  it('lets a reviewer edit, delete and resolve only their own threads, and reply to any', () => {
    const doc = seededDoc()
    doc.transact(() => {
      thread(doc, 't-mine', OWNER)
      thread(doc, 't-theirs', OTHER)
    })
    const t = (d: Y.Doc, id: string) => d.getMap('comments').get(id) as Y.Map<unknown>
    expect(verdict(doc, 'reviewer', d => t(d, 't-mine').set('body', 'edited'))).toBe('ok')
    expect(verdict(doc, 'reviewer', d => t(d, 't-theirs').set('body', 'edited'))).toMatch(/author/)
    expect(verdict(doc, 'reviewer', d => t(d, 't-mine').set('resolved', true))).toBe('ok')
    expect(verdict(doc, 'reviewer', d => t(d, 't-theirs').set('resolved', true))).toMatch(/resolve/)
    expect(verdict(doc, 'author', d => t(d, 't-theirs').set('resolved', true))).toBe('ok')
    expect(verdict(doc, 'reviewer', d => d.getMap('comments').delete('t-mine'))).toBe('ok')
    expect(verdict(doc, 'reviewer', d => d.getMap('comments').delete('t-theirs'))).toMatch(/delete/)
    expect(verdict(doc, 'reviewer', d => t(d, 't-theirs').set('authorId', OWNER))).toMatch(/read-only/)
    expect(verdict(doc, 'reviewer', d => thread(d, 't-theirs', OWNER))).toMatch(/in use/)
    const reply = (authorId: string) => (d: Y.Doc) => (t(d, 't-theirs').get('replies') as Y.Array<unknown>).push([
      new Y.Map<unknown>([['id', 'r1'], ['authorId', authorId], ['authorName', `Name of ${authorId}`], ['createdAt', Date.now()], ['body', 'Agreed']]),
    ])
    expect(verdict(doc, 'reviewer', reply(OWNER))).toBe('ok')
    expect(verdict(doc, 'reviewer', reply(OTHER))).toMatch(/authorId/)
  })

  it('lets a decider accept a suggestion in their own name, not a reviewer', () => {
    const doc = seededDoc()
    thread(doc, 't-sugg', OTHER, { suggestion: { text: 'better words', status: 'open' } })
    const t = (d: Y.Doc) => d.getMap('comments').get('t-sugg') as Y.Map<unknown>
    const accept = (by: string) => (d: Y.Doc) => t(d).set('suggestion', { text: 'better words', status: 'accepted', decidedBy: by, decidedAt: Date.now() })
    expect(verdict(doc, 'author', accept(OWNER))).toBe('ok')
    expect(verdict(doc, 'author', accept(OTHER))).toMatch(/decide/)
    expect(verdict(doc, 'reviewer', accept(OWNER))).toMatch(/decide/)
  })
})

describe('guard: dependencies and garbage', () => {
  it('reports an update whose predecessor the server never saw as missing, not forbidden', () => {
    const doc = seededDoc()
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
    const updates: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => updates.push(u))
    text(client, 'sec-draft1').insert(0, 'a')
    text(client, 'sec-draft1').insert(1, 'b')
    const v = guardUpdate(doc, updates[1]!, who('author'))
    expect(v.ok ? 'ok' : v.kind).toBe('missing')
    expect(guardUpdate(doc, Y.mergeUpdates(updates), who('author')).ok).toBe(true)
  })

  it('calls random bytes malformed', () => {
    const v = guardUpdate(seededDoc(), new Uint8Array([200, 1, 2, 3, 4, 5, 6, 7]), who('secretariat'))
    expect(v.ok ? 'ok' : v.kind).toMatch(/malformed|missing/)
  })
})
