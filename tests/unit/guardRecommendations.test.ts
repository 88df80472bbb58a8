/**
 * The guard and recommendation/question blocks: adding, removing or changing one (its articles, its
 * priority, its kind) is structure, which only those who may edit the section's text write — the
 * authors of a section that is not final, the secretariat always. Reviewers (who only suggest text)
 * and viewers may do none of it; a reviewer may still suggest words inside a block. Nobody writes
 * into a generated section (the summary of recommendations). Updates made with the editor's binding.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { guardUpdate } from '../../server/collab/guard'
import { findSectionMap } from '#shared/reportDoc'
import { editSection, standardScenario, suggestionBy } from '../support/guardScenario'
import type { Member, Scenario } from '../support/guardScenario'
import { INSERTION } from '#shared/editor/suggestionMarks'

function verdict(s: Scenario, m: Member, edit: (doc: Y.Doc) => void): string {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server))
  doc.clientID = m.doc.clientID
  const sv = Y.encodeStateVector(doc)
  edit(doc)
  const before = Y.encodeStateAsUpdate(s.server)
  const v = guardUpdate(s.server, Y.encodeStateAsUpdate(doc, sv), m)
  // Judging never changes the document.
  expect(Y.encodeStateAsUpdate(s.server)).toEqual(before)
  return v.ok ? 'ok' : v.reason
}

const insertBlock = (section: string, kind = 'recommendation') => (d: Y.Doc) => editSection(d, section, st => st.tr.insert(0, st.schema.nodes.recommendation!.create({ refId: 'rTest1', kind, articles: '19', priority: false }, st.schema.nodes.paragraph!.create(null, st.schema.text('Prohibit corporal punishment.')))))
/** The position of the first recommendation block of the section, in the editor's document. */
const blockPos = (st: { doc: { forEach: (f: (n: { type: { name: string } }, o: number) => void) => void } }) => {
  let at = -1
  st.doc.forEach((n, o) => {
    if (at < 0 && n.type.name === 'recommendation') at = o
  })
  return at
}
const setAttr = (section: string, key: string, value: unknown) => (d: Y.Doc) => editSection(d, section, st => st.tr.setNodeAttribute(blockPos(st), key, value))
const removeBlock = (section: string) => (d: Y.Doc) => editSection(d, section, (st) => {
  const at = blockPos(st)
  return st.tr.delete(at, at + st.doc.nodeAt(at)!.nodeSize)
})

/** The standard scenario with a block the author put in their draft (accepted by the guard). */
function withBlock() {
  const scenario = standardScenario()
  scenario.s.change(scenario.a, insertBlock('sec-draft-a'))
  return scenario
}

describe('guard: recommendation and question blocks', () => {
  it('lets the authors of a section that is not final add, change and remove a block', () => {
    const { s, a, b } = withBlock()
    expect(verdict(s, b, insertBlock('sec-draft-a', 'question'))).toBe('ok')
    expect(verdict(s, a, setAttr('sec-draft-a', 'priority', true))).toBe('ok')
    expect(verdict(s, b, setAttr('sec-draft-a', 'articles', '19, 37(a)'))).toBe('ok')
    expect(verdict(s, a, removeBlock('sec-draft-a'))).toBe('ok')
  })

  it('refuses a reviewer and a viewer any of it, but lets the reviewer suggest words inside a block', () => {
    const { s, reviewer, viewer } = withBlock()
    for (const m of [reviewer, viewer]) {
      expect(verdict(s, m, insertBlock('sec-draft-a'))).not.toBe('ok')
      expect(verdict(s, m, setAttr('sec-draft-a', 'priority', true))).not.toBe('ok')
      expect(verdict(s, m, setAttr('sec-draft-a', 'kind', 'question'))).not.toBe('ok')
      expect(verdict(s, m, removeBlock('sec-draft-a'))).not.toBe('ok')
    }
    expect(verdict(s, reviewer, setAttr('sec-draft-a', 'articles', '3'))).toMatch(/cannot be suggested/)
    const suggestWords = (d: Y.Doc) => editSection(d, 'sec-draft-a', (st) => {
      const inside = blockPos(st) + 2
      return st.tr.insert(inside, st.schema.text('urgently ', [st.schema.marks[INSERTION]!.create(suggestionBy(reviewer))]))
    })
    expect(verdict(s, reviewer, suggestWords)).toBe('ok')
  })

  it('refuses an author a block in a final section; the secretariat may', () => {
    const { s, a, sec } = withBlock()
    expect(verdict(s, a, insertBlock('sec-final-a'))).toMatch(/final/)
    expect(verdict(s, sec, insertBlock('sec-final-a'))).toBe('ok')
  })

  it('refuses everyone text in a generated section, the secretariat included', () => {
    const { s, a, sec } = withBlock()
    s.change(sec, d => findSectionMap(d, 'sec-draft-none')!.map.set('generated', 'recommendations'))
    expect(verdict(s, a, insertBlock('sec-draft-none'))).toMatch(/generated/)
    expect(verdict(s, sec, insertBlock('sec-draft-none'))).toMatch(/generated/)
    // Other sections are unaffected.
    expect(verdict(s, a, insertBlock('sec-draft-a'))).toBe('ok')
  })
})
