/**
 * The guard and figures: a figure is structure (a new element with attributes), so an author may
 * insert, resize and delete one in a section they may edit, while a reviewer — whose suggestions
 * may only add text and text marks — and a viewer may not, not even as a suggestion with an
 * insertion mark on its caption. Updates made with the editor's own binding (guardScenario.ts).
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { EditorState } from '@tiptap/pm/state'
import { guardUpdate } from '../../server/collab/guard'
import { editSection, standardScenario } from '../support/guardScenario'
import type { Member, Scenario } from '../support/guardScenario'

const SECTION = 'sec-draft-a'
const FINAL = 'sec-final-a'
const IMAGE = 'ab'.repeat(32)
const STRUCTURE = 'paragraphs, lists, tables and notes cannot be suggested'
const VIEWER = 'viewers cannot change the report'

function verdict(s: Scenario, m: Member, edit: (doc: Y.Doc) => void): string {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server))
  doc.clientID = m.doc.clientID
  const sv = Y.encodeStateVector(doc)
  edit(doc)
  const v = guardUpdate(s.server, Y.encodeStateAsUpdate(doc, sv), m)
  return v.ok ? 'ok' : v.reason
}

/** A figure as the editor inserts it: after the first block, with a caption. */
const figureNode = (st: EditorState, captionMarks: Parameters<EditorState['schema']['text']>[1] = []) =>
  st.schema.nodes.figure!.create({ imageId: IMAGE, alt: 'A chart', width: 300, naturalWidth: 800, naturalHeight: 400 }, st.schema.text('Children in care', captionMarks))

const insertFigure = (section: string) => (d: Y.Doc) => editSection(d, section, st => st.tr.insert(st.doc.child(0).nodeSize, figureNode(st)))

/** The figure's position in a section that has one. */
const figureAt = (st: EditorState) => {
  let at = -1
  st.doc.forEach((node, offset) => {
    if (at < 0 && node.type.name === 'figure') at = offset
  })
  return at
}

function withFigure(): ReturnType<typeof standardScenario> {
  const scenario = standardScenario()
  scenario.s.change(scenario.a, insertFigure(SECTION))
  return scenario
}

describe('guard: figures', () => {
  it('lets an author insert a figure in a section they may edit', () => {
    const { s, a } = standardScenario()
    expect(verdict(s, a, insertFigure(SECTION))).toBe('ok')
  })

  it('lets an author resize, realign and delete a figure', () => {
    const { s, a } = withFigure()
    expect(verdict(s, a, d => editSection(d, SECTION, st => st.tr.setNodeAttribute(figureAt(st), 'width', 200).setNodeAttribute(figureAt(st), 'align', 'left')))).toBe('ok')
    expect(verdict(s, a, d => editSection(d, SECTION, st => st.tr.delete(figureAt(st), figureAt(st) + st.doc.nodeAt(figureAt(st))!.nodeSize)))).toBe('ok')
  })

  it('refuses a figure from a reviewer, even with the caption marked as a suggested insertion', () => {
    const { s, reviewer } = standardScenario()
    expect(verdict(s, reviewer, insertFigure(SECTION))).toBe(STRUCTURE)
    const insertion = (st: EditorState) => st.schema.marks.insertion!.create({ id: 'sug-fig-1', authorId: reviewer.userId, authorName: reviewer.userName, createdAt: 1 })
    expect(verdict(s, reviewer, d => editSection(d, SECTION, st => st.tr.insert(st.doc.child(0).nodeSize, figureNode(st, [insertion(st)]))))).toBe(STRUCTURE)
  })

  it('refuses a reviewer\'s or viewer\'s change of an existing figure\'s picture, size or existence', () => {
    const { s, reviewer, viewer } = withFigure()
    for (const [who, reason] of [[reviewer, STRUCTURE], [viewer, VIEWER]] as const) {
      expect(verdict(s, who, d => editSection(d, SECTION, st => st.tr.setNodeAttribute(figureAt(st), 'imageId', 'cd'.repeat(32))))).toBe(reason)
      expect(verdict(s, who, d => editSection(d, SECTION, st => st.tr.setNodeAttribute(figureAt(st), 'width', 100)))).toBe(reason)
      expect(verdict(s, who, d => editSection(d, SECTION, st => st.tr.delete(figureAt(st), figureAt(st) + st.doc.nodeAt(figureAt(st))!.nodeSize)))).toBe(reason)
    }
  })

  it('refuses a figure from a viewer, and from an author in a final section', () => {
    const { s, viewer, a } = standardScenario()
    expect(verdict(s, viewer, insertFigure(SECTION))).toBe(VIEWER)
    expect(verdict(s, a, insertFigure(FINAL))).toBe('the section is final')
  })
})
