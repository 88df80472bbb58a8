/**
 * Undoing a decision on a suggestion, over real sockets and the real hub: a reviewer suggests a
 * replacement, the author accepts it in one step of their editor's undo manager (the panel's own
 * path: shared/editor/decideSuggestions.ts + recordSuggestionDecisions in one transaction), then
 * undoes it — the suggestion is back for everyone, in the reviewer's name, and the stored copy
 * has it — and redoes it. The secretariat undoing the author's decision in their own session is
 * refused (4403) and nothing of it is stored.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSuggestions } from '../../shared/editor/readSuggestions'
import { readThreads } from '../../shared/commentsDoc'
import { startServer, removeDataDir } from '../support/serverProcess'
import type { ServerHandle } from '../support/serverProcess'
import { decideUndoably, editorUndoManager, editSection, typeInSection } from '../support/guardScenario'
import { suggestChanges } from '../../shared/editor/suggestChanges'
import { collabFixture } from './support/yclientFixture'
import type { CollabFixture, Who } from './support/yclientFixture'
import { YClient, eventually, storedDocSqlite } from './support/yclient'

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

it('lets the author undo and redo their decision for everyone; the secretariat cannot undo it for them', async () => {
  const sectionId = fx.sectionIds[0]!
  const open = (doc: Y.Doc) => readSuggestions(doc.getXmlFragment(`section:${sectionId}`), sectionId)
  const author = await connect('author')
  const reviewer = await connect('reviewer')
  const secretariat = await connect('secretariat')
  typeInSection(author.doc, sectionId, 'Detention is used as a last resort.')
  await eventually(() => reviewer.doc.getXmlFragment(`section:${sectionId}`).toString().includes('last resort'), 10_000, 'the text at the reviewer')

  // The reviewer replaces "a last" with "the very last", through suggesting mode's transform.
  const rev = { id: fx.accounts.reviewer.id, name: fx.accounts.reviewer.name }
  editSection(reviewer.doc, sectionId, (st) => {
    let from = -1
    st.doc.descendants((n, pos) => {
      if (n.isText && n.text!.includes('a last')) from = pos + n.text!.indexOf('a last')
    })
    const r = suggestChanges(st, st.tr.insertText('the very last', from, from + 'a last'.length), rev)
    return r.kind === 'tracked' ? r.tr : null
  })
  await eventually(() => open(author.doc).length === 1 && open(secretariat.doc).length === 1, 10_000, 'the suggestion everywhere')
  const suggestion = open(author.doc)[0]!
  expect([suggestion.kind, suggestion.deleted, suggestion.inserted, suggestion.authorId]).toEqual(['replacement', 'a last', 'the very last', rev.id])

  // The author accepts it as one undoable step; the secretariat's client watches (and, later,
  // tries to undo what arrived from the author with an undo manager of its own).
  const um = editorUndoManager(author.doc, sectionId)
  const stolen = new Y.UndoManager(secretariat.doc.getXmlFragment(`section:${sectionId}`), { trackedOrigins: new Set([secretariat.provider]) })
  decideUndoably(author.doc, um, sectionId, 'accept', { userId: fx.accounts.author.id, userName: fx.accounts.author.name }, suggestion.id)
  await eventually(() => open(secretariat.doc).length === 0 && open(reviewer.doc).length === 0, 10_000, 'the decision everywhere')
  expect(readThreads(secretariat.doc).filter(t => t.suggestionId === suggestion.id).map(t => t.decision?.status)).toEqual(['accepted'])

  // Ctrl+Z: the suggestion is back for everyone, exactly as it was, and stored.
  expect(um.undo()).not.toBeNull()
  await eventually(() => open(reviewer.doc).length === 1 && open(secretariat.doc).length === 1, 10_000, 'the suggestion back everywhere')
  expect(open(reviewer.doc)).toEqual([suggestion])
  expect(readThreads(reviewer.doc).some(t => t.suggestionId === suggestion.id)).toBe(false)
  await eventually(() => open(storedDocSqlite(server.dataDir, fx.reportId)).length === 1, 10_000, 'the suggestion back in the store')
  expect(author.closes).toEqual([])

  // Ctrl+Shift+Z: decided again.
  expect(um.redo()).not.toBeNull()
  await eventually(() => open(reviewer.doc).length === 0 && open(secretariat.doc).length === 0, 10_000, 'decided again everywhere')
  expect(readThreads(reviewer.doc).filter(t => t.suggestionId === suggestion.id).map(t => t.decision?.status)).toEqual(['accepted'])
  expect(reviewer.doc.getXmlFragment(`section:${sectionId}`).toString()).toContain('the very last resort')

  // The secretariat's client undoes the author's decision in its own session: refused.
  await eventually(() => stolen.undoStack.length > 0, 10_000, 'the author\'s steps at the secretariat')
  stolen.undo()
  expect((await secretariat.closed()).code).toBe(4403)
  await new Promise(r => setTimeout(r, 300))
  const stored = storedDocSqlite(server.dataDir, fx.reportId)
  expect(open(stored)).toEqual([])
  expect(readThreads(stored).filter(t => t.suggestionId === suggestion.id).map(t => t.decision?.status)).toEqual(['accepted'])
  expect(author.closes).toEqual([])
}, 60_000)
