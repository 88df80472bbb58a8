/**
 * Word counting as the UN counts a submission: every word of the body text, footnotes included
 * (annexes are excluded by the section's `countsTowardLimit`, not here). A word is a run of
 * characters between white space that holds at least one letter or digit, so a lone "—" counts
 * as nothing and "art. 37(a)" counts as two words.
 *
 * Open suggestions count as if they were all rejected: text suggested for insertion is not
 * counted (it is "pending"), text suggested for deletion still is — a limit is never met by a
 * suggestion nobody has accepted.
 */
import * as Y from 'yjs'
import { INSERTION } from './editor/suggestionMarks'
import { CROSS_REFERENCE } from './editor/crossReference'

const WORD = /[\p{L}\p{N}]/u

/**
 * Words of one cross-reference as the file prints it: "para. 27", "recommendation R12", "Figure 3",
 * "section III", "[broken reference]" are two each (a heading cited by its whole title is more;
 * its title is counted where it stands).
 */
export const CROSS_REFERENCE_WORDS = 2

/** Words in a plain string. */
export function countWords(text: string): number {
  let n = 0
  for (const token of text.split(/\s+/)) if (WORD.test(token)) n++
  return n
}

/** Words of a body and, apart, the words of its open suggested insertions. */
export interface WordCounts { words: number, pending: number }

/** Words in a section body held in a Y.XmlFragment (or any Y.Xml subtree), suggestions rejected. */
export function countFragmentWords(node: Y.XmlFragment | Y.XmlElement | Y.XmlText): number {
  return fragmentWordCounts(node).words
}

/** Words and pending (suggested) words of a Y.XmlFragment, in one walk. */
export function fragmentWordCounts(node: Y.XmlFragment | Y.XmlElement | Y.XmlText, into: WordCounts = { words: 0, pending: 0 }): WordCounts {
  if (node instanceof Y.XmlText) {
    let text = ''
    let pending = ''
    for (const op of node.toDelta() as Array<{ insert: unknown, attributes?: Record<string, unknown> }>) {
      if (typeof op.insert !== 'string') continue
      if (op.attributes?.[INSERTION]) pending += ' ' + op.insert
      else text += op.insert
    }
    into.words += countWords(text)
    into.pending += countWords(pending)
    return into
  }
  // A cross-reference prints its word and number ("para. 27") in the submitted file, so it counts.
  if (node instanceof Y.XmlElement && node.nodeName === CROSS_REFERENCE) {
    into.words += CROSS_REFERENCE_WORDS
    return into
  }
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText || child instanceof Y.XmlElement) fragmentWordCounts(child, into)
  }
  return into
}

/** Words in ProseMirror JSON (used by the importer and exporter, which hold JSON, not Y types). */
export function countJsonWords(node: { text?: string, content?: unknown[], marks?: Array<{ type?: string }> }): number {
  if (typeof node.text === 'string') return node.marks?.some(m => m.type === INSERTION) ? 0 : countWords(node.text)
  let n = 0
  let run = ''
  for (const child of (node.content ?? []) as Array<{ text?: string, content?: unknown[] }>) {
    // Adjacent text nodes (differently marked) belong to the same words.
    if (typeof child.text === 'string') {
      if (!(child as { marks?: Array<{ type?: string }> }).marks?.some(m => m.type === INSERTION)) run += child.text
      continue
    }
    n += countWords(run)
    run = ''
    n += (child as { type?: string }).type === CROSS_REFERENCE ? CROSS_REFERENCE_WORDS : countJsonWords(child)
  }
  return n + countWords(run)
}
