/**
 * Parsing concluding observations (shared/followUp/parseConcludingObservations.ts): the structure
 * of a real CO (CRC/C/AZE/CO/5-6's parts, clusters, topics, numbered and lettered paragraphs)
 * comes out the same whether pasted from the web or converted from the PDF with hard line
 * breaks and page furniture; and for generated COs every paragraph is found once, in order,
 * with no word lost.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseConcludingObservations } from '#shared/followUp/parseConcludingObservations'
import { SAMPLE_CO_SYMBOL, sampleCoText, type CoBlock } from '../fixtures-gen/sampleConcludingObservations'

const words = (s: string) => s.split(/\s+/).filter(Boolean).join(' ')

describe('a real CO structure', () => {
  for (const wrap of [0, 38, 60, 95]) {
    it(`finds paragraphs, sub-paragraphs, headings and recommendations (wrap ${wrap || 'none'})`, () => {
      const co = parseConcludingObservations(sampleCoText({ wrap, pageLines: 23 }))
      expect(co.symbol).toBe(SAMPLE_CO_SYMBOL)
      expect(co.paragraphs.map(p => p.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      const p5 = co.paragraphs[4]!
      expect(p5.text).toBe('Recalling its previous recommendations (CRC/C/AZE/CO/3-4, para. 8), the Committee recommends that the State party:')
      expect(p5.subparagraphs.map(s => s.letter)).toEqual(['a', 'b', 'c'])
      expect(p5.subparagraphs[1]!.text).toBe('Conduct child rights impact assessments of all legislation and policies affecting children;')
      expect(p5).toMatchObject({ part: 'III. Main areas of concern and recommendations', cluster: 'A. General measures of implementation (arts. 4, 42 and 44 (6))', topic: 'Legislation', recommendation: true })
      // "37 (a) and 39" wrapped to a line start is text, not a fourth sub-paragraph.
      expect(co.paragraphs[11]!.subparagraphs).toHaveLength(3)
      expect(co.paragraphs[11]!.subparagraphs[2]!.text).toMatch(/article 37 \(a\) and 39\.$/)
      expect(co.paragraphs[11]!.cluster).toBe('E. Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)')
      expect(co.paragraphs[12]!.cluster).toBe('F. Family environment and alternative care (arts. 5, 9–11, 18 (1) and (2), 20, 21, 25 and 27 (4))')
      // Cluster "I." after "H." is a cluster, not a part; "A." after part IV starts again.
      expect(co.paragraphs[16]).toMatchObject({ cluster: 'I. Education, leisure and cultural activities (arts. 28–31)', part: 'III. Main areas of concern and recommendations' })
      expect(co.paragraphs[18]).toMatchObject({ part: 'IV. Implementation and reporting', cluster: 'A. Follow-up and dissemination', recommendation: true })
      expect(co.paragraphs.filter(p => p.recommendation).map(p => p.number)).toEqual([5, 7, 8, 10, 11, 12, 14, 15, 16, 18, 19, 20])
    })
  }

  it('reads the symbol of an OPAC CO and leaves it null when the text has none', () => {
    expect(parseConcludingObservations('CRC/C/OPAC/DZA/CO/1\n\n1. The Committee recommends that the State party act.').symbol).toBe('CRC/C/OPAC/DZA/CO/1')
    expect(parseConcludingObservations('1. The Committee recommends that the State party act.').symbol).toBeNull()
  })

  it('takes a paste that starts in the middle (paragraph 12 first)', () => {
    const co = parseConcludingObservations('Corporal punishment\n12. The Committee recommends that the State party:\n(a) Prohibit it;\n(b) Monitor it.\n13. The Committee notes the law.')
    expect(co.paragraphs.map(p => [p.number, p.subparagraphs.length, p.topic, p.recommendation])).toEqual([[12, 2, 'Corporal punishment', true], [13, 0, 'Corporal punishment', false]])
  })

  it('does not start a paragraph at a year or an out-of-sequence number', () => {
    const co = parseConcludingObservations('1. The Committee notes that in\n2016. the law changed and\n3. cases were reported.\n2. The Committee urges the State party to act.')
    expect(co.paragraphs.map(p => p.number)).toEqual([1, 2])
    expect(co.paragraphs[0]!.text).toBe('The Committee notes that in 2016. the law changed and 3. cases were reported.')
  })

  it('finds nothing in text without numbered paragraphs', () => {
    expect(parseConcludingObservations('Dear colleagues,\nplease find attached.').paragraphs).toEqual([])
  })
})

/** Generated COs: words that never look like numbering on their own. */
const word = fc.constantFrom('the', 'State', 'party', 'children', 'rights', 'law', 'of', 'and', 'in', '2016', 'article', '37', '(a)', 'access', 'to', 'justice', 'Committee', 'notes')
const sentence = fc.array(word, { minLength: 1, maxLength: 30 }).map(ws => ws.join(' '))
const paragraph = fc.record({
  lead: sentence,
  subs: fc.array(sentence, { maxLength: 5 }),
  recommends: fc.boolean(),
})
const heading = fc.constantFrom('Birth registration', 'C. General principles (arts. 2, 3, 6 and 12)', 'Right to privacy', 'F. Family environment and alternative care (arts. 5, 9–11, 18 (1) and (2), 20, 21, 25 and 27 (4))')
const item = fc.oneof({ weight: 4, arbitrary: paragraph.map(p => ({ p })) }, { weight: 1, arbitrary: heading.map(h => ({ h })) })

interface GenParagraph { lead: string, subs: string[], recommends: boolean }

function toBlocks(items: Array<{ p: GenParagraph } | { h: string }>, first: number): CoBlock[] {
  let n = first
  return items.map((x) => {
    if ('h' in x) return { heading: x.h }
    const p = x.p
    const lead = `${p.recommends ? 'The Committee recommends that ' : ''}${p.lead}${p.subs.length ? ':' : '.'}`
    return { number: n++, lead, subs: p.subs.map((s, i) => `${s}${i === p.subs.length - 1 ? '.' : ';'}`) }
  })
}

describe('generated COs', () => {
  it('finds every numbered paragraph once, in order, with its sub-paragraphs and every word', () => {
    fc.assert(fc.property(fc.array(item, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, 30, 45, 70, 120), (items, first, wrap) => {
      // A CO's body starts with a part heading after its title (see ownHeadings in the parser).
      const blocks = [{ heading: 'III. Main areas of concern and recommendations' }, ...toBlocks(items, first)]
      const expected = blocks.filter((b): b is Extract<CoBlock, { number: number }> => 'number' in b)
      const co = parseConcludingObservations(sampleCoText({ blocks, wrap, pageLines: 17 }))
      expect(co.paragraphs.map(p => p.number)).toEqual(expected.map(b => b.number))
      // Oracle for the headings: a lettered one opens a cluster (and ends the topic), others a topic.
      let cluster: string | null = null
      let topic: string | null = null
      const heads = new Map<number, [string | null, string | null]>()
      for (const b of blocks) {
        if ('heading' in b) {
          if (/^III\. /.test(b.heading)) [cluster, topic] = [null, null]
          else if (/^[A-Z]\. /.test(b.heading)) [cluster, topic] = [b.heading, null]
          else topic = b.heading
        } else {
          heads.set(b.number, [cluster, topic])
        }
      }
      expect(co.paragraphs.map(p => [p.cluster, p.topic])).toEqual(expected.map(b => heads.get(b.number)))
      co.paragraphs.forEach((p, i) => {
        const b = expected[i]!
        expect(words(p.text)).toBe(words(b.lead))
        expect(p.subparagraphs.map(s => words(s.text))).toEqual((b.subs ?? []).map(words))
        expect(p.recommendation).toBe(b.lead.startsWith('The Committee recommends'))
      })
    }), { numRuns: 1000 })
  })
})
