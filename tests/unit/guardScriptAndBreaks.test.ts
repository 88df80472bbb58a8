/**
 * The guard and the schema's superscript/subscript marks and page-break node: nothing to register.
 * An author writes them like any formatting and structure; a reviewer (who only suggests text)
 * may not. Updates made with the editor's own binding (tests/support/guardScenario.ts).
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { guardUpdate } from '../../server/collab/guard'
import { editSection, standardScenario } from '../support/guardScenario'
import type { Member, Scenario } from '../support/guardScenario'

function verdict(s: Scenario, m: Member, edit: (doc: Y.Doc) => void): string {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server))
  doc.clientID = m.doc.clientID
  const sv = Y.encodeStateVector(doc)
  edit(doc)
  const v = guardUpdate(s.server, Y.encodeStateAsUpdate(doc, sv), m)
  return v.ok ? 'ok' : v.reason
}

const SECTION = 'sec-draft-a'
const superscript = (d: Y.Doc) => editSection(d, SECTION, st => st.tr.addMark(2, 4, st.schema.marks.superscript!.create()))
const subscript = (d: Y.Doc) => editSection(d, SECTION, st => st.tr.addMark(2, 4, st.schema.marks.subscript!.create()))
const pageBreak = (d: Y.Doc) => editSection(d, SECTION, st => st.tr.insert(0, st.schema.nodes.pageBreak!.create()))

describe('guard: superscript, subscript and page breaks', () => {
  it('lets an author add them', () => {
    const { s, a } = standardScenario()
    expect(verdict(s, a, superscript)).toBe('ok')
    expect(verdict(s, a, subscript)).toBe('ok')
    expect(verdict(s, a, pageBreak)).toBe('ok')
  })

  it('refuses them from a reviewer, who suggests text only', () => {
    const { s, reviewer } = standardScenario()
    expect(verdict(s, reviewer, superscript)).not.toBe('ok')
    expect(verdict(s, reviewer, pageBreak)).not.toBe('ok')
  })
})
