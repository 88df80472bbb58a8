/**
 * Follow-up of concluding observations in the report's Y.Doc: the COs stored in their root and
 * read back, blocks linked by their `followUp` attribute (written with the editor's own binding),
 * the follow-up table's rows and the unlinked recommendations per cluster section; and the guard:
 * an author may link a block, a reviewer and a viewer may not, and only the secretariat writes
 * the COs through the websocket.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { guardUpdate } from '../../server/collab/guard'
import { findTemplate } from '../../server/templates'
import { parseConcludingObservations } from '#shared/followUp/parseConcludingObservations'
import { writeConcludingObservations } from '#shared/followUp/writeConcludingObservations'
import { readConcludingObservations } from '#shared/followUp/readConcludingObservations'
import { readFollowUpLinks } from '#shared/followUp/readFollowUpLinks'
import { followUpRows } from '#shared/followUp/followUpRows'
import { unlinkedBySection } from '#shared/followUp/unlinkedBySection'
import { clusterSection } from '#shared/followUp/clusterSection'
import { CONCLUDING_OBSERVATIONS } from '#shared/docNames'
import { seedDoc } from '#shared/reportDoc'
import { reportMetaSchema, sectionSchema } from '#shared/schemas/report'
import { checkContextFromDoc, runChecks } from '#shared/submissionCheck'
import { sampleCoText } from '../fixtures-gen/sampleConcludingObservations'
import { editSection, standardScenario } from '../support/guardScenario'
import type { Member, Scenario } from '../support/guardScenario'

const co = parseConcludingObservations(sampleCoText({ wrap: 70 }))
const link = (ref: string, status: string) => JSON.stringify({ co: ref, status })
/** Link the first top-level paragraph of a section, as the editor's command does. */
const linkFirst = (sectionId: string, value: string | null) => (d: Y.Doc) => editSection(d, sectionId, st => st.tr.setNodeAttribute(0, 'followUp', value))

function verdict(s: Scenario, m: Member, edit: (doc: Y.Doc) => void): string {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server))
  doc.clientID = m.doc.clientID
  const sv = Y.encodeStateVector(doc)
  edit(doc)
  const v = guardUpdate(s.server, Y.encodeStateAsUpdate(doc, sv), m)
  return v.ok ? 'ok' : v.reason
}

describe('follow-up data in the Y.Doc', () => {
  it('keeps the COs and reads back what was written; an invalid value reads as none', () => {
    const doc = new Y.Doc()
    expect(readConcludingObservations(doc)).toBeNull()
    writeConcludingObservations(doc, co)
    expect(readConcludingObservations(doc)).toEqual(co)
    doc.getMap(CONCLUDING_OBSERVATIONS).set('paragraphs', [{ number: 'x' }])
    expect(readConcludingObservations(doc)).toBeNull()
  })

  it('builds the rows from linked blocks, and counts what is not yet followed up', () => {
    const { s, sec, a } = standardScenario()
    s.change(sec, d => writeConcludingObservations(d, co))
    s.change(a, linkFirst('sec-draft-a', link('12(b)', 'partly')))
    s.change(a, linkFirst('sec-review-b', link('5', 'not')))
    const places = readFollowUpLinks(s.server)
    expect(places.map(p => [p.co, p.status, p.sectionId, p.block])).toEqual([['12(b)', 'partly', 'sec-draft-a', 0], ['5', 'not', 'sec-review-b', 0]])
    expect(places[0]!.excerpt.length).toBeGreaterThan(0)
    const table = followUpRows(readConcludingObservations(s.server), places)
    expect(table.rows.map(r => [r.co.ref, r.statuses])).toEqual([['5', ['not']], ['12(b)', ['partly']]])
    // Linking paragraph 5 as a whole follows up 5(a)–(c); 12(a) and 12(c) are still open.
    const open = table.unlinked.map(i => i.ref)
    expect(open).not.toContain('5(a)')
    expect(open).toEqual(expect.arrayContaining(['7(a)', '12(a)', '12(c)', '8']))
    expect(open).not.toContain('12(b)')
    expect(table.orphans).toEqual([])
  })

  it('keeps a link to a reference the COs lack as an orphan, and an invalid attribute as no link', () => {
    const { s, a } = standardScenario()
    s.change(a, linkFirst('sec-draft-a', link('99(z)', 'implemented')))
    s.change(a, linkFirst('sec-review-b', '{"co":"1; drop","status":"partly"}'))
    const table = followUpRows(co, readFollowUpLinks(s.server))
    expect(table.orphans.map(p => p.co)).toEqual(['99(z)'])
    expect(table.rows).toEqual([])
  })
})

describe('the submission check and the generated follow-up section', () => {
  it('does not call the follow-up section empty: its body is built, never written', () => {
    const doc = new Y.Doc()
    seedDoc(doc, reportMetaSchema.parse({ title: 'R' }), [
      sectionSchema.parse({ id: 'sec-cluster', title: 'V. Violence against children' }),
      sectionSchema.parse({ id: 'sec-follow', title: 'Annex: Follow-up', countsTowardLimit: false, generated: 'followUp' }),
    ])
    const empty = runChecks(checkContextFromDoc(doc)).filter(i => i.kind === 'section-empty').map(i => i.sectionId)
    expect(empty).toEqual(['sec-cluster'])
  })
})

describe('CO clusters and the report sections', () => {
  for (const language of ['en', 'ru', 'az'] as const) {
    it(`matches each CRC cluster of the CO to the template's section (${language})`, () => {
      const sections = findTemplate('crc-alternative-report', language)!.sections.map(sec => ({ ...sec, id: sec.key }))
      const match = (cluster: string | null) => clusterSection(cluster, sections)
      const clusters = [...new Set(co.paragraphs.map(p => p.cluster))]
      expect(clusters.map(match)).toEqual([null, 'general-measures', 'definition', 'general-principles', 'civil-rights', 'violence', 'family', 'health', 'health', 'education', 'special-protection', null, null])
    })
  }

  it('groups the unlinked recommendations by the section of their cluster', () => {
    const sections = findTemplate('crc-alternative-report', 'en')!.sections.map(sec => ({ ...sec, id: sec.key }))
    const groups = unlinkedBySection(followUpRows(co, []).unlinked, sections)
    expect(groups.get('violence')!.map(i => i.ref)).toEqual(['12(a)', '12(b)', '12(c)'])
    expect(groups.get('general-measures')!.map(i => i.ref)).toEqual(['5(a)', '5(b)', '5(c)', '7(a)', '7(b)', '7(c)'])
    expect(groups.has('executive-summary')).toBe(false)
  })
})

describe('guard: follow-up links and the COs', () => {
  it('lets an author link a block and change or remove the link', () => {
    const { s, a } = standardScenario()
    expect(verdict(s, a, linkFirst('sec-draft-a', link('12(b)', 'partly')))).toBe('ok')
    s.change(a, linkFirst('sec-draft-a', link('12(b)', 'partly')))
    expect(verdict(s, a, linkFirst('sec-draft-a', link('12(b)', 'implemented')))).toBe('ok')
    expect(verdict(s, a, linkFirst('sec-draft-a', null))).toBe('ok')
  })

  it('refuses a link from a reviewer and from a viewer', () => {
    const { s, reviewer, viewer } = standardScenario()
    expect(verdict(s, reviewer, linkFirst('sec-draft-a', link('12(b)', 'partly')))).not.toBe('ok')
    expect(verdict(s, viewer, linkFirst('sec-draft-a', link('12(b)', 'partly')))).not.toBe('ok')
  })

  it('lets only the secretariat write the COs', () => {
    const { s, sec, a, reviewer, viewer } = standardScenario()
    const write = (d: Y.Doc) => writeConcludingObservations(d, co)
    expect(verdict(s, sec, write)).toBe('ok')
    for (const m of [a, reviewer, viewer]) expect(verdict(s, m, write)).not.toBe('ok')
  })
})
