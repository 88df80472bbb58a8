/**
 * The guard places every item where Y.applyUpdate will put it, not where the update claims:
 * crafted updates that once landed text in places their sender may not write (found by hand and
 * by the fuzzer), each refused — and the document untouched.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { guardUpdate } from '../../server/collab/guard'
import { craftItem, encodeCrafted, encodeSections } from '../support/craftUpdate'
import { setStatus, standardScenario, typeInSection } from '../support/guardScenario'
import type { Member } from '../support/guardScenario'

/** Any Yjs shared type (the type findRootTypeKey takes). */
type YType = Parameters<typeof Y.findRootTypeKey>[0]

/** Judge an update; the server's document must be byte-identical afterwards. */
function judge(server: Y.Doc, update: Uint8Array, m: Member): string {
  const before = Y.encodeStateAsUpdate(server)
  const v = guardUpdate(server, update, m)
  expect(Y.encodeStateAsUpdate(server)).toEqual(before)
  return v.ok ? 'ok' : `${v.kind}: ${v.reason}`
}

/** The section body whose item list actually holds `item` (walks the linked list to its start). */
function listRoot(doc: Y.Doc, id: Y.ID): string {
  let item = Y.getItem(doc.store, id) as Y.Item
  while (item.left) item = item.left
  for (const [name, type] of doc.share) {
    const found = (t: YType): boolean => {
      if (t._start === item) return true
      for (let i = t._start; i; i = i.right) {
        if (i.content instanceof Y.ContentType && found(i.content.type)) return true
      }
      return false
    }
    if (found(type)) return name
  }
  return '(nowhere)'
}

/** A copy of the server's document with `update` applied, as Yjs applies it. */
function applied(server: Y.Doc, update: Uint8Array): Y.Doc {
  const probe = new Y.Doc()
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(server))
  Y.applyUpdate(probe, update)
  return probe
}

/** The first live character `client` wrote in a section. */
function charOf(doc: Y.Doc, sectionId: string, client: number): Y.ID {
  const para = doc.getXmlFragment(`section:${sectionId}`).get(0) as Y.XmlElement
  for (let item = (para.get(0) as Y.XmlText)._start; item; item = item.right) {
    if (item.id.client === client && !item.deleted) return item.id
  }
  throw new Error('no such text')
}

describe('guard: items that overlap what the server holds', () => {
  it('refuses an author\'s overlapping item that claims an editable section but lands in a final one', () => {
    const { s, a, sec } = standardScenario()
    // A typed last in sec-final-a, which the secretariat then made final.
    s.change(sec, d => setStatus(d, 'sec-final-a', 'draft'))
    s.change(a, d => typeInSection(d, 'sec-final-a', ' Last words.'))
    s.change(sec, d => setStatus(d, 'sec-final-a', 'final'))
    const client = a.doc.clientID
    const state = Y.getState(s.server.store, client)
    const item = craftItem({ client, clock: state - 1, origin: charOf(s.server, 'sec-draft-a', client), content: new Y.ContentString('XX') })
    const update = encodeCrafted([item])
    // Yjs really puts the new character in the final section.
    expect(listRoot(applied(s.server, update), Y.createID(client, state))).toBe('section:sec-final-a')
    expect(judge(s.server, update, a)).not.toBe('ok')
  })

  it('refuses a demoted author\'s overlapping item that claims their own comment but lands in section text', () => {
    const { s, demoted } = standardScenario()
    const client = demoted.doc.clientID
    const thread = [...s.server.getMap('comments').values()].find(t => (t as Y.Map<unknown>).get('authorId') === 'user-dem') as Y.Map<unknown>
    const state = Y.getState(s.server.store, client)
    // Their last write was section text (typed while they were an author).
    expect(listRoot(s.server, Y.createID(client, state - 1))).toBe('section:sec-draft-a')
    const item = craftItem({ client, clock: state - 1, origin: thread._map.get('body')!.id, content: new Y.ContentString('XX') })
    const update = encodeCrafted([item])
    expect(listRoot(applied(s.server, update), Y.createID(client, state))).toBe('section:sec-draft-a')
    expect(judge(s.server, update, demoted)).not.toBe('ok')
  })
})

describe('guard: update shapes Yjs would apply only in part', () => {
  it('refuses an item that refers to its own client\'s future (Yjs throws half-way through applying it)', () => {
    const { s, a } = standardScenario()
    const client = a.doc.clientID
    const state = Y.getState(s.server.store, client)
    const first = craftItem({ client, clock: state, parent: 'comments', parentSub: 'x1', content: new Y.ContentAny([1]) })
    const second = craftItem({ client, clock: state + 1, origin: Y.createID(client, state + 5), content: new Y.ContentString('a') })
    const update = encodeCrafted([first, second])
    expect(() => applied(s.server, update)).toThrow()
    expect(judge(s.server, update, a)).toMatch(/^malformed/)
  })

  it('refuses a client written in two sections (Yjs keeps only the last and leaves it pending)', () => {
    const { s, a } = standardScenario()
    const client = a.doc.clientID
    const state = Y.getState(s.server.store, client)
    const at = charOf(s.server, 'sec-draft-a', client)
    const one = craftItem({ client, clock: state, origin: at, content: new Y.ContentString('a') })
    const two = craftItem({ client, clock: state + 1, origin: Y.createID(client, state), content: new Y.ContentString('b') })
    const update = encodeSections([[one], [two]])
    expect(applied(s.server, update).store.pendingStructs).not.toBeNull()
    expect(judge(s.server, update, a)).toMatch(/^malformed/)
  })

  it('refuses zero-length structs and dependency cycles across clients', () => {
    const { s, a } = standardScenario()
    const client = a.doc.clientID
    const state = Y.getState(s.server.store, client)
    const empty = craftItem({ client, clock: state, parent: 'comments', parentSub: 'x', content: new Y.ContentString('') })
    expect(judge(s.server, encodeCrafted([empty]), a)).toMatch(/^malformed/)
    // A's new item waits for B's, which waits for A's next one.
    const b = 777
    const a1 = craftItem({ client, clock: state, origin: Y.createID(b, 0), content: new Y.ContentString('a') })
    const a2 = craftItem({ client, clock: state + 1, origin: charOf(s.server, 'sec-draft-a', client), content: new Y.ContentString('a') })
    const b1 = craftItem({ client: b, clock: 0, origin: Y.createID(client, state + 1), content: new Y.ContentString('b') })
    const update = encodeCrafted([a1, a2, b1])
    expect(applied(s.server, update).store.pendingStructs).not.toBeNull()
    expect(judge(s.server, update, a)).toMatch(/^missing/)
  })
})

describe('guard: comment cases the fuzzer found', () => {
  /** Write with `m`'s own client, after their current clock. */
  function own(s: ReturnType<typeof standardScenario>['s'], m: Member) {
    let clock = Y.getState(s.server.store, m.doc.clientID)
    return (o: Omit<Parameters<typeof craftItem>[0], 'client' | 'clock'>) => craftItem({ ...o, client: m.doc.clientID, clock: clock++ })
  }

  it('refuses a reply in another person\'s name, even from the secretariat', () => {
    const { s, sec } = standardScenario()
    const thread = [...s.server.getMap<Y.Map<unknown>>('comments').values()][0]!
    const replies = thread.get('replies') as Y.Array<unknown>
    const item = own(s, sec)
    const reply = item({ parent: replies._item!.id, content: new Y.ContentType(new Y.Map()) })
    const fields = [['authorId', 'user-rev'], ['authorName', 'Name of user-rev'], ['createdAt', Date.now()], ['body', 'Forged'], ['deleted', false]] as const
    const update = encodeCrafted([reply, ...fields.map(([k, v]) => item({ parent: reply.id, parentSub: k, content: new Y.ContentAny([v]) }))])
    expect(judge(s.server, update, sec)).toMatch(/authorId must be the session user/)
  })

  it('refuses a reviewer\'s removal of a decision on their own suggestion (it would read as open again)', () => {
    const { s, a, reviewer } = standardScenario()
    const threadId = [...s.server.getMap<Y.Map<unknown>>('comments').entries()].find(([, t]) => t.get('suggestion'))![0]
    s.change(a, d => d.transact(() => decideSuggestionFor(d, threadId, 'user-a')))
    const suggestion = (s.server.getMap<Y.Map<unknown>>('comments').get(threadId)!.get('suggestion')) as Y.Map<unknown>
    const status = suggestion._map.get('status')!
    const update = encodeCrafted([], new Map([[status.id.client, [{ clock: status.id.clock, len: 1 }]]]))
    expect(judge(s.server, update, reviewer)).toMatch(/cannot decide/)
  })

  it('refuses a decision that rewrites the suggested text, or decides a suggestion nobody made', () => {
    const { s, a } = standardScenario()
    const comments = s.server.getMap<Y.Map<unknown>>('comments')
    const withSuggestion = [...comments.values()].find(t => t.get('suggestion'))!
    const without = [...comments.values()].find(t => !t.get('suggestion'))!
    const decide = (thread: Y.Map<unknown>, text: string) => encodeCrafted([own(s, a)({ parent: thread._item!.id, parentSub: 'suggestion', content: new Y.ContentAny([{ text, status: 'accepted', decidedBy: 'user-a' }]) })])
    expect(judge(s.server, decide(withSuggestion, 'Something else entirely'), a)).toMatch(/cannot decide/)
    expect(judge(s.server, decide(without, 'Words nobody suggested'), a)).toMatch(/cannot decide/)
    expect(judge(s.server, decide(withSuggestion, 'Better text'), a)).toBe('ok')
  })

  it('refuses a thread stored as a list entry of the comments map (nobody would ever see it)', () => {
    const { s, reviewer } = standardScenario()
    const item = own(s, reviewer)
    const thread = item({ parent: 'comments', content: new Y.ContentType(new Y.Map()) })
    const fields = [['authorId', 'user-rev'], ['authorName', 'Name of user-rev'], ['createdAt', Date.now()], ['body', 'Hidden']] as const
    const update = encodeCrafted([thread, ...fields.map(([k, v]) => item({ parent: thread.id, parentSub: k, content: new Y.ContentAny([v]) }))])
    expect(judge(s.server, update, reviewer)).toMatch(/stored under its id/)
  })

  it('refuses a new thread without the session\'s name', () => {
    const { s, reviewer } = standardScenario()
    const item = own(s, reviewer)
    const thread = item({ parent: 'comments', parentSub: 'thread-x', content: new Y.ContentType(new Y.Map()) })
    const fields = [['authorId', 'user-rev'], ['createdAt', Date.now()], ['body', 'Nameless']] as const
    const update = encodeCrafted([thread, ...fields.map(([k, v]) => item({ parent: thread.id, parentSub: k, content: new Y.ContentAny([v]) }))])
    expect(judge(s.server, update, reviewer)).toMatch(/authorName/)
  })
})

function decideSuggestionFor(doc: Y.Doc, threadId: string, userId: string): void {
  const s = doc.getMap<Y.Map<unknown>>('comments').get(threadId)!.get('suggestion') as Y.Map<unknown>
  s.set('status', 'accepted')
  s.set('decidedBy', userId)
  s.set('decidedAt', Date.now())
}
