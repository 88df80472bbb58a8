/**
 * Cross-references whose target is gone (or has no number), per section, read from the stored
 * Y.Doc with the same numbering the editor and the export use: the submission check lists them,
 * since the clean copy would print "[broken reference]" where a number should be.
 */
import * as Y from 'yjs'
import { citable } from './crossReferenceText'
import { sectionFragmentName } from './docNames'
import { CROSS_REFERENCE } from './editor/crossReference'
import { readMeta, readSections } from './reportDoc'
import { numberReport, sectionBlocks } from './reportNumbering'
import { yBlockJson } from './yBlockJson'

/** Broken cross-references by section id (sections without any are left out). */
export function brokenReferencesBySection(doc: Y.Doc): Map<string, number> {
  const sections = readSections(doc).map(s => ({ section: s, fragment: doc.getXmlFragment(sectionFragmentName(s.id)) }))
  const numbers = numberReport(sections.map(({ section, fragment }) => ({
    id: section.id,
    countsTowardLimit: section.countsTowardLimit,
    blocks: sectionBlocks({ type: 'doc', content: fragment.toArray().flatMap(b => (b instanceof Y.XmlElement || b instanceof Y.XmlText ? yBlockJson(b) : [])) }),
  })), { numberedParagraphs: readMeta(doc).numberedParagraphs })
  const out = new Map<string, number>()
  for (const { section, fragment } of sections) {
    let broken = 0
    const walk = (node: Y.XmlFragment | Y.XmlElement) => {
      for (const child of node.toArray()) {
        if (!(child instanceof Y.XmlElement)) continue
        if (child.nodeName === CROSS_REFERENCE) {
          const target = numbers.byRefId.get(String(child.getAttribute('targetId') ?? ''))
          if (!citable(target)) broken++
        } else {
          walk(child)
        }
      }
    }
    walk(fragment)
    if (broken) out.set(section.id, broken)
  }
  return out
}
