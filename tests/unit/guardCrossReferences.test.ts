/**
 * The guard and cross-references: nothing to register. A `crossReference` is an inline element and
 * giving a target its `refId` is an attribute on a paragraph — both structure, which only those
 * who may edit the section's text write. A reviewer (who only suggests text) may do neither, and
 * no author may write a refId into a final section. Updates made with the editor's own binding.
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

const insertReference = (section: string) => (d: Y.Doc) => editSection(d, section, st => st.tr.insert(3, st.schema.nodes.crossReference!.create({ targetId: 'pabc123', targetKind: 'paragraph' })))
const giveRefId = (section: string) => (d: Y.Doc) => editSection(d, section, st => st.tr.setNodeAttribute(0, 'refId', 'pabc123'))

describe('guard: cross-references', () => {
  it('lets an author insert a reference and give a paragraph of a section they may edit its refId', () => {
    const { s, a, b } = standardScenario()
    expect(verdict(s, a, insertReference('sec-draft-a'))).toBe('ok')
    expect(verdict(s, a, giveRefId('sec-draft-a'))).toBe('ok')
    // Not only in their own sections: authors edit every section that is not final.
    expect(verdict(s, b, giveRefId('sec-draft-a'))).toBe('ok')
  })

  it('refuses both from a reviewer and a viewer', () => {
    const { s, reviewer, viewer } = standardScenario()
    expect(verdict(s, reviewer, insertReference('sec-draft-a'))).toMatch(/cannot be suggested/)
    expect(verdict(s, reviewer, giveRefId('sec-draft-a'))).toMatch(/cannot be suggested/)
    expect(verdict(s, viewer, insertReference('sec-draft-a'))).not.toBe('ok')
    expect(verdict(s, viewer, giveRefId('sec-draft-a'))).not.toBe('ok')
  })

  it('refuses a refId written into a final section by an author, not by the secretariat', () => {
    const { s, a, sec } = standardScenario()
    expect(verdict(s, a, giveRefId('sec-final-a'))).not.toBe('ok')
    expect(verdict(s, sec, giveRefId('sec-final-a'))).toBe('ok')
  })
})
