/**
 * Every block of the report linked to a CO recommendation (its `followUp` attribute), read from
 * the Y.Doc the same way in the browser (live table, cluster notices) and on the server (DOCX):
 * where it is (section, top-level block, its refId for the report's numbering) and a few of its
 * words to recognise it by.
 */
import * as Y from 'yjs'
import { sectionFragmentName } from '../docNames'
import { readSections } from '../reportDoc'
import { FOLLOW_UP_NODES, type FollowUpLink } from '../schemas/followUp'
import { parseFollowUpLink } from './parseFollowUpLink'

/** A linked node inside one top-level block, as the block alone tells it. */
export type BlockLink = Omit<FollowUpPlace, 'sectionId' | 'sectionTitle' | 'block'>

/** One linked block. */
export interface FollowUpPlace extends FollowUpLink {
  sectionId: string
  sectionTitle: string
  /** Index of the top-level block that holds it in the section body. */
  block: number
  nodeType: string
  refId: string | null
  /** The block's first words. */
  excerpt: string
}

const EXCERPT_CHARS = 90

/** The linked nodes in one top-level block of a section body, in order. */
export function blockFollowUpLinks(top: unknown): BlockLink[] {
  const out: BlockLink[] = []
  const visit = (node: unknown) => {
    if (!(node instanceof Y.XmlElement)) return
    const link = (FOLLOW_UP_NODES as readonly string[]).includes(node.nodeName) ? parseFollowUpLink(node.getAttribute('followUp')) : null
    if (link) {
      const refId = node.getAttribute('refId')
      out.push({ ...link, nodeType: node.nodeName, refId: typeof refId === 'string' && refId ? refId : null, excerpt: excerpt(node) })
      // A linked recommendation speaks for its paragraphs.
      return
    }
    for (const child of node.toArray()) visit(child)
  }
  visit(top)
  return out
}

/**
 * All linked blocks, in report order. `linksOf` reads one top-level block (the browser passes
 * one that keeps what it read per block: composables/useFollowUp.ts).
 */
export function readFollowUpLinks(doc: Y.Doc, linksOf: (top: unknown) => BlockLink[] = blockFollowUpLinks): FollowUpPlace[] {
  const out: FollowUpPlace[] = []
  for (const section of readSections(doc)) {
    if (section.generated) continue
    const fragment = doc.getXmlFragment(sectionFragmentName(section.id))
    fragment.toArray().forEach((top, block) => {
      for (const { nodeType, refId, excerpt, ...link } of linksOf(top)) {
        out.push({ ...link, sectionId: section.id, sectionTitle: section.title, block, nodeType, refId, excerpt })
      }
    })
  }
  return out
}

function excerpt(node: Y.XmlElement): string {
  let text = ''
  const walk = (n: unknown) => {
    if (text.length > EXCERPT_CHARS) return
    if (n instanceof Y.XmlText) {
      for (const op of n.toDelta() as Array<{ insert: unknown }>) if (typeof op.insert === 'string') text += op.insert
    } else if (n instanceof Y.XmlElement) {
      if (text && !/\s$/.test(text)) text += ' '
      for (const child of n.toArray()) walk(child)
    }
  }
  walk(node)
  text = text.replace(/\s+/g, ' ').trim()
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).replace(/\s\S*$/, '')}…` : text
}
