/**
 * Random editing of report sections, as several people typing at once would: paragraphs
 * inserted, words typed at random places, ranges deleted, bold applied. Seeded, so a failure
 * can be replayed.
 */
import * as Y from 'yjs'

/** A small deterministic random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['child', 'rights', 'state', 'party', 'report', 'article', 'education', 'health', 'protection', 'data']

/** One random edit in one of the given section fragments of `doc`. */
export function randomEdit(doc: Y.Doc, sectionIds: string[], rnd: () => number): void {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const fragment = doc.getXmlFragment(`section:${pick(sectionIds)}`)
  const paragraphs = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement)
  const roll = rnd()
  if (!paragraphs.length || roll < 0.15) {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(`${pick(WORDS)} `)])
    fragment.insert(Math.floor(rnd() * (fragment.length + 1)), [p])
    return
  }
  const text = pick(paragraphs).get(0)
  if (!(text instanceof Y.XmlText)) return
  if (roll < 0.75 || text.length < 4) {
    text.insert(Math.floor(rnd() * (text.length + 1)), `${pick(WORDS)} `)
  } else if (roll < 0.92) {
    const start = Math.floor(rnd() * (text.length - 2))
    text.delete(start, 1 + Math.floor(rnd() * Math.min(6, text.length - start - 1)))
  } else {
    const start = Math.floor(rnd() * (text.length - 2))
    text.format(start, 2, { bold: true })
  }
}

/** Section bodies of a document, comparable between copies. */
export function bodies(doc: Y.Doc, sectionIds: string[]): string {
  return sectionIds.map(id => doc.getXmlFragment(`section:${id}`).toString()).join('\n')
}
